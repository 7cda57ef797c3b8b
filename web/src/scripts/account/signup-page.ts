/**
 * The teacher sign-up page's rules, pure (no DOM; unit-tested in node,
 * tests/unit/signup-page.test.ts): the strings its island (signup-island.tsx)
 * reads, the country choices, what is checked before sending (the password
 * against the one policy; the server checks it all again) and the body of
 * POST /registrations.
 */
import { etwinningCountries, passwordProblems } from '../../../../functions/domain/registration.ts';
import { hasVisibleText } from '../../../../functions/domain/visible-text.ts';
import type { RegistrationBodyInput } from '../../../../functions/http/registrations/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const signupStrings = [
  'signup.intro',
  'signup.email',
  'signup.emailHint',
  'signup.password',
  'signup.passwordRules',
  'signup.passwordAgain',
  'signup.displayName',
  'signup.displayNameHint',
  'signup.country',
  'signup.chooseCountry',
  'signup.schoolName',
  'signup.city',
  'signup.submit',
  'signup.busy',
  'signup.required',
  'signup.emailInvalid',
  'signup.passwordWeak',
  'signup.passwordMismatch',
  'signup.countryMissing',
  'signup.tryAgainSoon',
  'signup.checkFields',
  'signup.doneTitle',
  'signup.done',
  'signup.backToSignIn',
  'common.loading',
  'common.error',
  'common.unreachable',
  'common.sessionExpired',
] as const satisfies readonly MessageKey[];

/** The form's values, as typed. */
export interface SignupValues {
  email: string;
  password: string;
  passwordAgain: string;
  displayName: string;
  country: string;
  schoolName: string;
  city: string;
}

export type SignupField = keyof SignupValues;

export const emptySignup: SignupValues = { email: '', password: '', passwordAgain: '', displayName: '', country: '', schoolName: '', city: '' };

/** The problems found before sending, field by field (as dictionary keys); empty when all is fine. */
export function signupProblems(typed: SignupValues): Partial<Record<SignupField, MessageKey>> {
  const problems: Partial<Record<SignupField, MessageKey>> = {};
  const email = typed.email.trim();
  if (!email) problems.email = 'signup.required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = 'signup.emailInvalid';
  if (!typed.password) problems.password = 'signup.required';
  else if (passwordProblems(typed.password).length) problems.password = 'signup.passwordWeak';
  if (typed.passwordAgain !== typed.password) problems.passwordAgain = 'signup.passwordMismatch';
  // The API's rule (functions/domain/visible-text.ts): spaces or invisible characters alone are no name.
  if (!hasVisibleText(typed.displayName)) problems.displayName = 'signup.required';
  if (!typed.country) problems.country = 'signup.countryMissing';
  if (!hasVisibleText(typed.schoolName)) problems.schoolName = 'signup.required';
  if (!hasVisibleText(typed.city)) problems.city = 'signup.required';
  return problems;
}

/** POST /registrations (the server trims and normalises the names). */
export const registrationBody = (typed: SignupValues): RegistrationBodyInput => ({
  email: typed.email.trim(),
  password: typed.password,
  displayName: typed.displayName,
  country: typed.country,
  schoolName: typed.schoolName,
  city: typed.city,
});

/** The eTwinning countries, named in the page's language (Intl.DisplayNames) and sorted by that name; the value is the two-letter code. */
export function countryChoices(language: string): { code: string; name: string }[] {
  const regionNames = new Intl.DisplayNames([language], { type: 'region' });
  return etwinningCountries.map((code) => ({ code, name: regionNames.of(code) ?? code })).sort((one, other) => one.name.localeCompare(other.name, language));
}
