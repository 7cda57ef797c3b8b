/**
 * The teacher sign-up form's rules (web/src/scripts/account/signup-page.ts), pure:
 * each field's problem before sending, the body of POST /registrations, and
 * the country choices named in the page's language.
 */
import { describe, expect, it } from 'vitest';
import { countryChoices, emptySignup, registrationBody, signupProblems } from '../../web/src/scripts/account/signup-page.ts';

const typed = {
  email: ' lucia@school.example ',
  password: 'Olivos-Sign-Up-7',
  passwordAgain: 'Olivos-Sign-Up-7',
  displayName: 'Lucía Navarro',
  country: 'ES',
  schoolName: 'CEIP Los Olivos',
  city: 'Córdoba',
};

describe('signupProblems', () => {
  it('marks every empty field, the country with its own words', () => {
    expect(signupProblems(emptySignup)).toEqual({
      email: 'signup.required',
      password: 'signup.required',
      displayName: 'signup.required',
      country: 'signup.countryMissing',
      schoolName: 'signup.required',
      city: 'signup.required',
    });
  });
  it('refuses an address that is not one, a weak password and two that differ', () => {
    expect(signupProblems({ ...typed, email: 'not-an-address' })).toEqual({ email: 'signup.emailInvalid' });
    expect(signupProblems({ ...typed, password: 'weak', passwordAgain: 'weak' })).toEqual({ password: 'signup.passwordWeak' });
    expect(signupProblems({ ...typed, passwordAgain: 'Olivos-Sign-Up-8' })).toEqual({ passwordAgain: 'signup.passwordMismatch' });
    expect(signupProblems(typed)).toEqual({});
  });
  it('takes a name of invisible characters as no name, as the API does; real scripts pass', () => {
    expect(signupProblems({ ...typed, displayName: '\u200B\u200D', schoolName: '\u3164', city: '\uFEFF ' })).toEqual({
      displayName: 'signup.required',
      schoolName: 'signup.required',
      city: 'signup.required',
    });
    expect(signupProblems({ ...typed, displayName: 'مريم', schoolName: 'בית ספר', city: '👩🏽‍🏫' })).toEqual({});
  });
  it('sends the address trimmed and the rest as typed', () => {
    expect(registrationBody(typed)).toEqual({ ...typed, email: 'lucia@school.example', passwordAgain: undefined });
  });
});

describe('countryChoices', () => {
  it('names the countries in the page language, sorted by that name, valued by their code', () => {
    const spanish = countryChoices('es');
    expect(spanish.find((country) => country.code === 'ES')?.name).toBe('España');
    expect(countryChoices('en').find((country) => country.code === 'DE')?.name).toBe('Germany');
    const names = spanish.map((country) => country.name);
    expect(names).toEqual([...names].sort((one, other) => one.localeCompare(other, 'es')));
  });
});
