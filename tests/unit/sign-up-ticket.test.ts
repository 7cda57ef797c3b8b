/**
 * Issue 11, "sign-up bypass": the PreSignUp trigger's rule (a self sign-up
 * needs the ticket POST /registrations wrote for its address: same address,
 * same secret, not expired; AdminCreateUser passes; no external providers),
 * and when a Cognito user without a registration may be removed.
 */
import { describe, expect, it } from 'vitest';
import { isRemovableOrphan, orphanMinimumAgeSeconds, signUpRefusal, signUpRefusals, type SignUpAttempt } from '../../functions/domain/sign-up-ticket.ts';

const now = 1_800_000_000;
const ticket = { email: 'carmen@school.example', secret: 'a'.repeat(43), expiresAt: now + 60 };
const attempt = (changes: Partial<SignUpAttempt> = {}): SignUpAttempt => ({
  triggerSource: 'PreSignUp_SignUp',
  userName: 'carmen@school.example',
  email: 'carmen@school.example',
  presented: ticket.secret,
  ...changes,
});

describe('PreSignUp: a self sign-up needs its ticket', () => {
  it('lets through the sign-up POST /registrations prepared: same address (any case), same secret, before expiry', () => {
    expect(signUpRefusal(attempt(), ticket, now)).toBeUndefined();
    expect(signUpRefusal(attempt({ userName: 'Carmen@School.example', email: 'CARMEN@school.example' }), ticket, now)).toBeUndefined();
  });

  it('refuses a direct SignUp: no ticket presented, or none written for the address', () => {
    expect(signUpRefusal(attempt({ presented: undefined }), ticket, now)).toBe(signUpRefusals.noTicket);
    expect(signUpRefusal(attempt(), undefined, now)).toBe(signUpRefusals.noTicket);
  });

  it('refuses a wrong secret, even one differing in its last character only', () => {
    expect(signUpRefusal(attempt({ presented: `${'a'.repeat(42)}b` }), ticket, now)).toBe(signUpRefusals.noTicket);
    expect(signUpRefusal(attempt({ presented: 'a' }), ticket, now)).toBe(signUpRefusals.noTicket);
  });

  it('refuses an expired ticket (the table’s TTL may not have removed it yet)', () => {
    expect(signUpRefusal(attempt(), { ...ticket, expiresAt: now }, now)).toBe(signUpRefusals.noTicket);
    expect(signUpRefusal(attempt(), { ...ticket, expiresAt: now - 1 }, now)).toBe(signUpRefusals.noTicket);
  });

  it('refuses a ticket used for another address or another username', () => {
    expect(signUpRefusal(attempt(), { ...ticket, email: 'someone@school.example' }, now)).toBe(signUpRefusals.noTicket);
    expect(signUpRefusal(attempt({ userName: 'someone-else' }), ticket, now)).toBe(signUpRefusals.noTicket);
    expect(signUpRefusal(attempt({ email: undefined }), ticket, now)).toBe(signUpRefusals.noTicket);
  });

  it('lets AdminCreateUser through (pupils’ accounts, made with IAM rights) and refuses external providers', () => {
    expect(signUpRefusal(attempt({ triggerSource: 'PreSignUp_AdminCreateUser', presented: undefined }), undefined, now)).toBeUndefined();
    expect(signUpRefusal(attempt({ triggerSource: 'PreSignUp_ExternalProvider' }), ticket, now)).toBe(signUpRefusals.federated);
  });
});

describe('an orphan (a Cognito user whose registration never reached the table)', () => {
  const at = new Date('2026-11-29T05:00:00Z');
  const old = new Date(at.getTime() - orphanMinimumAgeSeconds * 1000);
  it('is removable when unconfirmed, without a registration, and older than any sign-up in flight', () => {
    expect(isRemovableOrphan({ status: 'UNCONFIRMED', createdAt: old }, false, at)).toBe(true);
  });
  it('is kept while it may still be a sign-up in flight', () => {
    expect(isRemovableOrphan({ status: 'UNCONFIRMED', createdAt: new Date(old.getTime() + 1000) }, false, at)).toBe(false);
  });
  it('is never an account the table knows, nor a confirmed or admin-made user', () => {
    expect(isRemovableOrphan({ status: 'UNCONFIRMED', createdAt: old }, true, at)).toBe(false);
    expect(isRemovableOrphan({ status: 'CONFIRMED', createdAt: old }, false, at)).toBe(false);
    expect(isRemovableOrphan({ status: 'FORCE_CHANGE_PASSWORD', createdAt: old }, false, at)).toBe(false);
    expect(isRemovableOrphan({ status: 'UNCONFIRMED', createdAt: undefined }, false, at)).toBe(false);
  });
});
