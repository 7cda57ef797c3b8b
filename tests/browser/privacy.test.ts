/**
 * Issue 11 §4 in a real browser, on a phone 390 px wide: a teacher administrator erases a pupil from the Members tab
 * after a dialog that names the choice (delete, or keep as "Former pupil") and says it cannot be undone; the pupil's
 * Home post then reads "Antiguo alumno" in Spanish; a pupil downloads their own data from the profile page. Every page
 * visited is checked with axe, and none scrolls sideways. The NSS of Spain, on its own page, finds a pupil by username,
 * reads who it is and erases them in the same dialog.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { givePupilKnownPassword, signIn } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Privacy-Pass-1!';
const phone = { viewport: { width: 390, height: 844 } };

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Privacy rivers ${Date.now().toString(36)}`);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('erasing a pupil from the Members tab', () => {
  it('names the choice, says it cannot be undone, and keeps the pupil’s work as “Former pupil”', { timeout: patience * 2 }, async () => {
    const ana = space.members['teacher-admin'];
    const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana.idToken, { pupil: { displayName: 'Quentin Erased' }, type: 'pupil-member' });
    expect(created.status).toBe(201);
    const pupil = created.body.member as { userId: string; username: string };
    await givePupilKnownPassword(endpoints, pupil.username, pupilPassword);
    const pupilToken = await signIn(endpoints, pupil.username, pupilPassword);
    const postText = `The heron came back ${Date.now()}`;
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/home/posts`, pupilToken, { body: postText })).status).toBe(201);

    const page = await signInToDesktop(await visitors.page(phone), site, ana.username!);
    await page.goto(`${site}/en/twinspace/members/?id=${space.projectId}`);
    const manage = page.getByRole('region', { name: 'Manage members' });
    await manage.getByRole('button', { name: "Erase this pupil's data: Quentin Erased" }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Quentin Erased’s account and data' });
    await dialog.waitFor();
    // Focus starts on Cancel, the safe answer.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('This cannot be undone.');
    expect(await dialog.getByRole('radio', { name: 'Delete everything Quentin Erased wrote' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Keep it, shown as written by “Former pupil”' }).check();
    await dialog.getByRole('button', { name: 'Erase Quentin Erased, keep their work as “Former pupil”' }).waitFor();
    await noSidewaysScroll(page);
    await assertAccessible(page);
    // Escape cancels: nothing happens.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('region', { name: 'Members', exact: true }).getByText('Quentin Erased').count()).toBeGreaterThan(0);

    await manage.getByRole('button', { name: "Erase this pupil's data: Quentin Erased" }).click();
    await dialog.getByRole('radio', { name: 'Keep it, shown as written by “Former pupil”' }).check();
    await dialog.getByRole('button', { name: 'Erase Quentin Erased, keep their work as “Former pupil”' }).click();
    await page.getByRole('status').filter({ hasText: 'Quentin Erased was erased.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Members', exact: true }).getByText('Quentin Erased').count()).toBe(0);

    await page.goto(`${site}/es/twinspace/?id=${space.projectId}`);
    const post = page.getByRole('article').filter({ hasText: postText });
    await post.waitFor();
    expect(await post.textContent()).toContain('Antiguo alumno');
    expect(await post.textContent()).not.toContain('Quentin');
    await noSidewaysScroll(page);
    await assertAccessible(page);
    await page.close();
  });
});

describe('the NSS erasing a pupil found by username', () => {
  it('finds the pupil of Spain on the NSS people page, names who it is, and erases them keeping their work as “Former pupil”', { timeout: patience * 2 }, async () => {
    const ana = space.members['teacher-admin'];
    const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana.idToken, { pupil: { displayName: 'Nadia Found' }, type: 'pupil-member' });
    expect(created.status).toBe(201);
    const pupil = created.body.member as { userId: string; username: string };

    const page = await signInToDesktop(await visitors.page(phone), site, 'nss.es@demo.twinspace');
    await page.goto(`${site}/en/nss/`);
    await page.getByRole('link', { name: 'Erase a person’s data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erase a person’s data' }).waitFor();
    const field = page.getByLabel('Username', { exact: true });
    // Nothing written: said on the field.
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('Write the username of the person to erase.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // A username nobody of Spain has.
    await field.fill(`pupil.nobody${Date.now()}`);
    await field.press('Enter');
    await page.getByText('No account of your country has this username.').waitFor();

    // The keyboard all the way: type, Enter, Tab to the erase button.
    await field.fill(pupil.username);
    await field.press('Enter');
    const found = page.getByRole('region', { name: 'Who it is' });
    await found.waitFor();
    const facts = (await found.textContent()) ?? '';
    expect(facts).toContain('Nadia Found');
    expect(facts).toContain('Pupil');
    expect(facts).toContain('Spain');
    await noSidewaysScroll(page);
    await assertAccessible(page);

    const erase = found.getByRole('button', { name: "Erase this pupil's data: Nadia Found" });
    await erase.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Erase Nadia Found’s account and data' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    expect((await dialog.textContent()) ?? '').toContain('This cannot be undone.');
    await assertAccessible(page);
    // Escape cancels: the pupil is still there.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await found.waitFor();

    await erase.click();
    await dialog.getByRole('radio', { name: 'Keep it, shown as written by “Former pupil”' }).check();
    await dialog.getByRole('button', { name: 'Erase Nadia Found, keep their work as “Former pupil”' }).click();
    await page.getByRole('status').filter({ hasText: 'Nadia Found was erased.' }).waitFor();
    expect(await found.count()).toBe(0);
    // Focus is back on the username field, for the next one.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-username');
    await noSidewaysScroll(page);
    await assertAccessible(page);

    // Gone: the username names nobody now, and the pupil left the Members list.
    await field.fill(pupil.username);
    await field.press('Enter');
    await page.getByText('No account of your country has this username.').waitFor();
    const members = await apiSend(endpoints, 'GET', `/projects/${space.projectId}/members?limit=100`, ana.idToken);
    expect(JSON.stringify(members.body)).not.toContain(pupil.userId);
    await page.close();
  });

  it('reads in Spanish', { timeout: patience }, async () => {
    const page = await signInToDesktop(await visitors.page(phone), site, 'nss.es@demo.twinspace');
    await page.goto(`${site}/es/nss/people/`);
    await page.getByRole('heading', { level: 1, name: 'Borrar los datos de una persona' }).waitFor();
    await page.getByLabel('Nombre de usuario', { exact: true }).fill(`pupil.nadie${Date.now()}`);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('Ninguna cuenta de tu país tiene este nombre de usuario.').waitFor();
    await noSidewaysScroll(page);
    await assertAccessible(page);
    await page.close();
  });
});

describe('downloading my data', () => {
  it('a pupil downloads a JSON file from the profile page', { timeout: patience }, async () => {
    const pupil = space.members['pupil-member'];
    await givePupilKnownPassword(endpoints, pupil.username!, pupilPassword);
    const page = await visitors.page(phone);
    await fillSignIn(page, site, pupil.username!, pupilPassword);
    await page.waitForURL(`${site}/en/desktop/`);
    await page.goto(`${site}/en/profile/`);
    const section = page.getByRole('region', { name: 'My data' });
    await section.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^twinspace-export-\d{4}-\d{2}-\d{2}\.json$/);
    await section.getByRole('status').filter({ hasText: 'Your data was downloaded.' }).waitFor();
    await noSidewaysScroll(page);
    await assertAccessible(page);
    await page.close();
  });
});
