/**
 * Issue 12 in a real browser, in a fresh TwinSpace: a pupil's chat message
 * with a phone number shows as held in her own window — marked as waiting for
 * a teacher, with the reason in a child's words, also after a reload — and
 * never appears in the teacher's nor the other pupil's window; the teacher
 * releases it from the Moderation tab and it appears live in both; one she
 * deletes is said to be deleted in the pupil's window, and reaches nobody. A teacher typing a phone number is
 * asked first and may send it anyway. The pupil's page is a phone's (390 px
 * wide, nothing scrolling sideways); pages are checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 120_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Guard-Pass-1!';
const phoneWidth = { width: 390, height: 844 };

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Guarded rivers ${Date.now().toString(36)}`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
  await givePupilKnownPassword(endpoints, space.members['pupil-admin'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

async function openChat(page: Page): Promise<Page> {
  await page.goto(`${site}/en/twinspace/chat/?id=${space.projectId}`);
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  return page;
}

async function pupilChat(type: 'pupil-member' | 'pupil-admin', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await visitors.page({ locale: 'en-GB', viewport });
  await fillSignIn(page, site, space.members[type].username!, pupilPassword);
  await page.waitForURL(/\/en\/desktop\//);
  return openChat(page);
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Nothing on the page is wider than the phone's screen. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the guard in the chat', () => {
  it('holds a pupil’s phone number in her window only; released from the Moderation tab it reaches everyone live, deleted it reaches nobody', { timeout: patience * 3 }, async () => {
    const ana = await openChat(await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!));
    const pablo = await pupilChat('pupil-member', phoneWidth);
    const lucia = await pupilChat('pupil-admin');

    const tag = Date.now().toString(36);
    const text = `Call me tonight on 612 34 56 78 (${tag})`;
    await say(pablo, text);
    const inPablos = messages(pablo).filter({ hasText: text });
    await inPablos.waitFor();
    await inPablos.getByText('Waiting for a teacher').waitFor();
    await inPablos.getByText('Phone numbers stay private. A teacher will look at your message.').waitFor();
    // Said to a screen reader too, in the log's live region.
    await pablo.locator('[aria-live="polite"]').filter({ hasText: 'Phone numbers stay private.' }).waitFor({ state: 'attached' });
    expect(await fitsWidth(pablo)).toBeLessThanOrEqual(phoneWidth.width);
    await assertAccessible(pablo);

    // Ana then says something: by the time it shows in both other windows, Pablo's message would have too.
    const after = `Good morning everyone ${Date.now().toString(36)}`;
    await say(ana, after);
    await messages(lucia).filter({ hasText: after }).waitFor();
    await messages(ana).filter({ hasText: after }).waitFor();
    expect(await messages(lucia).filter({ hasText: '612 34 56 78' }).count()).toBe(0);
    expect(await messages(ana).filter({ hasText: '612 34 56 78' }).count()).toBe(0);

    // After a reload it still waits, in her window only.
    await openChat(pablo);
    await messages(pablo).filter({ hasText: text }).getByText('Waiting for a teacher').waitFor();

    // Luc, the other teacher administrator, releases it from the Moderation tab: it arrives live in every chat
    // window, from Pablo, as a normal message.
    const queue = await signInToDesktop(await visitors.page(), site, space.secondFounder.username!);
    await queue.goto(`${site}/en/twinspace/moderation/?id=${space.projectId}`);
    // The queue says each finding's kind inside its highlight (for a screen reader): the text is found by its tag.
    const waiting = queue.getByRole('listitem').filter({ hasText: tag });
    await waiting.waitFor();
    await waiting.getByRole('button', { name: 'Release as written' }).click();
    await waiting.waitFor({ state: 'detached' });
    for (const page of [ana, lucia]) {
      await messages(page).filter({ hasText: text }).getByText('Pablo', { exact: true }).waitFor();
    }
    await messages(pablo).filter({ hasText: text }).filter({ hasText: 'Pupil' }).waitFor();
    expect(await messages(pablo).filter({ hasText: text }).count()).toBe(1);
    expect(await messages(pablo).filter({ hasText: 'Waiting for a teacher' }).count()).toBe(0);
    await assertAccessible(lucia);

    // Another one, which Luc deletes: Pablo's window says so, and it never reaches the others.
    const secondTag = `${tag}-2`;
    const second = `Text me on 06 12 34 56 78 (${secondTag})`;
    await say(pablo, second);
    await messages(pablo).filter({ hasText: second }).getByText('Waiting for a teacher').waitFor();
    await queue.reload();
    const secondWaiting = queue.getByRole('listitem').filter({ hasText: secondTag });
    await secondWaiting.getByRole('button', { name: 'Delete' }).click();
    await queue.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await secondWaiting.waitFor({ state: 'detached' });
    await messages(pablo).getByText('A teacher looked at your message and decided not to share it.').waitFor();
    expect(await messages(pablo).filter({ hasText: secondTag }).count()).toBe(0);
    await assertAccessible(pablo);
    expect(await messages(lucia).filter({ hasText: secondTag }).count()).toBe(0);
    expect(await messages(ana).filter({ hasText: secondTag }).count()).toBe(0);
    for (const page of [queue, ana, pablo, lucia]) await page.close();
  });

  it('asks a teacher before a phone number goes to the pupils, and sends it when she says so', { timeout: patience * 2 }, async () => {
    const ana = await openChat(await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!));
    const lucia = await pupilChat('pupil-admin');
    const text = `The school office is on +33 1 42 68 53 00 (${Date.now().toString(36)})`;
    await say(ana, text);
    const warning = ana.getByRole('dialog', { name: 'Pupils will read this' });
    await warning.getByText('a phone number').waitFor();
    await assertAccessible(ana);
    // Going back keeps the text to change.
    await warning.getByRole('button', { name: 'Go back and change it' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await ana.getByLabel('Your message', { exact: true }).inputValue()).toBe(text);
    expect(await messages(lucia).filter({ hasText: '42 68 53' }).count()).toBe(0);

    await ana.getByRole('button', { name: 'Send' }).click();
    await warning.getByRole('button', { name: 'Publish anyway' }).click();
    await messages(lucia).filter({ hasText: text }).waitFor();
    await messages(ana).filter({ hasText: text }).waitFor();
    await ana.close();
    await lucia.close();
  });
});
