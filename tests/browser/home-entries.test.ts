/**
 * Issue 8, point 3: Home's automatic entries say what happened and lead to
 * it. In a fresh TwinSpace, a thread opened in the forum and a page published
 * appear on Home in words, each a link; following one opens the thing itself.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 60_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
const threadTitle = `Where the Ebro begins ${Date.now().toString(36)}`;
const pageTitle = `Our river walk ${Date.now().toString(36)}`;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints);
  const ana = space.members['teacher-admin'].idToken!;
  const forum = `/projects/${space.projectId}/forum`;
  const discussion = await apiSend(endpoints, 'POST', `${forum}/discussions`, ana, { area: 'teachers', title: 'Planning', body: 'How we plan.' });
  expect(discussion.status).toBe(201);
  const thread = await apiSend(endpoints, 'POST', `${forum}/discussions/${discussion.body.discussionId}/threads`, ana, { title: threadTitle, body: 'Its source.' });
  expect(thread.status).toBe(201);
  const page = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, ana, { area: 'public', title: pageTitle, body: 'We walked along the river.' });
  expect(page.status).toBe(201);
  expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages/${page.body.pageId}/publish`, ana)).status).toBe(200);
}, patience * 2);

afterAll(async () => {
  await visitors?.close();
});

describe('automatic entries on Home', () => {
  it('each says what happened and opens it: the thread in the forum, the page in Pages', { timeout: patience * 2 }, async () => {
    const page = await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!);
    const home = `${site}/en/twinspace/?id=${space.projectId}`;
    await page.goto(home);
    const threadLink = page.getByRole('link', { name: `opened the thread “${threadTitle}”` });
    await threadLink.waitFor();
    await assertAccessible(page);
    await threadLink.click();
    await page.waitForURL(/\/en\/twinspace\/forum\/\?/);
    await page.getByRole('heading', { name: threadTitle }).first().waitFor();

    await page.goto(home);
    const pageLink = page.getByRole('link', { name: `published the page “${pageTitle}”` });
    await pageLink.waitFor();
    await pageLink.click();
    await page.waitForURL(/\/en\/twinspace\/pages\/\?/);
    await page.getByRole('heading', { name: pageTitle }).first().waitFor();
    expect(await page.getByText('We walked along the river.').count()).toBeGreaterThan(0);
    await page.close();
  });
});
