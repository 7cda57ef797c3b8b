/**
 * Who is calling, from the claims API Gateway's JWT authorizer already
 * verified. Groups serve platform-wide gates only (nss, evaluator); a role
 * inside a project always comes from the table (DOMAIN.md, "People").
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { cognitoGroups, type CognitoGroup } from '../domain/twinspace-types.ts';
import { unauthenticated } from './errors.ts';

export interface Caller {
  userId: string;
  username: string;
  groups: CognitoGroup[];
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * `cognito:groups` arrives as an array from a decoded token, but the HTTP
 * API's JWT authorizer flattens it to a string like "[teacher-admin visitor]".
 * A single group may also come as the bare name. Unknown names are dropped.
 */
export function parseGroups(raw: ClaimValue): CognitoGroup[] {
  let names: string[];
  if (Array.isArray(raw)) names = raw;
  else if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const inner = trimmed.slice(1, -1).trim();
      // A JSON-style array (["a","b"]) is accepted too.
      names = inner.includes('"') ? inner.split(',').map((name) => name.trim().replace(/^"|"$/g, '')) : inner.split(/[\s,]+/);
    } else names = trimmed.split(/[\s,]+/);
  } else names = [];
  const known = new Set<string>(cognitoGroups);
  return [...new Set(names.filter((name) => known.has(name)))] as CognitoGroup[];
}

export function callerFromClaims(claims: Record<string, ClaimValue> | undefined): Caller {
  const userId = claims?.sub;
  const username = claims?.['cognito:username'];
  if (typeof userId !== 'string' || !userId || typeof username !== 'string' || !username) {
    throw unauthenticated('The token carries no user.');
  }
  return { userId, username, groups: parseGroups(claims?.['cognito:groups']) };
}

export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  return callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
}
