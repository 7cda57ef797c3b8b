/**
 * The Security page's rules (web/src/scripts/account/security-page.ts) and its
 * QR drawing (qr-code.tsx): the otpauth address an authenticator app reads
 * (issue 11: otpauth://totp/Twinspace:<username>?secret=…&issuer=Twinspace),
 * the check of a typed code, who must enrol (staff whose token shows no
 * second factor, as the API's rule), and that the QR code really encodes the
 * address (read back with the modules lean-qr computed).
 */
import { generate } from 'lean-qr';
import { generate as totpCode } from 'otplib';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { QrCode, modulesPath } from '../../web/src/scripts/account/qr-code.tsx';
import { groupedSecret, isStaff, mustEnrol, otpauthUri, showsSecondFactor, typedCode } from '../../web/src/scripts/account/security-page.ts';

const token = (claims: Record<string, unknown>) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

describe('the otpauth address', () => {
  it('names the issuer, the account and the secret as authenticator apps read them', () => {
    expect(otpauthUri('nss.es@demo.twinspace', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Twinspace:nss.es%40demo.twinspace?secret=JBSWY3DPEHPK3PXP&issuer=Twinspace',
    );
    const parsed = new URL(otpauthUri('ana maría', 'ABC'));
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe('/Twinspace:ana maría');
    expect(parsed.searchParams.get('secret')).toBe('ABC');
    expect(parsed.searchParams.get('issuer')).toBe('Twinspace');
  });

  it('shows the key in groups of four, which apps accept as typed', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPJBSW')).toBe('JBSW Y3DP EHPK 3PXP JBSW');
    expect(groupedSecret('ABCDEF')).toBe('ABCD EF');
  });
});

describe('a typed code', () => {
  it('takes six digits, with the spaces people type dropped', () => {
    expect(typedCode('123456')).toBe('123456');
    expect(typedCode(' 123 456 ')).toBe('123456');
  });

  it.each(['12345', '1234567', '12a456', '', '１２３４５６'])('refuses %j', (typed) => {
    expect(typedCode(typed)).toBeUndefined();
  });

  it('accepts what an authenticator app shows for the secret', async () => {
    const code = await totpCode({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(typedCode(code)).toBe(code);
  });
});

describe('who must enrol', () => {
  it('is an NSS officer or evaluator whose token shows no second factor', () => {
    expect(mustEnrol(token({ 'cognito:groups': ['nss'] }))).toBe(true);
    expect(mustEnrol(token({ 'cognito:groups': ['evaluator'] }))).toBe(true);
    expect(mustEnrol(token({ 'cognito:groups': ['nss'], 'twinspace:mfa': 'totp' }))).toBe(false);
  });

  it('is never a teacher, a pupil or an account in no group', () => {
    for (const groups of [['teacher-admin'], ['pupil-member'], [], undefined]) expect(mustEnrol(token({ 'cognito:groups': groups }))).toBe(false);
    expect(isStaff('not a token')).toBe(false);
    expect(showsSecondFactor(token({ 'twinspace:mfa': 'sms' }))).toBe(false);
  });
});

describe('the QR code', () => {
  it('draws every dark module of the code lean-qr computed, inside a 4-module quiet zone', () => {
    const text = otpauthUri('eval.es@demo.twinspace', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const code = generate(text);
    const path = modulesPath(code.size, (x, y) => code.get(x, y));
    let dark = 0;
    for (let y = 0; y < code.size; y += 1) for (let x = 0; x < code.size; x += 1) if (code.get(x, y)) dark += 1;
    expect(path.match(/M/g)).toHaveLength(dark);
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true); // the top-left finder pattern starts at the quiet zone's edge
  });

  it('is an image with the words given, drawn with no markup inserted', () => {
    const html = renderToString(h(QrCode, { text: 'otpauth://totp/Twinspace:a?secret=ABC&issuer=Twinspace', label: 'QR code to scan' }));
    expect(html).toMatch(/^<svg[^>]* role="img"[^>]* aria-label="QR code to scan"/);
    expect(html).toContain('<path d="M4 4h1v1h-1z');
  });
});
