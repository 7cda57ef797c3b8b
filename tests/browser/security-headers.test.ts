/**
 * Issue 11, "The site": every page of the site works under the
 * Content-Security-Policy and the other security headers the local site
 * server really sends (the same as CloudFront's, infra/site-headers.ts).
 *
 * - No built page has an inline script, an inline style, a style attribute
 *   or an inline event handler (the CSP allows none of them).
 * - Every page file under web/src/pages/[lang]/, in both languages, opened
 *   by an account it is for, carries the headers and causes no CSP
 *   violation (a `securitypolicyviolation` event or a "Refused to…" console
 *   message) and no Permissions-Policy complaint.
 * - Real flows still work under it: sign-in (Cognito), a TwinSpace tab's
 *   island with the rich editor's chunk loaded on demand, the chat tab's
 *   WebSocket, and an upload to the materials storage shown back as an image
 *   from it.
 */
import { Parser } from 'htmlparser2';
import type { BrowserContext, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localSiteOrigins } from '../../infra/local/site.ts';
import { cacheControl, contentSecurityPolicy } from '../../infra/site-headers.ts';
import { fillSignIn, richEditor, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import { pageRoutes, pageVisits } from '../support/site-pages.ts';

const endpoints = inject('endpoints');
const languages = ['en', 'es'] as const;
const expectedPolicy = contentSecurityPolicy(localSiteOrigins(endpoints));

type Who = 'signed-out' | 'teacher' | 'nss' | 'evaluator';

/** Each page once, by the first account the shared table names (the headers and the scripts are the page's). */
const visits = pageVisits.map(({ route, who, withId }) => ({ route, who: who[0] as Who, withId }));

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  space = await newTwinspace(endpoints, `Headers rivers ${Date.now().toString(36)}`);
  visitors = await Visitors.launch();
}, 120_000);

afterAll(async () => {
  await visitors?.close();
});

/** What the CSP and the Permissions-Policy refused in a tab, as readable lines. */
interface Watch {
  problems: string[];
  /** Every page (document) answer the tab got: address → its headers. */
  documents: Map<string, Record<string, string>>;
  /** Every /_astro/ answer: address → its Cache-Control. */
  bundles: Map<string, string | undefined>;
}

/**
 * Watches a tab from its first page on: `securitypolicyviolation` events
 * (reported by a script the browser injects itself, which the CSP does not
 * govern), console messages about CSP or Permissions-Policy, and the headers
 * of every answer.
 */
async function watch(page: Page): Promise<Watch> {
  const watched: Watch = { problems: [], documents: new Map(), bundles: new Map() };
  const context: BrowserContext = page.context();
  await context.exposeBinding('reportCspViolation', ({ frame }, violation: { directive: string; blocked: string; sample: string }) => {
    watched.problems.push(`${frame.url()}: CSP ${violation.directive} refused ${violation.blocked || '(inline)'} ${violation.sample}`.trim());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (violation: object) => void }).reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on('console', (message) => {
    if (/Refused to|Content[- ]Security[- ]Policy|Permissions[- ]Policy/i.test(message.text())) watched.problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== site) return;
    if (response.request().resourceType() === 'document') watched.documents.set(response.url(), response.headers());
    if (url.pathname.startsWith('/_astro/')) watched.bundles.set(url.pathname, response.headers()['cache-control']);
  });
  return watched;
}

async function tab(who: Who): Promise<{ page: Page; watched: Watch }> {
  const page = await visitors.page({ locale: 'en-GB' });
  const watched = await watch(page);
  if (who === 'teacher') await signInToDesktop(page, site, space.members['teacher-admin'].username!);
  if (who === 'nss') await signInToDesktop(page, site, 'nss.es@demo.twinspace');
  if (who === 'evaluator') await signInToDesktop(page, site, 'eval.es@demo.twinspace');
  return { page, watched };
}

function expectHeaders(url: string, headers: Record<string, string>): void {
  expect(headers['content-security-policy'], url).toBe(expectedPolicy);
  expect(headers['strict-transport-security'], url).toMatch(/^max-age=\d+/);
  expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], url).toMatch(/camera=\(\)/);
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['cache-control'], url).toBe(cacheControl.revalidate);
}

