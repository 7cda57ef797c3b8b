/**
 * DESIGN.md budget: at most 30 KB of JavaScript (gzipped) per page. Counted
 * as the browser gets it: every script file the page loads plus inline scripts.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, siteAddress } from '../support/browser.ts';

const budgetBytes = 30 * 1024;
const pages = ['/en/', '/es/', '/en/desktop/', '/en/twinspace/?id=any', '/es/twinspace/?id=any', '/en/signout/', '/en/projects/new/', '/es/nss/', '/en/profile/', '/en/school/', '/en/partners/', '/es/mail/', '/en/groups/', '/es/encounters/', '/en/resources/', '/es/projects/edit/', '/en/twinspace/diary/?id=any', '/es/nss/diary/', '/en/twinspace/labels/?id=any', '/es/evaluations/', '/en/twinspace/agenda/?id=any', '/es/twinspace/mailbox/?id=any', '/en/twinspace/forum/?id=any', '/en/twinspace/pages/?id=any', '/en/twinspace/materials/?id=any', '/es/twinspace/materials/?id=any', '/en/twinspace/chat/?id=any', '/es/twinspace/members/?id=any', '/es/public/?id=any', '/en/notifications/', '/es/notifications/'];

let browser: Browser;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('JavaScript per page', () => {
  it.each(pages)('%s ships at most 30 KB of gzipped JavaScript', { timeout: 60_000 }, async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: Buffer[] = [];
    let navigations = 0;
    await page.route('**/*', async (route) => {
      const request = route.request();
      // Signed-out pages send the visitor to sign in; a 204 answer keeps the browser on the page being weighed.
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && navigations++ > 0) return route.fulfill({ status: 204 });
      if (request.resourceType() !== 'script') return route.continue();
      try {
        const response = await route.fetch();
        scripts.push(await response.body());
        return await route.fulfill({ response });
      } catch (error) {
        // Only a page already weighed (its context closing) cuts a fetch short; anything else is a real failure.
        if (!page.isClosed() && !/disposed|closed/i.test(String(error))) throw error;
      }
    });
    await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() =>
      [...document.scripts].filter((script) => !script.src).map((script) => script.textContent ?? ''),
    );
    const bodies = [...scripts, ...inline.map((source) => Buffer.from(source))];
    const gzipped = bodies.reduce((total, body) => total + gzipSync(body).length, 0);
    expect(bodies.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(budgetBytes);
    // A script still being fetched when the page is weighed must not outlive the context as an unhandled rejection.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
