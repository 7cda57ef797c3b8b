/**
 * Verifies Cognito ID tokens with aws-jwt-verify. On AWS: CognitoJwtVerifier
 * (it derives issuer and JWKS from the pool). Locally (JWT_ISSUER and
 * JWKS_URI set): the generic JwtVerifier against cognito-local, whose JWKS is
 * plain HTTP, which the library's default fetcher refuses; so a fetch-based
 * fetcher is given for that case only.
 */
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { optionalSetting, setting } from '../lib/config.ts';

export type IdTokenClaims = Record<string, unknown> & { sub: string };
export type IdTokenVerifier = (token: string) => Promise<IdTokenClaims>;

/** Also used by the local HTTP gateway (infra/local/jwt.ts) for the same JWKS. */
export function plainHttpJwksCache(): SimpleJwksCache {
  return new SimpleJwksCache({
    fetcher: {
      async fetch(uri: string) {
        const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
        if (!response.ok) throw new Error(`JWKS ${uri} answered ${response.status}`);
        return response.arrayBuffer();
      },
    },
  });
}

/**
 * What the generic verifier (local runs) must check itself, as Cognito's
 * does: an ID token (not an access token), that expires (aws-jwt-verify
 * checks `exp` only when the token has one).
 */
export function idTokenCheck({ payload }: { payload: Record<string, unknown> }): void {
  if (payload.token_use !== 'id') throw new Error('Not an ID token');
  if (typeof payload.exp !== 'number') throw new Error('A token without an expiry');
}

export function createIdTokenVerifier(): IdTokenVerifier {
  const clientId = setting('userPoolClientId');
  const issuer = optionalSetting('jwtIssuer');
  const jwksUri = optionalSetting('jwksUri');
  if (issuer && jwksUri) {
    const verifier = JwtVerifier.create(
      {
        issuer,
        audience: clientId,
        jwksUri,
        customJwtCheck: idTokenCheck,
      },
      jwksUri.startsWith('http:') ? { jwksCache: plainHttpJwksCache() } : undefined,
    );
    return async (token) => (await verifier.verify(token)) as IdTokenClaims;
  }
  const verifier = CognitoJwtVerifier.create({ userPoolId: setting('userPoolId'), clientId, tokenUse: 'id' });
  return async (token) => (await verifier.verify(token)) as unknown as IdTokenClaims;
}
