/**
 * A teacher's self sign-up (DOMAIN.md, "People"): who may register (a teacher
 * of an eTwinning country), how the input is normalised, the password rules
 * in words, who validates (the NSS of the teacher's country, while pending),
 * and the e-mails the teacher gets. Pure: no I/O.
 */
import { passwordPolicy } from './password-policy.ts';

/**
 * The countries whose teachers take part (ISO 3166-1 alpha-2): the EU member
 * states, then the other Erasmus+ programme countries, then the eTwinning
 * Plus neighbours. Each country has an NSS that validates its teachers.
 */
export const etwinningCountries = [
  // EU member states
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // Other Erasmus+ programme countries
  'IS', 'LI', 'NO', 'MK', 'RS', 'TR',
  // eTwinning Plus and candidate neighbours
  'AL', 'BA', 'ME', 'UA', 'MD', 'GE', 'AM', 'AZ', 'TN', 'JO', 'LB',
] as const;
export type EtwinningCountry = (typeof etwinningCountries)[number];

export function isEtwinningCountry(code: string): code is EtwinningCountry {
  return (etwinningCountries as readonly string[]).includes(code);
}

/** E-mail addresses are the sign-in name and compared case-insensitively (the pool's signInCaseSensitive: false). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Names as people type them, minus stray spaces: "  IES   Río Ebro " → "IES Río Ebro". */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export function normaliseCountry(country: string): string {
  return country.trim().toUpperCase();
}

/** Each rule of the one password policy the password breaks, in words (empty = acceptable). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < passwordPolicy.minLength) problems.push(`at least ${passwordPolicy.minLength} characters`);
  if (passwordPolicy.requireUppercase && !/[A-Z]/.test(password)) problems.push('a capital letter');
  if (passwordPolicy.requireLowercase && !/[a-z]/.test(password)) problems.push('a small letter');
  if (passwordPolicy.requireDigits && !/[0-9]/.test(password)) problems.push('a digit');
  if (passwordPolicy.requireSymbols && !/[^A-Za-z0-9\s]/.test(password)) problems.push('a symbol such as - or !');
  // Cognito refuses a password that starts or ends with a space.
  if (password.length > 0 && password.trim() !== password) problems.push('no space at the start or the end');
  return problems;
}

/** The message a weak password gets: every rule it misses. */
export function passwordProblemMessage(problems: readonly string[]): string {
  return `The password needs ${problems.join(', ')}.`;
}

export type RegistrationStatus = 'pending' | 'approved';

export interface Validator {
  kind: string;
  country: string;
}

/**
 * Why this account may not decide on this registration (403), or undefined:
 * only an NSS officer of the teacher's own country validates.
 */
export function validationRefusal(validator: Validator | undefined, teacherCountry: string): string | undefined {
  if (validator?.kind !== 'nss') return 'Only NSS officers validate teachers.';
  if (validator.country !== teacherCountry) return `Only the NSS of ${teacherCountry} validates this teacher.`;
  return undefined;
}

/** Why a decision cannot be taken now (409), or undefined: a registration is decided once. */
export function decisionConflict(status: RegistrationStatus | undefined): string | undefined {
  if (status === 'approved') return 'This teacher is already validated.';
  if (status !== 'pending') return 'This teacher is not waiting for validation.';
  return undefined;
}

export interface AccountMessage {
  subject: string;
  text: string;
}

/** The e-mail a validated teacher gets. */
export function approvalMail(displayName: string, signInName: string): AccountMessage {
  return {
    subject: 'Your Twinspace account is validated',
    text:
      `Hello ${displayName},\n\nYour National Support Service validated your teacher account. ` +
      `You can now sign in to Twinspace with ${signInName} and the password you chose, and create projects.\n`,
  };
}

/** The e-mail a rejected applicant gets: the NSS's reason, and that they may register again. */
export function rejectionMail(displayName: string, reason: string): AccountMessage {
  return {
    subject: 'Your Twinspace registration was not accepted',
    text:
      `Hello ${displayName},\n\nYour National Support Service did not validate your teacher account, for this reason:\n\n${reason}\n\n` +
      'Your registration has been deleted. You may register again with corrected details.\n',
  };
}

/**
 * The e-mail the owner of an existing account gets when someone tries to
 * register their address (POST /registrations answers as if it were new, so
 * the answer never tells whether an address is registered).
 */
export function registrationAttemptMail(displayName: string, signInName: string): AccountMessage {
  return {
    subject: 'Someone tried to register your address on Twinspace',
    text:
      `Hello ${displayName},\n\nSomeone, perhaps you, has just tried to register a new Twinspace teacher account with this e-mail address. ` +
      'It already belongs to your account, so nothing was created or changed.\n\n' +
      `If it was you: sign in with ${signInName} and your password (use "Forgot your password?" on the sign-in page if needed). ` +
      'If your account is still waiting for validation, your National Support Service will e-mail you when it decides.\n\n' +
      'If it was not you, you need not do anything.\n',
  };
}
