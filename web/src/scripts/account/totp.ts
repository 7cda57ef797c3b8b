/**
 * The authenticator app's Cognito calls, apart from common/cognito.ts (which
 * every page carries, through session.ts): only the sign-in and Security
 * pages import this.
 *
 * Sign-in answers SOFTWARE_TOKEN_MFA with the app's code. Enrolling (the
 * Security page) is three calls made with the session's access token, which
 * is kept for them alone (the API takes the ID token): AssociateSoftwareToken
 * (the secret), VerifySoftwareToken (a code from the app proves it was added),
 * SetUserMFAPreference (TOTP on, preferred).
 */
import { callCognito, sessionFrom, type SignInResult } from '../common/cognito.ts';

/**
 * Answers SOFTWARE_TOKEN_MFA with the authenticator app's code. A wrong code
 * is said as such; a challenge that ran out (its session lasts a few minutes)
 * needs the password again.
 */
export async function answerCode(challenge: { session: string; username: string }, typedUsername: string, code: string): Promise<SignInResult> {
  const called = await callCognito('RespondToAuthChallenge', {
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, SOFTWARE_TOKEN_MFA_CODE: code },
  });
  if (!called) return { outcome: 'unreachable' };
  const { ok, errorType, status, answer } = called;
  if (!ok) {
    if (errorType === 'CodeMismatchException') return { outcome: 'wrong-code' };
    if (errorType === 'NotAuthorizedException' || errorType === 'ExpiredCodeException') return { outcome: 'challenge-expired' };
    return { outcome: 'failed', reason: errorType || String(status) };
  }
  return sessionFrom(answer, typedUsername);
}

export type EnrolmentResult =
  | { outcome: 'done' }
  | { outcome: 'wrong-code' }
  /** The access token is no longer accepted: sign in again, then enrol. */
  | { outcome: 'signed-out' }
  | { outcome: 'unreachable' }
  | { outcome: 'failed'; reason: string };

/** A new TOTP secret for the signed-in account (AssociateSoftwareToken); it replaces any secret not yet verified. */
export async function newTotpSecret(accessToken: string): Promise<{ outcome: 'secret'; secret: string } | Exclude<EnrolmentResult, { outcome: 'done' | 'wrong-code' }>> {
  const called = await callCognito('AssociateSoftwareToken', { AccessToken: accessToken }, false);
  if (!called) return { outcome: 'unreachable' };
  const secret = (called.answer as { SecretCode?: string }).SecretCode;
  if (called.ok && secret) return { outcome: 'secret', secret };
  return called.errorType === 'NotAuthorizedException' ? { outcome: 'signed-out' } : { outcome: 'failed', reason: called.errorType || String(called.status) };
}

/**
 * The app's first code proves it holds the secret (VerifySoftwareToken); then
 * TOTP is switched on and preferred (SetUserMFAPreference), so every later
 * sign-in asks for a code. AWS answers a wrong code here with
 * EnableSoftwareTokenMFAException, cognito-local with CodeMismatchException.
 */
export async function confirmTotp(accessToken: string, code: string): Promise<EnrolmentResult> {
  const verified = await callCognito('VerifySoftwareToken', { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'Twinspace' }, false);
  if (!verified) return { outcome: 'unreachable' };
  if (!verified.ok) return enrolmentFailure(verified.errorType, verified.status);
  const preferred = await callCognito(
    'SetUserMFAPreference',
    { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    false,
  );
  if (!preferred) return { outcome: 'unreachable' };
  if (!preferred.ok) return enrolmentFailure(preferred.errorType, preferred.status);
  return { outcome: 'done' };
}

/** Whether the signed-in account has an authenticator app switched on (GetUser's UserMFASettingList). */
export async function hasTotp(accessToken: string): Promise<boolean | undefined> {
  const called = await callCognito('GetUser', { AccessToken: accessToken }, false);
  if (!called?.ok) return undefined;
  return ((called.answer as { UserMFASettingList?: string[] }).UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

function enrolmentFailure(errorType: string, status: number): EnrolmentResult {
  if (errorType === 'CodeMismatchException' || errorType === 'EnableSoftwareTokenMFAException') return { outcome: 'wrong-code' };
  if (errorType === 'NotAuthorizedException') return { outcome: 'signed-out' };
  return { outcome: 'failed', reason: errorType || String(status) };
}
