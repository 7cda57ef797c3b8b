/**
 * The site's token refresh (web/src/scripts/common/cognito.ts, the code the
 * browser runs) against the local Cognito (cognito-local implements
 * InitiateAuth REFRESH_TOKEN_AUTH): a refreshed ID token is accepted by the
 * API; a refresh token Cognito does not know is refused, so the site sends
 * its reader to sign in.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { refreshTokens, signIn } from '../../web/src/scripts/common/cognito.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, subOf } from '../support/clients.ts';
import { testPassword } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');
const realFetch = globalThis.fetch;

beforeAll(() => {
  // The site reads its settings from /config.json; here they are the local stack's.
  vi.stubGlobal('fetch', (url: string | URL | Request, init?: RequestInit) =>
    String(url) === '/config.json'
      ? Promise.resolve(Response.json({ api: endpoints.api, chat: endpoints.chat, region: endpoints.region, cognito: endpoints.cognito }))
      : realFetch(url, init),
  );
});
afterAll(() => vi.unstubAllGlobals());

describe('refreshing the tokens', () => {
  it('gets a new ID token from the refresh token, and the API accepts it', async () => {
    const account = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES' });
    const signedIn = await signIn(account.username, testPassword);
    if (signedIn.outcome !== 'signed-in') throw new Error(`sign-in: ${signedIn.outcome}`);
    expect(signedIn.session.refreshToken).toBeTruthy();

    // A token issued a second later differs (iat, exp).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refreshed = await refreshTokens(signedIn.session.refreshToken!);
    if (refreshed.outcome !== 'refreshed') throw new Error(`refresh: ${refreshed.outcome}`);
    expect(refreshed.tokens.idToken).not.toBe(signedIn.session.idToken);
    expect(subOf(refreshed.tokens.idToken)).toBe(account.userId);
    expect(refreshed.tokens.expiresAt).toBeGreaterThan(signedIn.session.expiresAt);

    const me = await apiGet(endpoints, '/me', refreshed.tokens.idToken);
    expect(me.status, JSON.stringify(me.body)).toBe(200);
  });

  it('is refused for a refresh token Cognito does not know', async () => {
    expect(await refreshTokens('not-a-refresh-token')).toEqual({ outcome: 'refused' });
  });
});
