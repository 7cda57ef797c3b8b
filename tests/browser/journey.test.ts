/**
 * Issue 2, point 3, in a real browser against the local stack: sign in, the
 * desktop, a TwinSpace with its members (its Members tab), the chat (its Chat tab) live between two browsers
 * and again after a reload, and a visitor who sees the project but no chat.
 * Every page visited is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, demoPassword, launchBrowser, newVisitor, siteAddress } from '../support/browser.ts';

const project = 'Water around Europe';
const patience = 60_000;

let browser: Browser;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, username: string, language = 'en'): Promise<void> {
  await page.goto(`${site}/${language}/`);
  await page.getByLabel(language === 'es' ? 'Nombre de usuario' : 'Username', { exact: true }).fill(username);
  await page.getByLabel(language === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: language === 'es' ? 'Entrar' : 'Sign in' }).click();
  await page.waitForURL(`${site}/${language}/desktop/`);
}

/** Opens the project's TwinSpace from the desktop, as a user would. */
async function openProject(page: Page): Promise<void> {
  await page.getByRole('link', { name: project }).click();
  await page.waitForURL(/\/twinspace\/\?id=/);
  await page.getByRole('heading', { level: 1, name: project }).waitFor();
}

/** Opens one of the TwinSpace's tabs (Chat, Members…) from its shell. */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'TwinSpace sections' }).getByRole('link', { name: tab, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: tab }).waitFor();
}

function chatMessages(page: Page) {
  return page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
}

describe('the walking skeleton in a browser', () => {
  it('/ leads to the English sign-in page, which is accessible', { timeout: patience }, async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto(`${site}/`);
    await page.waitForURL(`${site}/en/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await assertAccessible(page);
    await context.close();
  });

  it('a wrong password gets a clear message', { timeout: patience }, async () => {
    const { context, page } = await newVisitor(browser);
    await page.goto(`${site}/en/`);
    await page.getByLabel('Username', { exact: true }).fill('ana@demo.twinspace');
    await page.getByLabel('Password', { exact: true }).fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'The username or password is not right' }).waitFor();
    expect(page.url()).toBe(`${site}/en/`);
    await assertAccessible(page);
    await context.close();
  });

  it('Ana sees her project and its members, and her message reaches Marta live and stays in the history', { timeout: patience * 2 }, async () => {
    const ana = await newVisitor(browser);
    await signIn(ana.page, 'ana@demo.twinspace');
    const projectRow = ana.page.getByRole('listitem').filter({ has: ana.page.getByRole('link', { name: project }) });
    await projectRow.waitFor();
    expect(await projectRow.textContent()).toContain('Teacher administrator');
    await assertAccessible(ana.page);

    await openProject(ana.page);
    await openTab(ana.page, 'Members');
    const members = ana.page.getByRole('region', { name: 'Members' }).getByRole('listitem');
    await members.first().waitFor();
    const memberRows = await members.allTextContents();
    expect(memberRows.some((row) => row.includes('Teacher administrator'))).toBe(true);
    expect(memberRows.some((row) => row.includes('Pupil administrator'))).toBe(true);
    expect(memberRows.some((row) => row.includes('Visitor'))).toBe(true);
    await assertAccessible(ana.page);
    await openTab(ana.page, 'Chat');
    await ana.page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await assertAccessible(ana.page);

    const marta = await newVisitor(browser);
    await signIn(marta.page, 'pupil.marta');
    await assertAccessible(marta.page);
    await openProject(marta.page);
    await openTab(marta.page, 'Chat');
    await marta.page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();

    const text = `Hello from Ana, ${Date.now().toString(36)} <b>not bold</b>`;
    await ana.page.getByLabel('Your message', { exact: true }).fill(text);
    await ana.page.getByRole('button', { name: 'Send' }).click();

    const live = chatMessages(marta.page).filter({ hasText: text });
    await live.waitFor();
    expect(await live.textContent()).toContain('Teacher administrator');
    // User text is shown as text: the markup is visible, not interpreted.
    expect(await live.locator('b').count()).toBe(0);
    await assertAccessible(marta.page);

    // Marta answers with the keyboard alone: Enter sends; her name shows as her first name only.
    const answer = `Hola Ana ${Date.now().toString(36)}`;
    await marta.page.getByLabel('Your message', { exact: true }).fill(answer);
    await marta.page.getByLabel('Your message', { exact: true }).press('Enter');
    const answered = chatMessages(ana.page).filter({ hasText: answer });
    await answered.waitFor();
    expect(await answered.textContent()).toContain('Marta');
    expect(await answered.textContent()).not.toContain('Ruiz');

    await marta.page.reload();
    await chatMessages(marta.page).filter({ hasText: text }).waitFor();
    expect(await chatMessages(marta.page).filter({ hasText: text }).count()).toBe(1);
    await assertAccessible(marta.page);

    await ana.context.close();
    await marta.context.close();
  });

  it('a guest sees the project but no chat, and can sign out', { timeout: patience }, async () => {
    const guest = await newVisitor(browser);
    await signIn(guest.page, 'guest@demo.twinspace');
    const projectRow = guest.page.getByRole('listitem').filter({ has: guest.page.getByRole('link', { name: project }) });
    await projectRow.waitFor();
    expect(await projectRow.textContent()).toContain('Visitor');
    await openProject(guest.page);
    // A visitor has no Chat tab; its page, opened all the same, says why.
    await guest.page.getByRole('navigation', { name: 'TwinSpace sections' }).getByRole('link', { name: 'Members', exact: true }).waitFor();
    expect(await guest.page.getByRole('link', { name: 'Chat', exact: true }).count()).toBe(0);
    await openTab(guest.page, 'Members');
    await guest.page.getByRole('region', { name: 'Members' }).getByRole('listitem').first().waitFor();
    await guest.page.goto(guest.page.url().replace('/twinspace/members/', '/twinspace/chat/'));
    await guest.page.getByText('Visitors can see the project but cannot take part in its chat.').waitFor();
    expect(await guest.page.getByLabel('Your message').count()).toBe(0);
    expect(await guest.page.getByRole('list', { name: 'Messages' }).count()).toBe(0);
    await assertAccessible(guest.page);

    // Signing out forgets the session: the desktop then asks to sign in again.
    await guest.page.getByRole('link', { name: 'Sign out' }).click();
    await guest.page.getByRole('heading', { level: 1, name: 'Signed out' }).waitFor();
    await assertAccessible(guest.page);
    await guest.page.goto(`${site}/en/desktop/`);
    await guest.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await guest.context.close();
  });

  it('the Spanish pages speak Spanish', { timeout: patience }, async () => {
    const { context, page } = await newVisitor(browser, 'es-ES');
    await page.goto(`${site}/es/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await assertAccessible(page);

    await signIn(page, 'ana@demo.twinspace', 'es');
    await page.getByRole('heading', { level: 1, name: 'Mi escritorio' }).waitFor();
    const projectRow = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: project }) });
    await projectRow.waitFor();
    expect(await projectRow.textContent()).toContain('Docente administrador');
    await assertAccessible(page);

    // The language switch keeps the page: back to English on the same desktop.
    await page.getByRole('link', { name: 'Read in English' }).click();
    await page.waitForURL(`${site}/en/desktop/`);
    await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();
    await context.close();
  });
});
