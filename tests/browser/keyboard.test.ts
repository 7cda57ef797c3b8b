/**
 * Issue 8, a rough edge: sign-in, opening the TwinSpace and posting on Home
 * with the keyboard only. A fresh teacher, a member teacher of a fresh
 * TwinSpace (so My projects holds that one project, whatever other tests left
 * on the demo accounts' desktops), signs in on /en/, reaches the desktop,
 * opens the TwinSpace from "My projects" by its title, and posts on Home —
 * only Tab, Shift+Tab, Enter and typing; no clicks, no fill. At every step
 * the focused element shows it (an outline or a box-shadow).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newTestAccount } from '../support/accounts.ts';
import { assertAccessible, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { testPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const patience = 90_000;

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let teacher: Awaited<ReturnType<typeof newTestAccount>>;
const spaceTitle = `Keyboard rivers ${Date.now().toString(36)}`;

beforeAll(async () => {
  site = siteAddress(endpoints);
  space = await newTwinspace(endpoints, spaceTitle);
  teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Nuria Keys' });
  const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, { username: teacher.username, type: 'member-teacher' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

interface Focused {
  tag: string;
  id: string;
  text: string;
  label: string;
  visible: boolean;
}

/** What has the focus, and whether it shows it (an outline wider than 0, or a box-shadow). */
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', id: '', text: '', label: '', visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const labels = (element as HTMLInputElement).labels;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').trim(),
      label: labels && labels.length > 0 ? (labels[0].textContent ?? '').trim() : '',
      visible: outline || shadow,
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, at most
 * `presses` times; each element the focus passes through must show it.
 */
async function tabTo(page: Page, what: string, matches: (focus: Focused) => boolean, key = 'Tab', presses = 60): Promise<Focused> {
  for (let count = 0; count < presses; count++) {
    await page.keyboard.press(key);
    const focus = await focused(page);
    if (focus.tag !== 'body') expect(focus.visible, `focus on ${focus.tag}#${focus.id} "${focus.text.slice(0, 40)}" is not visible`).toBe(true);
    if (matches(focus)) return focus;
  }
  throw new Error(`${what}: not reached with ${presses} presses of ${key}`);
}

describe('with the keyboard only', () => {
  it('a teacher signs in, opens the TwinSpace from My projects and posts on Home', { timeout: patience }, async () => {
    const page = await visitors.page({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const post = `Our river by keyboard ${Date.now().toString(36)}`;

    // Sign in.
    await page.goto(`${site}/en/`, { waitUntil: 'networkidle' });
    await tabTo(page, 'the username box', (focus) => focus.id === 'username');
    await page.keyboard.type(teacher.username);
    await tabTo(page, 'the password box', (focus) => focus.id === 'password');
    await page.keyboard.type(testPassword);
    await tabTo(page, 'the Sign in button', (focus) => focus.tag === 'button' && focus.text === 'Sign in');
    // Shift+Tab goes back to the password box, Tab forward again.
    await tabTo(page, 'the password box, backwards', (focus) => focus.id === 'password', 'Shift+Tab', 1);
    await tabTo(page, 'the Sign in button again', (focus) => focus.tag === 'button' && focus.text === 'Sign in', 'Tab', 1);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/en/desktop/`);
    await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();

    // My projects: the fresh TwinSpace by its title.
    const title = page.locator(`#project-${space.projectId}`);
    await title.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await title.textContent()).toBe(spaceTitle);
    await tabTo(page, 'the TwinSpace in My projects', (focus) => focus.tag === 'a' && focus.text === spaceTitle, 'Tab', 120);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site}/en/twinspace/?id=${space.projectId}`);

    // Post on Home.
    const box = page.getByLabel('Your post', { exact: true });
    await box.waitFor();
    await page.waitForLoadState('networkidle');
    await tabTo(page, 'the post box', (focus) => focus.label === 'Your post', 'Tab', 120);
    await page.keyboard.type(post);
    await tabTo(page, 'the Post button', (focus) => focus.tag === 'button' && focus.text === 'Post', 'Tab', 3);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your post is on the home.' }).waitFor();
    const entry = page.getByRole('region', { name: 'Latest updates' }).getByRole('listitem').filter({ hasText: post }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Nuria Keys');
    // After posting the focus is still somewhere visible, not lost to the page.
    const after = await focused(page);
    if (after.tag !== 'body') expect(after.visible, `focus after posting on ${after.tag}#${after.id}`).toBe(true);
    await assertAccessible(page);
    await page.close();
  });
});
