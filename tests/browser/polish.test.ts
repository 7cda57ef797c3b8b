/**
 * Issue 8's rough edges, in a real browser against the local stack, in a
 * fresh TwinSpace: the desktop's "My projects" offers each project's actions
 * as the caller's type allows (the teacher administrator closes and reopens
 * it after a confirmation in a dialog); checkboxes and radio buttons sit on
 * one line with their labels (labels, diary, pages, groups; at 390 px and at
 * desktop width); the forum's breadcrumb has no list numbers and its items do
 * not overlap; a pupil's Pages tab opens on the pupils' area with one
 * sentence of guidance; dates come from the kit's one formatter and counted
 * words from plural(). Every page visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import { formatAbsolute } from '../../web/src/components/kit/format.ts';
import { givePupilKnownPassword as givePupilPassword } from '../support/cognito-users.ts';

const patience = 90_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Polish-Pass-1!';
const phone = { width: 390, height: 844 };
const wide = { width: 1280, height: 900 };

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

const givePupilKnownPassword = (username: string) => givePupilPassword(endpoints, username, pupilPassword);

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  // A long title, so the breadcrumb and the project's row wrap on a phone.
  projectTitle = `Rivers of Europe from the source to the sea, a long journey ${Date.now().toString(36)}`;
  space = await newTwinspace(endpoints, projectTitle);
  await givePupilKnownPassword(space.members['pupil-member'].username!);
  await givePupilKnownPassword(space.members['pupil-admin'].username!);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const signIn = async (username: string) => signInToDesktop(await visitors.page(), site, username);

async function signInPupil(username: string, next: string): Promise<Page> {
  const page = await visitors.page();
  await fillSignIn(page, site, username, pupilPassword, next);
  await page.waitForURL(`${site}${next}`);
  return page;
}

/** My projects' row of this project. */
const projectRow = (page: Page) => page.locator('#project-list > li').filter({ hasText: projectTitle });
const actionsOf = (page: Page) => projectRow(page).getByRole('list', { name: `What you can do in “${projectTitle}”` });

