/**
 * The signed-in session lives in sessionStorage: it ends with the tab, and
 * each browser tab (or test context) signs in on its own. The ID token lasts
 * an hour; the refresh token (kept beside it) gets new ID and access tokens
 * from Cognito (InitiateAuth REFRESH_TOKEN_AUTH, cognito.ts) a minute before
 * the ID token expires, and once more when the API answers 401. A refused
 * refresh ends the session: the page then sends the reader to sign in.
 */
import { refreshTokens } from './cognito-call.ts';

export interface Session {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  username: string;
  /** Epoch milliseconds after which the ID token is no longer accepted. */
  expiresAt: number;
}

const storageKey = 'twinspace.session';

/** How long before the ID token's expiry it is refreshed. */
export const refreshLeadMs = 60_000;
/** A refresh timer never fires sooner than this (a token already due is refreshed by the next API call first). */
export const minimumRefreshDelayMs = 5_000;
/** When Cognito could not be reached, the next try. */
const unreachableRetryMs = 30_000;
/** setTimeout's longest delay (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
const longestTimerMs = 2_147_483_647;

/** Whether the ID token should be refreshed before it is used: it expires within the lead (a minute). Pure. */
export function refreshDue(expiresAt: number, now: number): boolean {
  return now >= expiresAt - refreshLeadMs;
}

/** How long to wait before refreshing: until a minute before expiry, at least a few seconds, at most what a timer can wait. Pure. */
export function refreshDelay(expiresAt: number, now: number): number {
  return Math.min(longestTimerMs, Math.max(minimumRefreshDelayMs, expiresAt - refreshLeadMs - now));
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  keepSessionFresh();
}

/**
 * The tab's session. An expired ID token without a refresh token ends it;
 * with a refresh token the session stays (the next API call refreshes it
 * first, or sends to sign-in when Cognito refuses).
 */
export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(storageKey);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    if (typeof session.idToken !== 'string' || (session.expiresAt <= Date.now() && !session.refreshToken)) {
      clearSession();
      return undefined;
    }
    return session;
  } catch {
    clearSession();
    return undefined;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(storageKey);
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

let refreshing: Promise<Session | undefined> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * New tokens for the session, from its refresh token (one call at a time in
 * the tab: callers arriving meanwhile share it). Resolves to the refreshed
 * session; to undefined when there is no session or Cognito refuses the
 * refresh token (the session is then cleared); to the unchanged session when
 * Cognito cannot be reached (the API then decides whether the token still works).
 */
export function refreshSession(): Promise<Session | undefined> {
  refreshing ??= (async () => {
    const session = currentSession();
    // No refresh token (an expired one was already cleared by currentSession): the token is what it is.
    if (!session?.refreshToken) return session;
    const outcome = await refreshTokens(session.refreshToken);
    if (outcome.outcome === 'refreshed') {
      const refreshed: Session = { ...session, ...outcome.tokens, refreshToken: outcome.tokens.refreshToken ?? session.refreshToken };
      saveSession(refreshed);
      return refreshed;
    }
    if (outcome.outcome === 'refused') {
      clearSession();
      return undefined;
    }
    return session;
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** The session with an ID token good for at least a minute more (refreshed first when due), or undefined when signed out. */
export async function freshSession(): Promise<Session | undefined> {
  const session = currentSession();
  if (!session || !refreshDue(session.expiresAt, Date.now())) return session;
  return refreshSession();
}

/** The ID token to connect with (the live socket), refreshed first when due. */
export async function freshIdToken(): Promise<string | undefined> {
  return (await freshSession())?.idToken;
}

/** Schedules the next refresh a minute before the ID token expires (one timer per tab; saving a session schedules again). */
export function keepSessionFresh(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const session = currentSession();
  if (!session?.refreshToken) return;
  timer = setTimeout(() => {
    timer = undefined;
    // A refresh saves the session, which schedules the next one; Cognito out of reach: try again in a while.
    void refreshSession().then((after) => {
      if (after && timer === undefined) timer = setTimeout(keepSessionFresh, unreachableRetryMs);
    });
  }, refreshDelay(session.expiresAt, Date.now()));
}

/** The user id (Cognito `sub`) in a session's ID token: whose posts, comments and materials are one's own. */
export function subOf(idToken: string): string {
  const payload = idToken.split('.')[1] ?? '';
  try {
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
  } catch {
    return '';
  }
}
