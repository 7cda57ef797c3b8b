/**
 * The pupil guard on the pages, mailbox and materials forms in a real browser
 * (issue 12): a pupil's text with personal data is held — the form says why
 * in a child's words and that a teacher will look, and keeps what was typed
 * (English and Spanish, 390 px scrolls nothing sideways); a teacher about to
 * put personal data where pupils read is asked first in a dialog reached by
 * keyboard — going back writes nothing, publishing anyway writes it. axe
 * checks every form.
 */
import { AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillRichText, fillSignIn, paragraphs, richEditor, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet } from '../support/clients.ts';
import { testPassword } from '../support/cognito-users.ts';
import { emailText, phoneText } from '../support/guard-surfaces.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, 'Guarded forms of the rivers');
  // The pupil signs in with a password the test knows.
  const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: space.members['pupil-member'].username!, Password: testPassword, Permanent: true }));
  cognito.destroy();
}, patience);

afterAll(async () => {
  await visitors?.close();
});

async function pupilAt(path: string, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await visitors.page({ locale: options.locale ?? 'en-GB', ...(options.viewport ? { viewport: options.viewport } : {}) });
  await fillSignIn(page, site, space.members['pupil-member'].username!, testPassword, path);
  await page.waitForURL(`${site}${path}`);
  return page;
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
const inPupilsArea = async (kind: 'pages' | 'materials', title: string) => {
  const who = space.members['teacher-admin'].idToken;
  const lists = kind === 'pages' ? ['published', 'draft'].map((status) => `/projects/${space.projectId}/pages?area=pupils&status=${status}&limit=100`) : [`/projects/${space.projectId}/materials?area=pupils&limit=100`];
  const items = (await Promise.all(lists.map((path) => apiGet(endpoints, path, who)))).flatMap((answer) => answer.body.items as { title: string }[]);
  return items.filter((item) => item.title === title);
};

describe("a pupil's text with personal data", () => {
  it('in a message at 390 px: the reason and that a teacher will look, the text kept, nothing sent', { timeout: patience }, async () => {
    const page = await pupilAt(`/en/twinspace/mailbox/?id=${space.projectId}`, { viewport: { width: 390, height: 844 } });
    const write = page.getByRole('region', { name: 'Write a message' });
    await write.getByLabel('To').selectOption({ label: 'Ana García — Teacher administrator' });
    await write.getByLabel('Subject').fill('My phone');
    await write.getByLabel('Message').fill(phoneText);
    await write.getByRole('button', { name: 'Send' }).click();
    await write.getByRole('status').filter({ hasText: 'Phone numbers stay private. A teacher will look at your message.' }).waitFor();
    expect(await write.getByLabel('Subject').inputValue()).toBe('My phone');
    expect(await write.getByLabel('Message').inputValue()).toBe(phoneText);
    expect(await scrollsSideways(page)).toBe(false);
    await assertAccessible(page);
    const sent = await apiGet(endpoints, `/projects/${space.projectId}/mailbox?box=sent`, space.members['pupil-member'].idToken);
    expect(sent.body.items).toEqual([]);
  });

  it('in a new page, in Spanish: the reason in Spanish, the title and text kept, no page', { timeout: patience }, async () => {
    const page = await pupilAt(`/es/twinspace/pages/?id=${space.projectId}&area=pupils`, { locale: 'es-ES' });
    const form = page.getByRole('region', { name: 'Nueva página' });
    const title = 'Escríbeme';
    await form.getByLabel('Título').fill(title);
    await fillRichText(form, 'Texto', emailText);
    await form.getByRole('button', { name: 'Guardar como borrador' }).click();
    await form.getByText('Las direcciones de correo electrónico son privadas. Un profesor revisará tu mensaje.').waitFor();
    expect(await form.getByLabel('Título').inputValue()).toBe(title);
    expect(await paragraphs(await richEditor(form, 'Texto'))).toEqual([emailText]);
    expect(page.url()).not.toContain('page=');
    await assertAccessible(page);
    expect(await inPupilsArea('pages', title)).toEqual([]);
  });
});

describe('a teacher writing personal data where pupils read', () => {
  it('is asked first, by keyboard: going back adds nothing, publishing anyway adds it', { timeout: patience }, async () => {
    const ana = await signInToDesktop(await visitors.page({ locale: 'en-GB' }), site, 'ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/materials/?id=${space.projectId}&area=pupils`);
    await ana.getByRole('button', { name: 'Add an album, a folder or a video' }).click();
    const form = ana.getByRole('region', { name: 'Add an album, a folder or a video' });
    const title = 'Numbers for the exchange';
    await form.getByLabel('A file folder').check();
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Description (optional)').fill(phoneText);
    await form.getByRole('button', { name: 'Add', exact: true }).click();

    const dialog = ana.getByRole('dialog', { name: 'Pupils will read this' });
    await dialog.getByText('a phone number').waitFor();
    // The safe answer has the focus; Escape goes back to the form, nothing added.
    expect(await dialog.getByRole('button', { name: 'Go back and change it' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await assertAccessible(ana);
    await ana.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Description (optional)').inputValue()).toBe(phoneText);
    expect(await inPupilsArea('materials', title)).toEqual([]);

    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('button', { name: 'Go back and change it' }).waitFor();
    await ana.keyboard.press('Shift+Tab');
    expect(await dialog.getByRole('button', { name: 'Publish anyway' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await ana.keyboard.press('Enter');
    await ana.getByRole('heading', { level: 2, name: title }).waitFor();
    expect(await inPupilsArea('materials', title)).toHaveLength(1);
  });
});
