/**
 * DESIGN.md budgets: at most 30 KB of JavaScript (gzipped) per page, and the
 * rich-text editor (Tiptap) in a chunk of its own of at most 120 KB gzipped,
 * fetched only when a form that edits is used. Counted as the browser gets
 * it: every script file the page loads plus inline scripts. No page fetches
 * the editor on load; a signed-in teacher's pages page (a real TwinSpace, a
 * form on it) stays within 30 KB and fetches the editor once its text box is
 * used.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, richEditor, signInToDesktop, siteAddress } from '../support/browser.ts';
import { newTwinspace } from '../support/twinspace.ts';

const budgetBytes = 30 * 1024;
const editorBudgetBytes = 120 * 1024;
/** The editor's chunk, as Vite names it after its module (web/src/components/kit/RichEditor.tsx). */
const editorChunk = /\/RichEditor\.[\w-]+\.js$/;
const pages = ['/en/', '/es/', '/en/desktop/', '/en/twinspace/?id=any', '/es/twinspace/?id=any', '/en/signout/', '/en/projects/new/', '/es/nss/', '/en/profile/', '/en/school/', '/en/partners/', '/es/mail/', '/en/groups/', '/es/encounters/', '/en/resources/', '/es/projects/edit/', '/en/twinspace/diary/?id=any', '/es/nss/diary/', '/en/nss/people/', '/en/twinspace/labels/?id=any', '/es/evaluations/', '/en/twinspace/agenda/?id=any', '/es/twinspace/mailbox/?id=any', '/en/twinspace/forum/?id=any', '/en/twinspace/pages/?id=any', '/en/twinspace/materials/?id=any', '/es/twinspace/materials/?id=any', '/en/twinspace/chat/?id=any', '/es/twinspace/members/?id=any', '/es/public/?id=any', '/en/notifications/', '/es/notifications/', '/en/security/', '/es/security/', '/en/twinspace/moderation/?id=any', '/es/twinspace/moderation/?id=any'];

let browser: Browser;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Every script a page fetches from now on, by address, with its body (the weighing never changes what the page gets). */
async function recordScripts(page: Page): Promise<Map<string, Buffer>> {
  const scripts = new Map<string, Buffer>();
  let navigations = 0;
  await page.route('**/*', async (route) => {
    const request = route.request();
    // Signed-out pages send the visitor to sign in; a 204 answer keeps the browser on the page being weighed.
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && navigations++ > 0) return route.fulfill({ status: 204 });
    if (request.resourceType() !== 'script') return route.continue();
    try {
      const response = await route.fetch();
      scripts.set(request.url(), await response.body());
      return await route.fulfill({ response });
    } catch (error) {
      // Only a page already weighed (its context closing) cuts a fetch short; anything else is a real failure.
      if (!page.isClosed() && !/disposed|closed/i.test(String(error))) throw error;
    }
  });
  return scripts;
}

/** The gzipped bytes of the scripts fetched plus the page's inline scripts. */
async function weight(page: Page, scripts: Map<string, Buffer>): Promise<number> {
  const inline = await page.evaluate(() => [...document.scripts].filter((script) => !script.src).map((script) => script.textContent ?? ''));
  const bodies = [...scripts.values(), ...inline.map((source) => Buffer.from(source))];
  expect(bodies.length).toBeGreaterThan(0);
  return bodies.reduce((total, body) => total + gzipSync(body).length, 0);
}

describe('JavaScript per page', () => {
  it.each(pages)('%s ships at most 30 KB of gzipped JavaScript, and not the editor', { timeout: 60_000 }, async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = await recordScripts(page);
    await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
    expect(await weight(page, scripts)).toBeLessThanOrEqual(budgetBytes);
    expect([...scripts.keys()].filter((url) => editorChunk.test(url))).toEqual([]);
    // A script still being fetched when the page is weighed must not outlive the context as an unhandled rejection.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});

describe('the rich-text editor', () => {
  it('is fetched only once a form’s text is used, in one chunk of at most 120 KB gzipped; the public page never fetches it', { timeout: 180_000 }, async () => {
    const space = await newTwinspace(inject('endpoints'), `Weighing the editor ${Date.now().toString(36)}`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInToDesktop(page, site, space.members['teacher-admin'].username!);
    const scripts = await recordScripts(page);
    await page.goto(`${site}/en/twinspace/pages/?id=${space.projectId}&area=public`, { waitUntil: 'networkidle' });
    const newPage = page.getByRole('region', { name: 'New page' });
    await newPage.getByLabel('Text', { exact: true }).waitFor();
    // The page with its form, signed in: still within the budget, and no editor yet.
    expect(await weight(page, scripts)).toBeLessThanOrEqual(budgetBytes);
    expect([...scripts.keys()].filter((url) => editorChunk.test(url))).toEqual([]);

    await richEditor(newPage, 'Text');
    const fetched = [...scripts.entries()].filter(([url]) => editorChunk.test(url));
    expect(fetched.map(([url]) => url)).toHaveLength(1);
    const editorBytes = gzipSync(fetched[0]![1]).length;
    console.info(`rich-text editor chunk: ${(editorBytes / 1024).toFixed(1)} KB gzipped`);
    expect(editorBytes).toBeLessThanOrEqual(editorBudgetBytes);
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // The public page shows texts, never edits: no editor, whatever it shows.
    const visitor = await browser.newPage();
    const visitorScripts = await recordScripts(visitor);
    await visitor.goto(`${site}/en/public/?id=${space.projectId}`, { waitUntil: 'networkidle' });
    expect([...visitorScripts.keys()].filter((url) => editorChunk.test(url))).toEqual([]);
    await visitor.unrouteAll({ behavior: 'ignoreErrors' });
    await visitor.close();
    await context.close();
  });
});
