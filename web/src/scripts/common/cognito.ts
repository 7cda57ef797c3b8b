/**
 * Sign-in is one InitiateAuth call (USER_PASSWORD_AUTH) to the Cognito
 * endpoint: the SDK would add far more JavaScript than the page budget allows.
 * An account made with a one-time password (a new pupil) first answers the
 * NEW_PASSWORD_REQUIRED challenge with RespondToAuthChallenge; an account with
 * an authenticator app answers SOFTWARE_TOKEN_MFA with its 6-digit code. New
 * tokens before the ID token expires: InitiateAuth REFRESH_TOKEN_AUTH with the
 * refresh token (session.ts decides when).
 *
 * Answering the code and enrolling an app are in account/totp.ts, so the
 * chunk every page shares (this module, through session.ts) stays small.
 */
import { loadConfig, withoutTrailingSlash } from './config.ts';
import type { Session } from './session.ts';

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

interface InitiateAuthAnswer {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
  __type?: string;
  message?: string;
}

const wrongCredentialErrors = ['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'];

export async function callCognito(
  target: string,
  body: Record<string, unknown>,
  /** The calls made with an access token name no app client. */
  withClient = true,
): Promise<{ ok: boolean; errorType: string; status: number; answer: InitiateAuthAnswer } | undefined> {
  const config = await loadConfig();
  let response: Response;
  try {
    response = await fetch(`${withoutTrailingSlash(config.cognito.endpoint)}/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify(withClient ? { ClientId: config.cognito.clientId, ...body } : body),
    });
  } catch {
    return undefined;
  }
  const answer = (await response.json().catch(() => ({}))) as InitiateAuthAnswer;
  // "__type" may carry a namespace prefix ("...#NotAuthorizedException").
  const errorType = (answer.__type ?? '').split('#').pop() ?? '';
  return { ok: response.ok, errorType, status: response.status, answer };
}

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

/** What a refresh gives: new ID and access tokens (Cognito keeps the refresh token unless it rotates them). */
export interface RefreshedTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

export type RefreshResult =
  | { outcome: 'refreshed'; tokens: RefreshedTokens }
  /** The refresh token is no longer accepted (expired, revoked, the user gone): only a new sign-in helps. */
  | { outcome: 'refused' }
  | { outcome: 'unreachable' };

/** InitiateAuth REFRESH_TOKEN_AUTH: new tokens for the session's refresh token. */
export async function refreshTokens(refreshToken: string): Promise<RefreshResult> {
  const called = await callCognito('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } });
  if (!called) return { outcome: 'unreachable' };
  const result = called.answer.AuthenticationResult;
  // A 5xx or a throttle is Cognito's trouble, not the token's: keep the session and try again later.
  if (!called.ok && (called.status >= 500 || called.errorType === 'TooManyRequestsException')) return { outcome: 'unreachable' };
  if (!called.ok || !result?.IdToken) return { outcome: 'refused' };
  return {
    outcome: 'refreshed',
    tokens: {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
      expiresAt: expiryOf(result.IdToken) ?? Date.now() + (result.ExpiresIn ?? 3600) * 1000,
    },
  };
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

/** The token's own `exp` claim (cognito-local sends no ExpiresIn); the token is not verified here, the API does that. */
function expiryOf(idToken: string): number | undefined {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
