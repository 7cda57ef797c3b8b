/**
 * Issue 8, points 2 and 3, in a real browser, in a fresh TwinSpace with all
 * five types: the shell shows each type the tabs the policy table lets it use
 * (and no others), the current one marked; a pupil posts on Home with the
 * keyboard alone; a teacher comments and likes; a teacher administrator pins;
 * a visitor reads with no post box and no like or comment control; a phone
 * 390 px wide never scrolls sideways. Every page visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { assertAccessible, fillSignIn, richEditor, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import { givePupilKnownPassword as givePupilPassword } from '../support/cognito-users.ts';

const patience = 60_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Shell-Pass-1!';

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

const givePupilKnownPassword = (username: string) => givePupilPassword(endpoints, username, pupilPassword);

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Shell rivers ${Date.now().toString(36)}`);
  await givePupilKnownPassword(space.members['pupil-member'].username!);
  await givePupilKnownPassword(space.members['pupil-admin'].username!);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const homeUrl = () => `${site}/en/twinspace/?id=${space.projectId}`;

async function signInAs(type: TwinspaceType, page?: Page): Promise<Page> {
  const username = space.members[type].username!;
  const tab = page ?? (await visitors.page());
  if (type.startsWith('pupil')) {
    await fillSignIn(tab, site, username, pupilPassword);
    await tab.waitForURL(`${site}/en/desktop/`);
    return tab;
  }
  return signInToDesktop(tab, site, username);
}

const tabBar = (page: Page) => page.getByRole('navigation', { name: 'TwinSpace sections' });
const entry = (page: Page, text: string) => page.getByRole('region', { name: 'Latest updates' }).getByRole('listitem').filter({ hasText: text }).first();

/** DOMAIN.md's table, as tabs: what each type sees. */
const everyTab = ['Home', 'Pages', 'Materials', 'Forum', 'Chat', 'Agenda', 'Mailbox', 'Members', 'Project Diary', 'Quality Labels', 'Moderation'];
// Issue 12: pupils see their own texts waiting for a teacher in Moderation.
const pupilTabs = ['Home', 'Pages', 'Materials', 'Forum', 'Chat', 'Agenda', 'Mailbox', 'Members', 'Moderation'];
const expectedTabs: Record<TwinspaceType, string[]> = {
  'teacher-admin': everyTab,
  'member-teacher': everyTab,
  'pupil-admin': pupilTabs,
  'pupil-member': pupilTabs,
  visitor: ['Home', 'Pages', 'Materials', 'Agenda', 'Mailbox', 'Members'],
};

