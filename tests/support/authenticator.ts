/**
 * The authenticator app of test staff accounts (issue 11: NSS officers and
 * evaluators answer a TOTP code after the password). The seeded demo staff's
 * keys come from the stack's demo-authenticator.json (the global setup
 * provides them); staff accounts a test makes are enrolled on the spot
 * (cognito-users.ts) and their keys kept here, per test worker. Codes are
 * computed with otplib, as an authenticator app would.
 */
import { inject } from 'vitest';
import { currentCode } from '../../infra/local/demo-authenticator.ts';

const enrolled = new Map<string, string>();

/** Keeps the key of an account a test enrolled. */
export function rememberAuthenticator(username: string, secret: string): void {
  enrolled.set(username, secret);
}

/** The account's TOTP key, when the test knows it (a demo staff account, or one a test enrolled). */
export function authenticatorSecret(username: string): string | undefined {
  return enrolled.get(username) ?? inject('demoAuthenticator')?.accounts[username]?.secret;
}

/** The code the account's authenticator app shows now. */
export function authenticatorCode(username: string): string {
  const secret = authenticatorSecret(username);
  if (!secret) throw new Error(`${username} asks for an authenticator code, and the test does not know its key`);
  return currentCode(secret);
}

export { currentCode };
