/**
 * The second sign-in step's rules, pure (no DOM; unit-tested in node,
 * tests/unit/security-page.test.ts): the strings the Security page's island
 * (security-island.tsx) and sign-in's code step read, the otpauth address the
 * QR code carries, the check of a typed code, and who must enrol (the API's
 * own rule, functions/lib/claims.ts: NSS officers and evaluators whose ID
 * token shows no second factor).
 */
import { secondFactorClaim, staffGroups, totpClaimValue } from '../../../../functions/lib/claims.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the Security page reads. */
export const securityStrings = [
  'security.title',
  'security.intro',
  'security.required',
  'security.optional',
  'security.pupil',
  'security.on',
  'security.off',
  'security.start',
  'security.startAgain',
  'security.busyStart',
  'security.stepScan',
  'security.qrLabel',
  'security.secretLabel',
  'security.copy',
  'security.copied',
  'security.stepCode',
  'security.code',
  'security.codeHint',
  'security.confirm',
  'security.busyConfirm',
  'security.codeFormat',
  'security.wrongCode',
  'security.done',
  'security.signInAgain',
  'security.signedOut',
  'security.failed',
  'common.loading',
  'common.config',
  'common.unreachable',
  'common.error',
  'common.sessionExpired',
] as const satisfies readonly MessageKey[];

/** What sign-in's code step reads (added to the sign-in page's strings). */
export const signInCodeStrings = [
  'signInCode.title',
  'signInCode.intro',
  'signInCode.code',
  'signInCode.submit',
  'signInCode.busy',
  'signInCode.wrong',
  'signInCode.format',
  'signInCode.expired',
] as const satisfies readonly MessageKey[];

/** The issuer an authenticator app shows the account under. */
export const totpIssuer = 'Twinspace';

/**
 * The Key URI an authenticator app reads from the QR code:
 * otpauth://totp/Twinspace:<username>?secret=…&issuer=Twinspace. SHA-1, 6
 * digits and 30 seconds are the format's defaults and what Cognito uses, so
 * they are left out (some apps mishandle them when given).
 */
export function otpauthUri(username: string, secret: string): string {
  return `otpauth://totp/${totpIssuer}:${encodeURIComponent(username)}?secret=${encodeURIComponent(secret)}&issuer=${totpIssuer}`;
}

/** The secret in groups of four, easier to read and type (authenticator apps ignore the spaces). */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** A typed code as Cognito wants it (spaces people type between the groups dropped), or undefined when it is not 6 digits. */
export function typedCode(typed: string): string | undefined {
  const code = typed.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/** An ID token's claims (not verified here: the API does that). */
export function claimsOf(idToken: string): Record<string, unknown> {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether the token's account is staff (Cognito group nss or evaluator). */
export function isStaff(idToken: string): boolean {
  const groups = claimsOf(idToken)['cognito:groups'];
  return Array.isArray(groups) && groups.some((group) => (staffGroups as readonly unknown[]).includes(group));
}

/** Whether the token shows the second factor (twinspace:mfa = totp). */
export const showsSecondFactor = (idToken: string): boolean => claimsOf(idToken)[secondFactorClaim] === totpClaimValue;

/** A staff account whose token shows no second factor: the API refuses it (403 MFA_REQUIRED) until it enrols. */
export const mustEnrol = (idToken: string): boolean => isStaff(idToken) && !showsSecondFactor(idToken);

/** The query that brings a person to the Security page because the API asked for a second factor. */
export const requiredReason = { reason: 'mfa-required' } as const;