/** What the CSP would refuse in a page's HTML: inline scripts and styles, style attributes, event handler attributes, javascript: addresses. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const type = (attributes.type ?? '').toLowerCase();
      if (name === 'script' && attributes.src === undefined && !type.includes('json')) found.push('<script> without src');
      if (name === 'style') found.push('<style>');
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) found.push(`${name} ${attribute}="${value}"`);
        if (attribute === 'style') found.push(`${name} style="${value}"`);
        if (/^\s*javascript:/i.test(value)) found.push(`${name} ${attribute}="${value}"`);
      }
    },
  });
  parser.end(html);
  return found;
}

describe('the built pages', () => {
  it('the visits below cover every page file under web/src/pages/[lang]/', () => {
    const visited = new Set(visits.map((visit) => visit.route));
    expect(pageRoutes().filter((route) => !visited.has(route)), 'page files no visit covers: add them to `visits`').toEqual([]);
    expect([...visited].filter((route) => !pageRoutes().includes(route)), 'visits of pages that no longer exist').toEqual([]);
  });

  it('have no inline script, inline style, style attribute or inline event handler, in either language', async () => {
    const addresses = ['/', '/en/no-such-page/', ...languages.flatMap((lang) => pageRoutes().map((route) => `/${lang}/${route}`))];
    const offenders: string[] = [];
    for (const address of addresses) {
      const response = await fetch(`${site}${address}`);
      expect(response.headers.get('content-type'), address).toMatch(/^text\/html/);
      for (const problem of inlineCode(await response.text())) offenders.push(`${address}: ${problem}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('every page under the real headers', () => {
  it.each(['signed-out', 'teacher', 'nss', 'evaluator'] as Who[])('%s: every page sends the headers and the CSP refuses nothing', { timeout: 300_000 }, async (who) => {
    const { page, watched } = await tab(who);
    for (const lang of languages) {
      for (const visit of visits.filter((candidate) => candidate.who === who)) {
        const address = `${site}/${lang}/${visit.route}${visit.withId ? `?id=${space.projectId}` : ''}`;
        const response = await page.goto(address, { waitUntil: 'networkidle' });
        expect(response, address).not.toBeNull();
        expectHeaders(address, response!.headers());
      }
    }
    for (const [url, headers] of watched.documents) expectHeaders(url, headers);
    expect(watched.bundles.size).toBeGreaterThan(0);
    for (const [path, cache] of watched.bundles) expect(cache, path).toBe(cacheControl.immutable);
    expect(watched.problems).toEqual([]);
    await page.context().close();
  });
});

describe('the site’s flows under the CSP', () => {
  it('sign-in, a TwinSpace island with the rich editor fetched on demand, the chat connected, and an image uploaded to storage and shown from it', { timeout: 240_000 }, async () => {
    const { page, watched } = await tab('signed-out');
    // Sign-in: the form posts to Cognito (connect-src), then the desktop's islands call the API.
    await fillSignIn(page, site, space.members['teacher-admin'].username!);
    await page.waitForURL(`${site}/en/desktop/`);
    await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();

    // A TwinSpace tab's island: the pages form's text box fetches the editor chunk (a module script of the site) and edits.
    await page.goto(`${site}/en/twinspace/pages/?id=${space.projectId}&area=public`, { waitUntil: 'networkidle' });
    const newPage = page.getByRole('region', { name: 'New page' });
    const editor = await richEditor(newPage, 'Text');
    await editor.focus();
    await page.keyboard.insertText('Rivers under a strict policy');
    await editor.getByText('Rivers under a strict policy').waitFor();
    expect([...watched.bundles.keys()].some((path) => /\/RichEditor\.[\w-]+\.js$/.test(path))).toBe(true);
    // The editor's own rules come from the stylesheet, not an injected <style> (style-src 'self').
    expect(await editor.evaluate((element) => getComputedStyle(element).whiteSpace)).toMatch(/pre-wrap|break-spaces/);

    // The chat tab's WebSocket (connect-src names the chat gateway).
    await page.goto(`${site}/en/twinspace/chat/?id=${space.projectId}`);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

    // The materials storage: the upload goes straight to it (connect-src), the thumbnail comes from it (img-src).
    await page.goto(`${site}/en/twinspace/materials/?id=${space.projectId}`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Add an album, a folder or a video' }).click();
    const form = page.getByRole('region', { name: 'Add an album, a folder or a video' });
    await form.getByLabel('An image album').check();
    await form.getByLabel('Title').fill('Under the policy');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Under the policy' }).waitFor();
    await page.getByRole('button', { name: 'Add images' }).click();
    const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a7fbf' } }).png().toBuffer();
    await page.getByLabel('Images to upload').setInputFiles({ name: 'policy.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('list', { name: 'Your uploads' }).getByText('Ready.').waitFor({ timeout: 60_000 });
    const thumbnail = page.locator('.image-grid img[alt="policy.png"]');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(new RegExp(`^${endpoints.storage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img[alt="policy.png"]')].every((image) => image.complete && image.naturalWidth > 0));

    for (const [url, headers] of watched.documents) expectHeaders(url, headers);
    expect(watched.problems).toEqual([]);
    await page.context().close();
  });

  it('a CSP violation is seen: an inline script added to a page is refused and reported', { timeout: 60_000 }, async () => {
    const { page, watched } = await tab('signed-out');
    await page.goto(`${site}/en/`, { waitUntil: 'networkidle' });
    // Stands in for an XSS: an inline script the page's own code would insert.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      return new Promise<boolean>((resolve) => setTimeout(() => resolve((window as unknown as { injected?: boolean }).injected === true), 200));
    });
    expect(ran).toBe(false);
    await expect.poll(() => watched.problems.length).toBeGreaterThan(0);
    expect(watched.problems.join('\n')).toMatch(/script-src/);
    await page.context().close();
  });
});
