/**
 * One password policy for every account, stated once: the cloud user pool
 * (infra/cdk/auth.ts) and the local one (infra/local/bootstrap.ts) are made
 * from it, and generated one-time passwords for pupils must satisfy it.
 * Ten characters is long enough to be safe and short enough for a child to
 * type; symbols are required because cdk-nag (AwsSolutions-COG1) asks for them.
 */
export const passwordPolicy = {
  minLength: 10,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  /** How long a one-time password (a new pupil's) stays valid. */
  temporaryPasswordValidityDays: 7,
} as const;
