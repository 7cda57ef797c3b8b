/**
 * Issue 8, point 2 (last sentence), in a real browser, in a fresh TwinSpace:
 * a teacher administrator renames the TwinSpace and gives it its own
 * description in the settings panel on Home; the shell and the page show the
 * new name at once, the project keeps its title (desktop "My projects", GET
 * /projects/{id}); a stale save says the server's 409 sentence next to the
 * button and offers to reload; a member teacher and a pupil see no panel; the
 * Spanish page has Spanish labels; 390 px never scrolls sideways; a closed
 * project shows no panel. Every page is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet, apiSend } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 60_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Settings-Pass-1!';

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  projectTitle = `Settings rivers ${Date.now().toString(36)}`;
  space = await newTwinspace(endpoints, projectTitle);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const homeUrl = (lang = 'en') => `${site}/${lang}/twinspace/?id=${space.projectId}`;
const shellName = (page: Page) => page.locator('.shell-project');
const panel = (page: Page, name = 'TwinSpace settings') => page.getByRole('region', { name });
const readProject = async () => (await apiGet(endpoints, `/projects/${space.projectId}`, space.members['teacher-admin'].idToken)).body;

/** Home has finished reading the project: the feed is there (approved project). */
async function homeRead(page: Page) {
  await page.locator('#twinspace').waitFor();
  await shellName(page).waitFor();
}

describe('the TwinSpace settings panel', () => {
  const newName = `The river keepers ${Date.now().toString(36)}`;
  const newDescription = 'Pupils of two schools follow their rivers through the year.';

  it('a teacher administrator renames the TwinSpace: the shell shows the name, the project keeps its title', { timeout: patience * 2 }, async () => {
    const page = await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!);
    await page.goto(homeUrl());
    await homeRead(page);
    expect(await shellName(page).textContent()).toBe(projectTitle);
    const settings = panel(page);
    await settings.waitFor();
    // Prefilled: no name set yet, so the project's title.
    expect(await settings.getByLabel('Name of the TwinSpace').inputValue()).toBe(projectTitle);
    // The description is the TwinSpace's own, empty until set: saving the name alone must not copy the project's
    // description into the TwinSpace (a later edit of the project's description would no longer show on Home).
    expect(await settings.getByLabel('Description of the TwinSpace').inputValue()).toBe('');
    await assertAccessible(page);

    await settings.getByLabel('Name of the TwinSpace').fill(newName);
    await settings.getByLabel('Description of the TwinSpace').fill(newDescription);
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'The TwinSpace settings are saved.' }).waitFor();
    // The shell and the page follow at once.
    await page.locator('.shell-project', { hasText: newName }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(newName);
    expect(await page.locator('#project-description').textContent()).toBe(newDescription);
    expect(await page.locator('#project-title').textContent()).toBe(projectTitle);
    await assertAccessible(page);

    // After a reload too; the project itself is not renamed.
    await page.reload();
    await page.locator('.shell-project', { hasText: newName }).waitFor();
    const project = await readProject();
    expect(project.title).toBe(projectTitle);
    expect(project.twinspace).toEqual({ name: newName, description: newDescription });
    await page.goto(`${site}/en/desktop/`);
    const projects = page.getByRole('region', { name: 'My projects' });
    await projects.getByRole('link', { name: projectTitle, exact: true }).waitFor();
    expect(await projects.getByRole('link', { name: newName }).count()).toBe(0);
    await page.close();
  });

  it('a stale save shows the server’s sentence next to the button and offers to reload', { timeout: patience }, async () => {
    const page = await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!);
    await page.goto(homeUrl());
    await homeRead(page);
    const settings = panel(page);
    await settings.getByLabel('Name of the TwinSpace').waitFor();
    // Meanwhile the other administrator saves: the version read is stale.
    const before = await readProject();
    const elsewhere = `${newName} (Luc)`;
    const answer = await apiSend(endpoints, 'PUT', `/projects/${space.projectId}/twinspace`, space.secondFounder.idToken, {
      name: elsewhere,
      description: newDescription,
      version: before.version,
    });
    expect(answer.status).toBe(200);

    await settings.getByLabel('Name of the TwinSpace').fill(`${newName} (Ana)`);
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    const alert = settings.getByRole('alert');
    await alert.filter({ hasText: /changed since you read it/ }).waitFor();
    await assertAccessible(page);
    await settings.getByRole('button', { name: 'Reload the current settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'These are the current settings.' }).waitFor();
    expect(await settings.getByLabel('Name of the TwinSpace').inputValue()).toBe(elsewhere);
    await page.locator('.shell-project', { hasText: elsewhere }).waitFor();
    // Saved again with the version now read.
    await settings.getByLabel('Name of the TwinSpace').fill(newName);
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'The TwinSpace settings are saved.' }).waitFor();
    expect((await readProject()).twinspace?.name).toBe(newName);
    await page.close();
  });

  it('a member teacher and a pupil see the name and no panel', { timeout: patience * 2 }, async () => {
    const teacher = await signInToDesktop(await visitors.page(), site, space.members['member-teacher'].username!);
    const pupil = await visitors.page();
    await fillSignIn(pupil, site, space.members['pupil-member'].username!, pupilPassword);
    await pupil.waitForURL(`${site}/en/desktop/`);
    for (const page of [teacher, pupil]) {
      await page.goto(homeUrl());
      await homeRead(page);
      await page.locator('.shell-project', { hasText: newName }).waitFor();
      await page.getByRole('region', { name: 'Latest updates' }).waitFor();
      expect(await panel(page).count()).toBe(0);
      expect(await page.getByLabel('Name of the TwinSpace').count()).toBe(0);
      await assertAccessible(page);
      await page.close();
    }
  });

  it('in Spanish, on a phone 390 px wide: Spanish labels, nothing scrolls sideways', { timeout: patience }, async () => {
    const page = await visitors.page({ viewport: { width: 390, height: 844 }, locale: 'es-ES' });
    await signInToDesktop(page, site, space.members['teacher-admin'].username!);
    await page.goto(homeUrl('es'), { waitUntil: 'networkidle' });
    await homeRead(page);
    const settings = panel(page, 'Ajustes del TwinSpace');
    await settings.waitFor();
    await settings.getByLabel('Nombre del TwinSpace').waitFor();
    await settings.getByLabel('Descripción del TwinSpace').waitFor();
    await settings.getByRole('button', { name: 'Guardar los ajustes' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(page);
    await page.close();
  });

  it('a closed project shows no panel', { timeout: patience }, async () => {
    const closed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken);
    expect(closed.status).toBe(200);
    const page = await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!);
    await page.goto(homeUrl());
    await homeRead(page);
    await page.locator('#closed-notice').waitFor();
    await page.getByRole('region', { name: 'Latest updates' }).waitFor();
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });
});
