/**
 * The sign-in page's rules (web/src/scripts/account/sign-in-page.ts), pure: a
 * pupil's own password must follow the one policy (at least 8 characters,
 * no space at either end; issue 11: one a ten-year-old can meet) before the
 * two typings are compared; each sign-in outcome has its words.
 */
import { describe, expect, it } from 'vitest';
import { newPasswordProblem, outcomeMessages, signInStrings } from '../../web/src/scripts/account/sign-in-page.ts';

describe('newPasswordProblem', () => {
  it('refuses a password that breaks any rule, on the password field', () => {
    for (const weak of ['rivers', 'seven77', ' my blue bike', 'my blue bike ']) {
      expect(newPasswordProblem(weak, weak), weak).toEqual({ field: 'password', key: 'newPassword.invalid' });
    }
  });
  it('then refuses two typings that differ, on the second field', () => {
    expect(newPasswordProblem('River-Walk-7', 'River-Walk-8')).toEqual({ field: 'again', key: 'newPassword.mismatch' });
  });
  it('accepts a password that follows the rules, typed twice: words a child remembers will do', () => {
    expect(newPasswordProblem('River-Walk-7', 'River-Walk-7')).toBeUndefined();
    expect(newPasswordProblem('my blue bike', 'my blue bike')).toBeUndefined();
    expect(newPasswordProblem('football', 'football')).toBeUndefined();
  });
});

describe('outcomeMessages', () => {
  it('words every outcome with a string the page ships', () => {
    for (const key of Object.values(outcomeMessages)) expect(signInStrings).toContain(key);
    expect(outcomeMessages['unconfirmed']).toBe('signIn.unconfirmed');
  });
});
