/**
 * The JWT authorizer's work, done locally with the same library the cloud
 * authorizer uses (aws-jwt-verify), against cognito-local's issuer and its
 * plain-HTTP JWKS (the same JWKS cache the chat authorizer uses locally).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { idTokenCheck, plainHttpJwksCache } from '../../functions/chat/token-verifier.ts';
import { localIssuer, type LocalEndpoints } from './endpoints.ts';

export type TokenVerifier = (token: string) => Promise<Record<string, unknown> | undefined>;

/** Created once per gateway; answers the verified payload, or undefined for any bad token. */
export function createTokenVerifier(endpoints: LocalEndpoints): TokenVerifier {
  const issuer = localIssuer(endpoints);
  const verifier = JwtVerifier.create(
    // As API Gateway's JWT authorizer on AWS (Cognito's ID tokens): an ID token that expires.
    { issuer, audience: endpoints.cognito.clientId, jwksUri: `${issuer}/.well-known/jwks.json`, customJwtCheck: idTokenCheck },
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
