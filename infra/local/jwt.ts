/**
 * The JWT authorizer's work, done locally with the same library the cloud
 * authorizer uses (aws-jwt-verify), against cognito-local's issuer and JWKS.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { localIssuer, type LocalEndpoints } from './endpoints.ts';

export type TokenVerifier = (token: string) => Promise<Record<string, unknown> | undefined>;

/**
 * aws-jwt-verify's default fetcher speaks HTTPS only; cognito-local's JWKS is
 * plain HTTP on localhost, so the JWKS cache gets a fetch-based fetcher.
 */
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

/** Created once per gateway; answers the verified payload, or undefined for any bad token. */
export function createTokenVerifier(endpoints: LocalEndpoints): TokenVerifier {
  const issuer = localIssuer(endpoints);
  const verifier = JwtVerifier.create(
    { issuer, audience: endpoints.cognito.clientId, jwksUri: `${issuer}/.well-known/jwks.json` },
    { jwksCache: plainHttpJwksCache() },
  );
  return async (token) => {
    try {
      return (await verifier.verify(token)) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
}

/** API Gateway takes the token from `Authorization`, with or without the "Bearer " prefix. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  return token || undefined;
}
