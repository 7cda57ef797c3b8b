/**
 * An address the site does not have gets a real page (issue 11, "404"): status
 * 404, in the address's language, with a way back. The local site server
 * answers as CloudFront does (tests/infra: its error responses).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, siteAddress, Visitors } from '../support/browser.ts';

const endpoints = inject('endpoints');
let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

describe('an address the site does not have', () => {
  it.each([
    ['en', '/en/no-such-page/', 'Page not found', 'Go to the Twinspace home page'],
    ['es', '/es/ninguna/pagina', 'Página no encontrada', 'Ir a la página de inicio de Twinspace'],
    ['en', '/nothing-here.html', 'Page not found', 'Go to the Twinspace home page'],
  ])('answers 404 with the not-found page in %s (%s)', async (lang, path, heading, home) => {
    const page = await visitors.page({ locale: lang === 'es' ? 'es-ES' : 'en-GB' });
    const response = await page.goto(`${site}${path}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await page.getByRole('link', { name: home }).getAttribute('href')).toBe(`/${lang}/`);
    await assertAccessible(page);
  });
});
