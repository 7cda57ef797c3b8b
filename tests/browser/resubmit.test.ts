/**
 * A rejected project, edited and resubmitted in a real browser: the NSS of
 * Spain rejects Ana and Luc's project with a reason (through the API) → Ana
 * sees the reason on the project's page, follows "Edit the project", changes
 * the title, saves and resubmits → the project waits for approval again and
 * is back on the NSS's list. A stale second tab's save is refused and says so.
 * Every page visited is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet, apiSend, demoToken } from '../support/clients.ts';

const endpoints = inject('endpoints');
const patience = 90_000;

let visitors: Visitors;
let site: string;
let projectId: string;
const title = `Wind and sails ${Date.now().toString(36)}`;
const reason = 'Say how the pupils of both schools work together.';

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  const created = await apiSend(endpoints, 'POST', '/projects', await demoToken(endpoints, 'ana@demo.twinspace'), {
    title,
    description: 'Pupils measure the wind and sail model boats.',
    subjects: ['science'],
    ages: { min: 10, max: 12 },
    languages: ['en', 'fr'],
    partnerUsername: 'luc@demo.twinspace',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.projectId;
  const accepted = await apiSend(endpoints, 'POST', `/projects/${projectId}/acceptance`, await demoToken(endpoints, 'luc@demo.twinspace'), { accept: true });
  expect(accepted.status).toBe(200);
  const rejected = await apiSend(endpoints, 'POST', `/projects/${projectId}/approval`, await demoToken(endpoints, 'nss.es@demo.twinspace'), {
    approve: false,
    reason,
  });
  expect(rejected.status).toBe(200);
});

afterAll(async () => {
  await visitors?.close();
});

describe('a rejected project, edited and resubmitted in a browser', () => {
  it('shows Ana the reason, lets her edit and resubmit, and the NSS gets it back', { timeout: patience }, async () => {
    const page = await signInToDesktop(await visitors.page(), site, 'ana@demo.twinspace');
    await page.goto(`${site}/en/twinspace/?id=${projectId}`);
    await page.getByText(reason).waitFor();
    await assertAccessible(page);

    // A second tab opens the same form before the first one saves.
    // (Sessions live in the tab, as sessionStorage does: the second tab signs in too.)
    const staleTab = await page.context().newPage();
    await fillSignIn(staleTab, site, 'ana@demo.twinspace', undefined, `/en/projects/edit/?id=${projectId}`);
    await staleTab.waitForURL(`${site}/en/projects/edit/?id=${projectId}`);
    await staleTab.getByLabel('Title').waitFor();
    await expect.poll(() => staleTab.getByLabel('Title').inputValue()).toBe(title);

    await page.getByRole('link', { name: 'Edit the project' }).click();
    await page.waitForURL(`${site}/en/projects/edit/?id=${projectId}`);
    await page.getByRole('heading', { level: 1, name: 'Edit the project' }).waitFor();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe(title);
    await assertAccessible(page);
    const newTitle = `${title} (with both schools)`;
    await page.getByLabel('Title').fill(newTitle);
    await page.getByRole('button', { name: 'Save and resubmit for approval' }).click();
    await page.waitForURL(`${site}/en/twinspace/?id=${projectId}`);
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    await page.locator('#project-state').filter({ hasText: 'Waiting for approval' }).waitFor();

    // The stale tab's save changes nothing (the project moved on) and says so in the alert region.
    await staleTab.getByLabel('Description').fill('Written in an old tab.');
    await staleTab.getByRole('button', { name: 'Save changes' }).click();
    await staleTab.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await assertAccessible(staleTab);

    const project = await apiGet(endpoints, `/projects/${projectId}`, await demoToken(endpoints, 'ana@demo.twinspace'));
    expect(project.body).toMatchObject({ title: newTitle, state: 'pending-approval', description: 'Pupils measure the wind and sail model boats.' });
    const waiting = await apiGet(endpoints, '/nss/projects?state=pending-approval&limit=100', await demoToken(endpoints, 'nss.es@demo.twinspace'));
    expect(waiting.body.items.map((item: { projectId: string }) => item.projectId)).toContain(projectId);
  });
});
