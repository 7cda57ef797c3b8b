/**
 * One password policy for every account, stated once: the cloud user pool
 * (infra/cdk/auth.ts) and the local one (infra/local/bootstrap.ts) are made
 * from it, the sign-up form and API check it (domain/registration.ts
 * passwordProblems), and generated one-time passwords for pupils satisfy it.
 *
 * Most accounts are pupils aged 6-18 (DOMAIN.md): the rule is one a
 * ten-year-old can meet and remember — at least 8 characters, any mix, so a
 * few words such as "olive tree 42" will do; no capital letter, digit or
 * symbol is required (length protects a password; forced symbols make children
 * write them down). The pool has one policy for all, so staff (NSS officers,
 * evaluators) get their protection from TOTP, which they must use (issue 11),
 * not from symbols in a child's password. Cognito also refuses a space at
 * either end of a password.
 */
export interface PasswordPolicy {
  minLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireDigits: boolean;
  requireSymbols: boolean;
  temporaryPasswordValidityDays: number;
}

export const passwordPolicy: Readonly<PasswordPolicy> = {
  minLength: 8,
  requireLowercase: false,
  requireUppercase: false,
  requireDigits: false,
  requireSymbols: false,
  /** How long a one-time password (a new pupil's) stays valid. */
  temporaryPasswordValidityDays: 7,
};
