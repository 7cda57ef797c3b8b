/**
 * On a phone (390 px wide) nothing scrolls sideways: every signed-in page a
 * teacher administrator opens, in Spanish (the longer words) and English, fits
 * the screen, long e-mail addresses and usernames included.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoProjectId } from '../support/clients.ts';
import { signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';

const endpoints = inject('endpoints');
const phone = { width: 390, height: 844 };

let visitors: Visitors;
let site: string;
let page: Page;
let projectId: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  projectId = await demoProjectId(endpoints);
  visitors = await Visitors.launch();
  page = await visitors.page({ locale: 'es-ES', viewport: phone });
  await signInToDesktop(page, site, 'ana@demo.twinspace');
});

afterAll(async () => {
  await visitors?.close();
});

const pages = () => [
  '/es/desktop/',
  '/en/desktop/',
  `/es/twinspace/?id=${projectId}`,
  `/es/twinspace/agenda/?id=${projectId}`,
  `/es/twinspace/forum/?id=${projectId}`,
  `/es/twinspace/mailbox/?id=${projectId}`,
  `/es/twinspace/pages/?id=${projectId}`,
  `/es/twinspace/diary/?id=${projectId}`,
  `/es/twinspace/labels/?id=${projectId}`,
  `/es/twinspace/chat/?id=${projectId}`,
  `/es/twinspace/members/?id=${projectId}`,
  '/es/profile/',
  '/es/mail/',
];

describe('a phone 390 px wide', () => {
  it('scrolls no page sideways', { timeout: 120_000 }, async () => {
    const tooWide: string[] = [];
    for (const path of pages()) {
      await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > phone.width) tooWide.push(`${path}: ${width} px`);
    }
    expect(tooWide).toEqual([]);
  });
});