/** Each visible checkbox or radio button: beside its label (left of it, a small gap) and level with its first line. */
async function choicesAligned(page: Page): Promise<{ id: string; problem: string }[]> {
  return page.evaluate(() => {
    const problems: { id: string; problem: string }[] = [];
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')) {
      const box = input.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const label = document.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`) ?? input.closest('label');
      if (!label) {
        problems.push({ id: input.id, problem: 'no label' });
        continue;
      }
      // The label's first line: a range over its first character.
      const text = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      const range = document.createRange();
      if (text) range.setStart(text, text.textContent!.search(/\S/));
      if (text) range.setEnd(text, text.textContent!.search(/\S/) + 1);
      const first = text ? range.getBoundingClientRect() : label.getBoundingClientRect();
      const centre = box.top + box.height / 2;
      const gap = first.left - box.right;
      if (centre < first.top - 2 || centre > first.bottom + 2) problems.push({ id: input.id, problem: `not level: control ${box.top}–${box.bottom}, first line ${first.top}–${first.bottom}` });
      if (gap < 0 || gap > 16) problems.push({ id: input.id, problem: `apart: ${gap}px between control and label` });
    }
    return problems;
  });
}

async function expectChoicesAligned(page: Page, atLeast: number): Promise<void> {
  for (const size of [phone, wide]) {
    await page.setViewportSize(size);
    const count = await page.locator('input[type=checkbox]:visible, input[type=radio]:visible').count();
    expect(count).toBeGreaterThanOrEqual(atLeast);
    expect(await choicesAligned(page), `at ${size.width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `nothing scrolls sideways at ${size.width} px`).toBeLessThanOrEqual(size.width);
  }
}

describe("the desktop's My projects", () => {
  it('Ana (teacher administrator) is offered every action; closing asks first, Escape cancels, then it closes and reopens', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace');
    const actions = actionsOf(ana);
    await actions.waitFor();
    const href = (name: string) => actions.getByRole('link', { name, exact: true }).getAttribute('href');
    expect(await href('Open the TwinSpace')).toBe(`/en/twinspace/?id=${space.projectId}`);
    expect(await href('Project Diary')).toBe(`/en/twinspace/diary/?id=${space.projectId}`);
    expect(await href('Request a Quality Label')).toBe(`/en/twinspace/labels/?id=${space.projectId}#apply-form`);
    expect(await href('Partners and members')).toBe(`/en/twinspace/members/?id=${space.projectId}`);
    await assertAccessible(ana);

    // Close: a modal dialog, Cancel focused; Escape leaves the project as it was.
    const close = actions.getByRole('button', { name: 'Close the project' });
    await close.click();
    const dialog = ana.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Close “${projectTitle}”?`);
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await assertAccessible(ana);
    await ana.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Close the project');
    const token = space.members['teacher-admin'].idToken!;
    expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}`, token)).body.state).toBe('approved');

    await close.click();
    await dialog.getByRole('button', { name: 'Close the project' }).click();
    await ana.getByRole('status').filter({ hasText: `“${projectTitle}” is closed: its TwinSpace is read-only.` }).waitFor();
    expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}`, token)).body.state).toBe('closed');
    // Closed: no Quality Label to request; reopen instead of close.
    expect(await actions.getByRole('link', { name: 'Request a Quality Label' }).count()).toBe(0);
    expect(await actions.getByRole('link', { name: 'Project Diary' }).count()).toBe(1);
    await actions.getByRole('button', { name: 'Reopen the project' }).click();
    await dialog.getByRole('button', { name: 'Reopen the project' }).click();
    await ana.getByRole('status').filter({ hasText: `“${projectTitle}” is open again.` }).waitFor();
    expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}`, token)).body.state).toBe('approved');
    await actions.getByRole('button', { name: 'Close the project' }).waitFor();

    // At 390 px the row and its actions wrap: nothing scrolls sideways.
    await ana.setViewportSize(phone);
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  });

  it('Eva (member teacher) gets the TwinSpace, the diary and the label, not members or closing; a pupil only the TwinSpace', { timeout: patience }, async () => {
    const eva = await signIn('eva@demo.twinspace');
    const actions = actionsOf(eva);
    await actions.waitFor();
    expect(await actions.getByRole('link').allTextContents()).toEqual(['Open the TwinSpace', 'Project Diary', 'Request a Quality Label']);
    expect(await actions.getByRole('button').count()).toBe(0);

    const pupil = await signInPupil(space.members['pupil-member'].username!, '/en/desktop/');
    const pupilActions = actionsOf(pupil);
    await pupilActions.waitFor();
    expect(await pupilActions.getByRole('link').allTextContents()).toEqual(['Open the TwinSpace']);
    expect(await pupilActions.getByRole('button').count()).toBe(0);
    await assertAccessible(pupil);
  });
});

