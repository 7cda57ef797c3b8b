/**
 * The sign-in page's rules (web/src/scripts/account/sign-in-page.ts), pure: a
 * pupil's own password must follow the one policy (10 characters, a capital
 * and a small letter, a digit, a symbol) before the two typings are
 * compared; each sign-in outcome has its words.
 */
import { describe, expect, it } from 'vitest';
import { newPasswordProblem, outcomeMessages, signInStrings } from '../../web/src/scripts/account/sign-in-page.ts';

describe('newPasswordProblem', () => {
  it('refuses a password that breaks any rule, on the password field', () => {
    for (const weak of ['Short-1a', 'nocapitals-12', 'NOSMALL-123', 'No-digits-here', 'NoSymbol1234']) {
      expect(newPasswordProblem(weak, weak), weak).toEqual({ field: 'password', key: 'newPassword.invalid' });
    }
  });
  it('then refuses two typings that differ, on the second field', () => {
    expect(newPasswordProblem('River-Walk-7', 'River-Walk-8')).toEqual({ field: 'again', key: 'newPassword.mismatch' });
  });
  it('accepts a password that follows the rules, typed twice', () => {
    expect(newPasswordProblem('River-Walk-7', 'River-Walk-7')).toBeUndefined();
  });
});

describe('outcomeMessages', () => {
  it('words every outcome with a string the page ships', () => {
    for (const key of Object.values(outcomeMessages)) expect(signInStrings).toContain(key);
    expect(outcomeMessages['unconfirmed']).toBe('signIn.unconfirmed');
  });
});
