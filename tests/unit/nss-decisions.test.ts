/**
 * The NSS lists' decision (web/src/scripts/nss/nss-page.ts), pure: approving
 * sends nothing more; rejecting needs a reason, trimmed, and without one
 * nothing is sent. Whatever it sends is a body the API accepts, for a
 * project's approval and a teacher's validation alike.
 */
import { describe, expect, it } from 'vitest';
import { approvalBody } from '../../functions/http/projects/schemas.ts';
import { validationBody } from '../../functions/http/registrations/schemas.ts';
import { decisionBody, foundersLine } from '../../web/src/scripts/nss/nss-page.ts';

describe('decisionBody', () => {
  it('approves with nothing more, whatever was typed as a reason', () => {
    expect(decisionBody(true)).toEqual({ body: { approve: true } });
    expect(decisionBody(true, 'typed, then approved')).toEqual({ body: { approve: true } });
  });

  it('rejects with the reason, trimmed', () => {
    expect(decisionBody(false, '  The ages do not match the subject.\n')).toEqual({ body: { approve: false, reason: 'The ages do not match the subject.' } });
  });

  it('sends no rejection without a reason (blank counts as none)', () => {
    expect(decisionBody(false)).toEqual({ problem: 'reasonMissing' });
    expect(decisionBody(false, ' \n\t ')).toEqual({ problem: 'reasonMissing' });
  });

  it('gives bodies both decision endpoints accept', () => {
    for (const decided of [decisionBody(true), decisionBody(false, 'Please name your school.')]) {
      if (!('body' in decided)) throw new Error('expected a body');
      expect(approvalBody.safeParse(decided.body).success).toBe(true);
      expect(validationBody.safeParse(decided.body).success).toBe(true);
    }
  });
});

describe('foundersLine', () => {
  it('names each founder with their country', () => {
    expect(foundersLine([{ displayName: 'Ana García', country: 'ES' }, { displayName: 'Luc Moreau', country: 'FR' }])).toBe('Ana García (ES), Luc Moreau (FR)');
  });
});
