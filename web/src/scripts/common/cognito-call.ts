/**
 * One call to the Cognito endpoint (callCognito) and the token refresh
 * (InitiateAuth REFRESH_TOKEN_AUTH), which session.ts makes on every signed-in
 * page. A module of its own so that page's shared chunk does not carry the
 * sign-in and new-password calls (cognito.ts), which only the sign-in and
 * security pages use.
 */
import { loadConfig, withoutTrailingSlash } from './config.ts';

export interface InitiateAuthAnswer {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
  __type?: string;
  message?: string;
}

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

/** The token's own `exp` claim (cognito-local sends no ExpiresIn); the token is not verified here, the API does that. */
export function expiryOf(idToken: string): number | undefined {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
