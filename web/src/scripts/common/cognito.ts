/**
 * Sign-in is one InitiateAuth call (USER_PASSWORD_AUTH) to the Cognito
 * endpoint: the SDK would add far more JavaScript than the page budget allows.
 * An account made with a one-time password (a new pupil) first answers the
 * NEW_PASSWORD_REQUIRED challenge with RespondToAuthChallenge; an account with
 * an authenticator app answers SOFTWARE_TOKEN_MFA with its 6-digit code. New
 * tokens before the ID token expires: InitiateAuth REFRESH_TOKEN_AUTH with the
 * refresh token (session.ts decides when).
 *
 * Answering the code and enrolling an app are in account/totp.ts, and the
 * call and the refresh in cognito-call.ts (what session.ts needs), so the
 * chunk every page shares stays small: only the sign-in and security pages
 * load this module.
 */
import { callCognito, expiryOf, type InitiateAuthAnswer } from './cognito-call.ts';
import type { Session } from './session.ts';

// The call itself and the token refresh every page needs are in cognito-call.ts; the sign-in page's calls stay here.
export { callCognito, refreshTokens, type RefreshedTokens, type RefreshResult } from './cognito-call.ts';

export type SignInResult =
  | { outcome: 'signed-in'; session: Session }
  | { outcome: 'wrong-credentials' }
  /** A self-registered teacher whose NSS has not validated them yet (UNCONFIRMED in the user pool). */
  | { outcome: 'unconfirmed' }
  | { outcome: 'new-password-required'; challenge?: { session: string; username: string } }
  /** The account has an authenticator app: its current code answers the challenge (answerCode). */
  | { outcome: 'code-required'; challenge: { session: string; username: string } }
  | { outcome: 'invalid-password' }
  /** The authenticator app's code was not the right one. */
  | { outcome: 'wrong-code' }
  | { outcome: 'challenge-expired' }
  | { outcome: 'unreachable' }
  | { outcome: 'failed'; reason: string };

const wrongCredentialErrors = ['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'];

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const called = await callCognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  if (!called) return { outcome: 'unreachable' };
  const { ok, errorType, status, answer } = called;
  if (!ok) {
    // cognito-local answers a wrong password with InvalidPasswordException, AWS with NotAuthorizedException.
    if (wrongCredentialErrors.includes(errorType)) {
      return { outcome: 'wrong-credentials' };
    }
    if (errorType === 'PasswordResetRequiredException') return { outcome: 'new-password-required' };
    if (errorType === 'UserNotConfirmedException') return { outcome: 'unconfirmed' };
    return { outcome: 'failed', reason: errorType || String(status) };
  }
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.Session) {
    // The challenge names the user by its internal id; answering with it works whatever was typed.
    const challengeUser = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
    return { outcome: 'new-password-required', challenge: { session: answer.Session, username: challengeUser } };
  }
  if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA' && answer.Session) {
    return { outcome: 'code-required', challenge: { session: answer.Session, username: answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username } };
  }
  return sessionFrom(answer, username);
}

/** Answers NEW_PASSWORD_REQUIRED with the password the person chose; tokens as for a sign-in. */
export async function chooseNewPassword(
  challenge: { session: string; username: string },
  typedUsername: string,
  newPassword: string,
): Promise<SignInResult> {
  const called = await callCognito('RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  });
  if (!called) return { outcome: 'unreachable' };
  const { ok, errorType, status, answer } = called;
  if (!ok) {
    if (errorType === 'InvalidPasswordException' || errorType === 'InvalidParameterException') return { outcome: 'invalid-password' };
    // The challenge's session lasts a few minutes; after that only a new sign-in helps.
    if (errorType === 'NotAuthorizedException' || errorType === 'CodeMismatchException' || errorType === 'ExpiredCodeException') {
      return { outcome: 'challenge-expired' };
    }
    return { outcome: 'failed', reason: errorType || String(status) };
  }
  return sessionFrom(answer, typedUsername);
}

export function sessionFrom(answer: InitiateAuthAnswer, username: string): SignInResult {
  const result = answer.AuthenticationResult;
  if (!result?.IdToken) return { outcome: 'failed', reason: answer.ChallengeName ?? 'no tokens' };
  return {
    outcome: 'signed-in',
    session: {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken,
      username,
      expiresAt: expiryOf(result.IdToken) ?? Date.now() + (result.ExpiresIn ?? 3600) * 1000,
    },
  };
}
