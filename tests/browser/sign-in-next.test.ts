/**
 * The sign-in page's `next=` in a real browser: a value that only looks like
 * a path (`/%5Cevil.example/x` is "/\evil.example/x", which the browser reads
 * as "//evil.example/x") must not take the visitor off the site, neither
 * after signing in nor in a tab that is already signed in (which the page
 * sends on at once). Any request to the foreign host is answered locally, so
 * a regression shows as a wrong address, never as a trip to the internet.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assertAccessible, demoPassword, siteAddress, Visitors } from '../support/browser.ts';

const patience = 60_000;

let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

/** Waits until the page is on the desktop or has left the site, and says where it is. */
async function landing(page: Page): Promise<URL> {
  const siteOrigin = new URL(site).origin;
  await page.waitForURL((url) => url.origin !== siteOrigin || url.pathname === '/en/desktop/');
  return new URL(page.url());
}

describe('signing in with a next= that leads off the site', () => {
  it('stays on the site, on the desktop, after signing in and in a tab already signed in', { timeout: patience }, async () => {
    const page = await visitors.page();
    await page.context().route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>evil</title><h1>evil</h1>' }),
    );

    // Written into the address exactly like this (not escaped again): the page reads "/\evil.example/x".
    await page.goto(`${site}/en/?next=/%5Cevil.example/x`);
    await page.getByLabel('Username', { exact: true }).fill('ana@demo.twinspace');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const afterSignIn = await landing(page);
    expect(afterSignIn.origin).toBe(new URL(site).origin);
    expect(afterSignIn.pathname).toBe('/en/desktop/');
    await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();
    await assertAccessible(page);

    // Already signed in: the sign-in page sends the tab on at once, to the desktop again.
    await page.goto(`${site}/en/?next=/%09/evil.example`);
    const alreadySignedIn = await landing(page);
    expect(alreadySignedIn.origin).toBe(new URL(site).origin);
    expect(alreadySignedIn.pathname).toBe('/en/desktop/');
  });
});
