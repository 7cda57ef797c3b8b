/**
 * The site keeps its tokens fresh (web/src/scripts/common/session.ts): in a
 * real browser against the local Cognito, a page whose ID token is about to
 * expire refreshes it before its first call; one whose ID token the API
 * refuses (401) refreshes once and the call succeeds; one whose refresh token
 * Cognito refuses goes to sign-in, coming back to the page afterwards.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fillSignIn, siteAddress, Visitors } from '../support/browser.ts';
import { newTestAccount } from '../support/accounts.ts';
import { testPassword } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');
const patience = 30_000;

let visitors: Visitors;
let site: string;
let username: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  ({ username } = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Ren Refresh' }));
});

afterAll(async () => {
  await visitors?.close();
});

interface StoredSession {
  idToken: string;
  refreshToken?: string;
  expiresAt: number;
}

const stored = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('twinspace.session') ?? 'null') as StoredSession | null);
const changeSession = (page: Page, change: Partial<StoredSession>) =>
  page.evaluate((fields) => {
    const session = JSON.parse(sessionStorage.getItem('twinspace.session') ?? '{}');
    sessionStorage.setItem('twinspace.session', JSON.stringify({ ...session, ...fields }));
  }, change);

async function signedIn(): Promise<Page> {
  const page = await visitors.page();
  await fillSignIn(page, site, username, testPassword);
  await page.waitForURL(`${site}/en/desktop/`);
  await page.getByText('Ren Refresh').first().waitFor({ timeout: patience });
  return page;
}

describe('token refresh', () => {
  it('refreshes an ID token that expires within a minute before the page’s first call', { timeout: 120_000 }, async () => {
    const page = await signedIn();
    const before = (await stored(page))!;
    expect(before.refreshToken).toBeTruthy();
    await page.waitForTimeout(1_100);
    await changeSession(page, { expiresAt: Date.now() + 30_000 });
    await page.reload();
    await page.getByText('Ren Refresh').first().waitFor({ timeout: patience });
    const after = (await stored(page))!;
    expect(after.idToken).not.toBe(before.idToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 60_000);
  });

  it('refreshes once when the API answers 401, and the call then succeeds', { timeout: 120_000 }, async () => {
    const page = await signedIn();
    // A token the API refuses, with an hour left by the page's clock.
    await changeSession(page, { idToken: 'not.a.token', expiresAt: Date.now() + 3_600_000 });
    await page.reload();
    await page.getByText('Ren Refresh').first().waitFor({ timeout: patience });
    expect(page.url()).toBe(`${site}/en/desktop/`);
    expect((await stored(page))!.idToken).not.toBe('not.a.token');
  });

  it('goes to sign-in when Cognito refuses the refresh token', { timeout: 120_000 }, async () => {
    const page = await signedIn();
    await changeSession(page, { idToken: 'not.a.token', refreshToken: 'not-a-refresh-token', expiresAt: Date.now() + 3_600_000 });
    await page.goto(`${site}/en/profile/`);
    await page.waitForURL(`${site}/en/?next=${encodeURIComponent('/en/profile/')}`, { timeout: patience });
    expect(await stored(page)).toBeNull();
  });
});
