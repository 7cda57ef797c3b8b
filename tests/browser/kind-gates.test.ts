/**
 * Pages for one kind of account say so before anything else: a guest is told
 * only teachers create projects before any form, a teacher opening the NSS
 * or evaluator pages sees their refusal and no NSS button, and none of them
 * fires a request the API would surely refuse.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';

let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

/** Opens a page, keeping every API path it asks for. */
async function open(page: Page, path: string): Promise<string[]> {
  const asked: string[] = [];
  const api = new URL(inject('endpoints').api).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === api && request.method() !== 'OPTIONS') asked.push(`${request.method()} ${url.pathname}`);
  });
  await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
  return asked;
}

describe('pages for one kind of account', () => {
  it('a guest is told only teachers create projects, and sees no form', { timeout: 60_000 }, async () => {
    const guest = await signInToDesktop(await visitors.page(), site, 'guest@demo.twinspace');
    const asked = await open(guest, '/en/projects/new/');
    await guest.getByText('Only teachers create projects.', { exact: false }).waitFor();
    expect(await guest.locator('#new-project-form').isVisible()).toBe(false);
    expect(asked).toContain('GET /me');
    expect(asked.filter((request) => request.startsWith('POST'))).toEqual([]);
    await assertAccessible(guest);
  });

  it('a teacher on the NSS pages and the evaluators’ page sees the refusal, no NSS button, and asks nothing else', { timeout: 60_000 }, async () => {
    const ana = await signInToDesktop(await visitors.page(), site, 'ana@demo.twinspace');
    for (const [path, refusal] of [
      ['/en/nss/', 'This page is for the officers of a National Support Service.'],
      ['/en/nss/teachers/', 'This page is for the officers of a National Support Service.'],
      ['/en/nss/diary/', 'This page is for the officers of a National Support Service.'],
      ['/en/evaluations/', 'This page is for the Quality Label evaluators.'],
    ] as const) {
      const asked = await open(ana, path);
      await ana.getByText(refusal).waitFor();
      expect(await ana.getByRole('button').filter({ hasText: /Approve|Reject|Validate|Record/ }).count(), path).toBe(0);
      expect(await ana.getByRole('link', { name: /teachers waiting|doubts/i }).count(), path).toBe(0);
      // The layout's own requests (the mail badge) aside, nothing the page is for is asked for.
      expect(asked, path).toContain('GET /me');
      expect(asked.filter((request) => /\/nss|\/evaluations/.test(request)), path).toEqual([]);
    }
    await assertAccessible(ana);
  });

  it('the NSS officer gets the page itself, in Spanish too', { timeout: 60_000 }, async () => {
    const nss = await signInToDesktop(await visitors.page(), site, 'nss.es@demo.twinspace');
    const asked = await open(nss, '/es/nss/');
    // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
    await nss.locator('#nss-page').waitFor();
    await nss.locator('#nss-loading').waitFor({ state: 'hidden' });
    expect(await nss.getByText('Esta página es para el personal', { exact: false }).isVisible()).toBe(false);
    expect(await nss.locator('#nss-page').isVisible()).toBe(true);
    expect(asked).toContain('GET /nss/projects');
    await assertAccessible(nss);
  });
});
