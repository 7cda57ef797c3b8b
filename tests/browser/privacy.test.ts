/**
 * Issue 11 §4 in a real browser, on a phone 390 px wide: a teacher administrator erases a pupil from the Members tab
 * after a dialog that names the choice (delete, or keep as "Former pupil") and says it cannot be undone; the pupil's
 * Home post then reads "Antiguo alumno" in Spanish; a pupil downloads their own data from the profile page. Every page
 * visited is checked with axe, and none scrolls sideways.
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
