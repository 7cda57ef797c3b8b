/**
 * Sign-in is one InitiateAuth call (USER_PASSWORD_AUTH) to the Cognito
 * endpoint: the SDK would add far more JavaScript than the page budget allows.
 */
import { loadConfig, withoutTrailingSlash } from './config.ts';
import type { Session } from './session.ts';

export type SignInResult =
  | { outcome: 'signed-in'; session: Session }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'new-password-required' }
  | { outcome: 'unreachable' }
  | { outcome: 'failed'; reason: string };

interface InitiateAuthAnswer {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  __type?: string;
  message?: string;
}

const wrongCredentialErrors = ['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'];

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const config = await loadConfig();
  const endpoint = `${withoutTrailingSlash(config.cognito.endpoint)}/`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: config.cognito.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    });
  } catch {
    return { outcome: 'unreachable' };
  }
  const answer = (await response.json().catch(() => ({}))) as InitiateAuthAnswer;
  if (!response.ok) {
    // "__type" may carry a namespace prefix ("...#NotAuthorizedException").
    const errorType = (answer.__type ?? '').split('#').pop() ?? '';
    // cognito-local answers a wrong password with InvalidPasswordException, AWS with NotAuthorizedException.
    if (wrongCredentialErrors.includes(errorType)) {
      return { outcome: 'wrong-credentials' };
    }
    if (errorType === 'PasswordResetRequiredException') return { outcome: 'new-password-required' };
    return { outcome: 'failed', reason: errorType || String(response.status) };
  }
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED') return { outcome: 'new-password-required' };
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
