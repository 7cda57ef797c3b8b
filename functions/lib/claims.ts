/**
 * Who is calling, from the claims API Gateway's JWT authorizer already
 * verified. Groups serve platform-wide gates only (nss, evaluator); a role
 * inside a project always comes from the table (DOMAIN.md, "People").
 *
 * The second-factor rule lives here too, in one place: a staff account
 * (Cognito group `nss` or `evaluator`) is answered 403 MFA_REQUIRED on every
 * route but the few listed in `routesWithoutSecondFactor`, until its ID token
 * carries `twinspace:mfa` = `totp`. Cognito's pre-token-generation trigger
 * (functions/identity/pre-token-generation.ts) adds that claim when the
 * account has TOTP enabled, and the user pool then asks every password
 * sign-in for the code. Teachers may enrol too; pupils never need it.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { cognitoGroups, type CognitoGroup } from '../domain/twinspace-types.ts';
import { mfaRequired, unauthenticated } from './errors.ts';

export interface Caller {
  userId: string;
  username: string;
  groups: CognitoGroup[];
  /** The second factor the token shows (`twinspace:mfa`): 'totp' once the account has an authenticator app. */
  secondFactor?: 'totp';
}

/** The ID token claim the pre-token-generation trigger adds for an account with TOTP enabled. */
export const secondFactorClaim = 'twinspace:mfa';
/** Its one value. */
export const totpClaimValue = 'totp';

/** The groups whose accounts must show a second factor: NSS officers and evaluators. */
export const staffGroups: readonly CognitoGroup[] = ['nss', 'evaluator'];

/**
 * The routes a staff account reaches before it has a second factor (by
 * API Gateway route key): who one is (the desktop and the site's header read
 * it) and the header's unread count, shown on every page, the Security page
 * too. Neither shows anyone else's data. Enrolment itself is no API route:
 * the site calls Cognito (AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference) with the access token.
 */
export const routesWithoutSecondFactor: ReadonlySet<string> = new Set(['GET /me', 'GET /me/notifications/unread']);

/** Whether this caller must still set up a second factor: a staff account whose token shows none. */
export function needsSecondFactor(caller: Pick<Caller, 'groups' | 'secondFactor'>): boolean {
  return caller.groups.some((group) => staffGroups.includes(group)) && caller.secondFactor !== totpClaimValue;
}

/** 403 MFA_REQUIRED for a staff account without a second factor, on any route but those it needs first. */
export function requireSecondFactor(caller: Pick<Caller, 'groups' | 'secondFactor'>, routeKey: string): void {
  if (needsSecondFactor(caller) && !routesWithoutSecondFactor.has(routeKey)) throw mfaRequired();
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
  const groups = parseGroups(claims?.['cognito:groups']);
  return claims?.[secondFactorClaim] === totpClaimValue ? { userId, username, groups, secondFactor: totpClaimValue } : { userId, username, groups };
}

export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  return callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
}