describe('a pupil on the Pages tab', () => {
  it("Pablo (pupil member) opens on the pupils' area, is told what he can do there, and his checkbox sits by its label", { timeout: patience }, async () => {
    const pablo = await signInPupil(space.members['pupil-member'].username!, `/en/twinspace/pages/?id=${space.projectId}`);
    const areas = pablo.getByRole('navigation', { name: 'Areas' });
    await areas.waitFor();
    await pablo.getByRole('region', { name: 'New page' }).waitFor();
    expect(await areas.getByRole('link', { name: "Pupils' area" }).getAttribute('aria-current')).toBe('page');
    expect(await pablo.getByRole('region', { name: 'New page' }).getByLabel('Area').inputValue()).toBe('pupils');
    await pablo.getByText("Here you write your own pages in the pupils' area and submit them for publishing; a teacher publishes them.").waitFor();
    expect(await pablo.getByText('State:').count()).toBe(0);
    await expectChoicesAligned(pablo, 1);
    await assertAccessible(pablo);

    // His draft's date, written by the kit's one formatter (the page's language, the reader's en-GB).
    const draft = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, space.members['pupil-member'].idToken!, { area: 'pupils', title: 'My map of the river', body: 'A map.' });
    expect(draft.status).toBe(201);
    await pablo.reload();
    const item = pablo.locator('#drafts-list > li').filter({ hasText: 'My map of the river' });
    await item.waitFor();
    expect(await item.textContent()).toContain(formatAbsolute(draft.body.updatedAt, 'en-GB'));
  });

  it('Lucía (pupil administrator) is told she publishes there; a teacher still opens on the public area, with no guidance', { timeout: patience }, async () => {
    const lucia = await signInPupil(space.members['pupil-admin'].username!, `/en/twinspace/pages/?id=${space.projectId}`);
    const areas = lucia.getByRole('navigation', { name: 'Areas' });
    await areas.waitFor();
    await lucia.getByText("Here you write pages in the pupils' area and publish them; your teachers write the public pages.").waitFor();
    expect(await areas.getByRole('link', { name: "Pupils' area" }).getAttribute('aria-current')).toBe('page');

    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/pages/?id=${space.projectId}`);
    await ana.getByRole('region', { name: 'New page' }).waitFor();
    expect(await ana.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: 'Public area' }).getAttribute('aria-current')).toBe('page');
    expect(await ana.locator('#pages-guide').isVisible()).toBe(false);
  });
});

describe('choices beside their labels', () => {
  it('the Quality Label declarations, the diary\'s "Who reads it" and the group access, at 390 px and desktop width', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/labels/?id=${space.projectId}`);
    await ana.getByRole('group', { name: 'Eligibility: all five must be true' }).waitFor();
    await expectChoicesAligned(ana, 4);
    await assertAccessible(ana);

    await ana.goto(`${site}/en/twinspace/diary/?id=${space.projectId}`);
    await ana.locator('#entry-form input[type=radio]').first().waitFor();
    await expectChoicesAligned(ana, 3);

    await ana.goto(`${site}/en/groups/`);
    await ana.locator('#access-open').waitFor();
    await expectChoicesAligned(ana, 2);
  });
});

describe('the forum breadcrumb', () => {
  it('has no list numbers, and its items do not overlap at 390 px nor at desktop width; counted words agree', { timeout: patience }, async () => {
    const token = space.members['teacher-admin'].idToken!;
    const discussion = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/forum/discussions`, token, {
      area: 'pupils',
      title: 'Where does our river start, and where does it meet the sea?',
      body: 'Share what you found.',
    });
    expect(discussion.status).toBe(201);
    const thread = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/forum/discussions/${discussion.body.discussionId}/threads`, token, {
      title: 'Photos of the source in the mountains',
      body: 'Here are ours.',
    });
    expect(thread.status).toBe(201);

    const ana = await signIn('ana@demo.twinspace');
    // A discussion with one thread says so in the singular.
    await ana.goto(`${site}/en/twinspace/forum/?id=${space.projectId}`);
    const entry = ana.getByRole('listitem').filter({ hasText: 'Where does our river start' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('1 thread');
    expect(await entry.textContent()).not.toContain('1 threads');

    await ana.goto(`${site}/en/twinspace/forum/?id=${space.projectId}&discussion=${discussion.body.discussionId}&thread=${thread.body.threadId}`);
    await ana.getByRole('navigation', { name: 'Where you are in the forum' }).locator('li').nth(3).waitFor();
    for (const size of [phone, wide]) {
      await ana.setViewportSize(size);
      const boxes = await ana.evaluate(() =>
        [...document.querySelectorAll('#forum-trail li')].map((item) => {
          const box = item.getBoundingClientRect();
          const marker = getComputedStyle(item).display === 'list-item' ? getComputedStyle(item).listStyleType : 'none';
          // What is drawn: the item's own box and, for a link, its text's boxes.
          const inner = [...item.querySelectorAll('a, span')].flatMap((child) => [...child.getClientRects()]);
          return { marker, box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, inner: inner.map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })) };
        }),
      );
      expect(boxes.length).toBe(4);
      for (const item of boxes) expect(item.marker, `list numbers at ${size.width} px`).toBe('none');
      const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlap(boxes[i]!.box, boxes[j]!.box), `items ${i} and ${j} overlap at ${size.width} px`).toBe(false);
          for (const a of boxes[i]!.inner) for (const b of boxes[j]!.inner) expect(overlap(a, b), `texts ${i} and ${j} overlap at ${size.width} px`).toBe(false);
        }
      expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
    await assertAccessible(ana);
  });
});
