/**
 * Keeping the site's tokens fresh (web/src/scripts/common/session.ts and
 * cognito.ts): the timing rule, pure (a minute before the ID token expires,
 * never sooner than a few seconds, never longer than a timer can wait), and
 * the refresh itself against a stand-in Cognito: one InitiateAuth
 * REFRESH_TOKEN_AUTH call shared by callers arriving meanwhile, the new
 * tokens saved with the refresh token kept, a refused refresh token ending
 * the session, an unreachable Cognito leaving it as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentSession, freshSession, refreshDelay, refreshDue, refreshLeadMs, refreshSession, saveSession, type Session } from '../../web/src/scripts/common/session.ts';

const now = Date.parse('2025-03-01T10:00:00.000Z');

describe('the timing rule', () => {
  it('refreshes a minute before the ID token expires', () => {
    expect(refreshLeadMs).toBe(60_000);
    expect(refreshDelay(now + 60 * 60_000, now)).toBe(59 * 60_000);
    expect(refreshDue(now + 61_000, now)).toBe(false);
    expect(refreshDue(now + 60_000, now)).toBe(true);
    expect(refreshDue(now - 1, now)).toBe(true);
  });
  it('never sooner than a few seconds (a token already due is refreshed by the next call), never beyond what a timer can wait', () => {
    expect(refreshDelay(now + 30_000, now)).toBe(5_000);
    expect(refreshDelay(now - 3_600_000, now)).toBe(5_000);
    expect(refreshDelay(now + 40 * 24 * 3_600_000, now)).toBe(2_147_483_647);
  });
});

/** A token whose `exp` claim is the given epoch ms (the site reads the expiry from the token). */
const token = (exp: number, tag: string) => `h.${Buffer.from(JSON.stringify({ exp: Math.floor(exp / 1000), tag })).toString('base64url')}.s`;

describe('refreshSession', () => {
  let calls: { target: string; body: any }[];
  let answer: () => Response | Promise<Response>;

  beforeEach(() => {
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
      removeItem: (key: string) => void stored.delete(key),
    });
    calls = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url === '/config.json') return Response.json({ api: 'http://api', chat: 'ws://chat', region: 'eu-west-1', cognito: { endpoint: 'http://cognito/', userPoolId: 'pool', clientId: 'client' } });
      calls.push({ target: String((init?.headers as Record<string, string>)['X-Amz-Target']), body: JSON.parse(String(init?.body)) });
      return answer();
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const signedIn = (expiresAt: number, refreshToken: string | null = 'R1'): Session => {
    const session = { idToken: token(expiresAt, 'old'), accessToken: 'A1', refreshToken: refreshToken ?? undefined, username: 'ana', expiresAt };
    saveSession(session);
    return session;
  };

  it('asks Cognito once (REFRESH_TOKEN_AUTH) for callers arriving together, and saves the new tokens with the refresh token kept', async () => {
    const later = Date.now() + 3_600_000;
    signedIn(Date.now() + 30_000);
    answer = () => Response.json({ AuthenticationResult: { IdToken: token(later, 'new'), AccessToken: 'A2' } });
    const [first, second] = await Promise.all([refreshSession(), freshSession()]);
    expect(calls).toEqual([{ target: 'AWSCognitoIdentityProviderService.InitiateAuth', body: { ClientId: 'client', AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'R1' } } }]);
    expect(first).toEqual(second);
    expect(currentSession()).toMatchObject({ idToken: token(later, 'new'), accessToken: 'A2', refreshToken: 'R1', username: 'ana', expiresAt: Math.floor(later / 1000) * 1000 });
  });

  it('takes a rotated refresh token when Cognito gives one', async () => {
    signedIn(Date.now() + 30_000);
    answer = () => Response.json({ AuthenticationResult: { IdToken: token(Date.now() + 3_600_000, 'new'), AccessToken: 'A2', RefreshToken: 'R2' } });
    await refreshSession();
    expect(currentSession()?.refreshToken).toBe('R2');
  });

  it('does not refresh a token with more than a minute left', async () => {
    const session = signedIn(Date.now() + 10 * 60_000);
    answer = () => Response.json({});
    expect(await freshSession()).toEqual(session);
    expect(calls).toEqual([]);
  });

  it('ends the session when Cognito refuses the refresh token', async () => {
    signedIn(Date.now() + 30_000);
    answer = () => Response.json({ __type: 'NotAuthorizedException', message: 'Refresh Token has expired' }, { status: 400 });
    expect(await refreshSession()).toBeUndefined();
    expect(currentSession()).toBeUndefined();
  });

  it('keeps the session as it was when Cognito cannot be reached or is in trouble', async () => {
    const session = signedIn(Date.now() + 30_000);
    answer = () => Promise.reject(new TypeError('network'));
    expect(await refreshSession()).toEqual(session);
    answer = () => Response.json({ __type: 'InternalErrorException' }, { status: 500 });
    expect(await refreshSession()).toEqual(session);
    expect(currentSession()).toEqual(session);
  });

  it('keeps an expired session that has a refresh token (the next call refreshes it), and ends one that has none', () => {
    signedIn(Date.now() - 1_000);
    expect(currentSession()).toBeDefined();
    signedIn(Date.now() - 1_000, null);
    expect(currentSession()).toBeUndefined();
  });

  it('refreshes by itself a minute before expiry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const start = Date.now();
    answer = () => Response.json({ AuthenticationResult: { IdToken: token(Date.now() + 3_600_000, 'new'), AccessToken: 'A2' } });
    signedIn(start + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(9 * 60_000 - 1_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    expect(currentSession()?.accessToken).toBe('A2');
  });
});