describe('the TwinSpace shell and its Home', () => {
  const pupilPost = `Our river is called the Ebro ${Date.now().toString(36)} <b>not bold</b>`;
  const teacherComment = 'What a good start!';

  it.each(Object.keys(expectedTabs) as TwinspaceType[])('a %s sees the tabs its type may use, Home marked current', { timeout: patience }, async (type) => {
    const page = await signInAs(type);
    await page.goto(homeUrl());
    const home = tabBar(page).getByRole('link', { name: 'Home', exact: true });
    await home.waitFor();
    expect(await home.getAttribute('aria-current')).toBe('page');
    expect(await tabBar(page).getByRole('link').allTextContents()).toEqual(expectedTabs[type]);
    await page.getByRole('region', { name: 'Latest updates' }).waitFor();
    // Teachers only: the teachers' board.
    expect(await page.getByRole('region', { name: 'Teachers’ board' }).count()).toBe(type.endsWith('teacher') || type === 'teacher-admin' ? 1 : 0);
    // A pupil is told what they can do here, and not the project's administrative state.
    await page.locator('#twinspace').waitFor();
    const pupil = type.startsWith('pupil');
    expect(await page.locator('#pupil-guidance').isVisible(), type).toBe(pupil);
    expect(await page.locator('#project-state').isVisible(), type).toBe(!pupil);
    if (pupil) expect(await page.locator('#pupil-guidance').textContent()).toContain('Your teachers read everything you write.');
    await assertAccessible(page);

    // Another tab is marked current on its own page.
    await tabBar(page).getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    expect(await tabBar(page).getByRole('link', { name: 'Members', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await tabBar(page).getByRole('link', { name: 'Home', exact: true }).getAttribute('aria-current')).toBeNull();
    // The project's teachers see when each member last opened the TwinSpace (they themselves just did; Luc never has); nobody else does.
    const rows = page.getByRole('region', { name: 'Members', exact: true }).getByRole('listitem');
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    if (type === 'teacher-admin' || type === 'member-teacher') {
      expect(texts.every((row) => /Last seen|Not seen yet/.test(row)), texts.join(' | ')).toBe(true);
      expect(await rows.filter({ hasText: 'Last seen' }).locator('time[datetime]').count()).toBeGreaterThan(0);
      expect(await rows.filter({ hasText: 'Luc Moreau' }).textContent()).toContain('Not seen yet');
    } else expect(texts.some((row) => /Last seen|Not seen yet/.test(row)), texts.join(' | ')).toBe(false);
    await assertAccessible(page);
    await page.close();
  });

  it('a pupil posts on Home with the keyboard alone', { timeout: patience }, async () => {
    const page = await signInAs('pupil-member');
    await page.goto(homeUrl());
    const box = page.getByLabel('Your post', { exact: true });
    await box.waitFor();
    // Tab until the post box has the focus, type, Tab to the button, Enter.
    for (let presses = 0; presses < 80 && !(await box.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    // The focused box fetches the rich-text editor, which takes its place and the focus (nothing typed meanwhile is lost).
    const editor = await richEditor(page, 'Your post');
    expect(await editor.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(pupilPost);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Post');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your post is on the home.' }).waitFor();
    const posted = entry(page, pupilPost);
    await posted.waitFor();
    expect(await posted.textContent()).toContain('Pablo');
    expect(await posted.textContent()).not.toContain('Ortega');
    expect(await posted.locator('b').count()).toBe(0);
    await assertAccessible(page);
    await page.close();
  });

  it('a teacher likes it and comments on it', { timeout: patience }, async () => {
    const page = await signInAs('member-teacher');
    await page.goto(homeUrl());
    const post = entry(page, pupilPost);
    await post.waitFor();
    const like = post.getByRole('button', { name: 'Like', exact: true });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    await post.getByText('1 like', { exact: true }).waitFor();
    expect(await like.getAttribute('aria-pressed')).toBe('true');

    await post.getByRole('button', { name: 'Comments (0)' }).click();
    await post.getByText('No comments yet.').waitFor();
    await post.getByLabel('Your comment').fill(teacherComment);
    await post.getByRole('button', { name: 'Comment', exact: true }).click();
    await post.getByText(teacherComment).waitFor();
    await post.getByRole('button', { name: 'Comments (1)' }).waitFor();
    await assertAccessible(page);

    // Unlike takes it back.
    await like.click();
    await post.getByText('0 likes', { exact: true }).waitFor();
    await like.click();
    await post.getByText('1 like', { exact: true }).waitFor();
    await page.close();
  });

  it('a teacher administrator pins it: on top, marked Pinned', { timeout: patience }, async () => {
    const page = await signInAs('teacher-admin');
    await page.goto(homeUrl());
    const post = entry(page, pupilPost);
    await post.waitFor();
    await post.getByRole('button', { name: 'Pin', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Pinned on top of the home.' }).waitFor();
    const first = page.getByRole('region', { name: 'Latest updates' }).getByRole('listitem').first();
    expect(await first.textContent()).toContain(pupilPost);
    await first.getByText('Pinned', { exact: true }).waitFor();
    await first.getByRole('button', { name: 'Unpin', exact: true }).waitFor();
    // Automatic entries are in words.
    await page.getByText(/joined the project as Pupil member/).first().waitFor();
    await assertAccessible(page);
    await page.close();
  });

  it('a visitor reads the home: no post box, no like or comment control', { timeout: patience }, async () => {
    const page = await signInAs('visitor');
    await page.goto(homeUrl());
    const post = entry(page, pupilPost);
    await post.waitFor();
    await post.getByText('1 like', { exact: true }).waitFor();
    expect(await page.getByLabel('Your post').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Like', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Pin|^Delete/ }).count()).toBe(0);
    // Comments open to read, with no box to write one.
    await post.getByRole('button', { name: 'Comments (1)' }).click();
    await post.getByText(teacherComment).waitFor();
    expect(await page.getByLabel('Your comment').count()).toBe(0);
    await assertAccessible(page);
    await page.close();
  });

  it('lowering one’s own type asks first and says what is lost (from the policy table)', { timeout: patience }, async () => {
    // Luc, the second founder, a teacher administrator, makes himself a visitor.
    const page = await signInToDesktop(await visitors.page(), site, space.secondFounder.username!);
    await page.goto(`${site}/en/twinspace/members/?id=${space.projectId}`);
    const manage = page.getByRole('region', { name: 'Manage members' });
    const select = manage.getByRole('combobox', { name: 'Type of Luc Moreau' });
    await select.selectOption('visitor');
    await manage.getByRole('button', { name: 'Change type: Luc Moreau' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const question = (await dialog.textContent()) ?? '';
    for (const lost of ['manage the members', 'write and read the Project Diary', 'apply for Quality Labels', 'use the chat']) expect(question).toContain(lost);
    expect(question).not.toContain('read the public area');
    await assertAccessible(page);
    // Cancel (where the focus starts) changes nothing.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('region', { name: 'Members', exact: true }).getByRole('listitem').filter({ hasText: 'Luc Moreau' }).textContent()).toContain('Teacher administrator');

    // Confirmed: he is a visitor, the page shows him as one (no management, fewer tabs).
    await manage.getByRole('button', { name: 'Change type: Luc Moreau' }).click();
    await dialog.getByRole('button', { name: 'Change my type' }).click();
    await page.getByRole('status').filter({ hasText: 'Luc Moreau is now: Visitor.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Manage members' }).isVisible()).toBe(false);
    expect(await tabBar(page).getByRole('link').allTextContents()).toEqual(expectedTabs.visitor);
    await page.close();
  });

  it('a phone 390 px wide scrolls no TwinSpace tab sideways', { timeout: patience * 2 }, async () => {
    const page = await visitors.page({ viewport: { width: 390, height: 844 } });
    await signInAs('teacher-admin', page);
    const tooWide: string[] = [];
    for (const tab of ['', 'chat/', 'members/', 'agenda/']) {
      await page.goto(`${site}/en/twinspace/${tab}?id=${space.projectId}`, { waitUntil: 'networkidle' });
      await tabBar(page).getByRole('link', { name: 'Quality Labels' }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) tooWide.push(`${tab || 'home'}: ${width}px`);
    }
    expect(tooWide).toEqual([]);
    await assertAccessible(page);
  });

  it('a closed project says so once on Home, and its Members tab keeps the roster without management', { timeout: patience }, async () => {
    const closed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken);
    expect(closed.status).toBe(200);
    const page = await signInAs('teacher-admin');
    await page.goto(homeUrl());
    await page.getByRole('region', { name: 'Latest updates' }).waitFor();
    await page.locator('#closed-notice').waitFor();
    expect(await page.getByText(/project is closed/i).count()).toBe(1);
    await assertAccessible(page);

    await tabBar(page).getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('region', { name: 'Members', exact: true }).getByRole('listitem').first().waitFor();
    await page.getByRole('button', { name: 'Reopen the project' }).waitFor();
    expect(await page.getByText(/project is closed/i).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add to the project' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Change type/ }).count()).toBe(0);
    await assertAccessible(page);
    await page.close();
  });
});
