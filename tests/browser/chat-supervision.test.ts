/**
 * Issue 9, "A chat a teacher supervises", in a real browser, in a fresh
 * TwinSpace: a pupil writes, the teacher administrator deletes the message
 * from her page and it disappears in the pupil's window too; she mutes the
 * pupil for 10 minutes and the pupil's next send is refused in words, saying
 * until when; closing the pupils' chat tells the pupil it is closed. Pages
 * are checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 120_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Chat-Pass-1!';

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Supervised rivers ${Date.now().toString(36)}`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

async function openChat(page: Page): Promise<Page> {
  await page.goto(`${site}/en/twinspace/chat/?id=${space.projectId}`);
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  return page;
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe('a supervised chat', () => {
  it('a teacher deletes a pupil’s message and it disappears in the pupil’s window; a muted pupil is told until when', { timeout: patience * 2 }, async () => {
    const ana = await openChat(await signInToDesktop(await visitors.page(), site, space.members['teacher-admin'].username!));
    const pupilPage = await visitors.page();
    await fillSignIn(pupilPage, site, space.members['pupil-member'].username!, pupilPassword);
    await pupilPage.waitForURL(/\/en\/desktop\//);
    const pablo = await openChat(pupilPage);

    const text = `Look at my river ${Date.now().toString(36)}`;
    await say(pablo, text);
    const inAnas = messages(ana).filter({ hasText: text });
    await inAnas.waitFor();
    await messages(pablo).filter({ hasText: text }).waitFor();
    await assertAccessible(ana);

    // Delete, after the confirm dialog; it goes from both windows.
    await inAnas.getByRole('button', { name: /^Delete .*message$/ }).click();
    await ana.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await inAnas.waitFor({ state: 'detached' });
    await messages(pablo).filter({ hasText: text }).waitFor({ state: 'detached' });

    // Mute for 10 minutes: the pupil's next message is refused in words, with the time.
    const second = `Second try ${Date.now().toString(36)}`;
    await say(pablo, second);
    const secondInAnas = messages(ana).filter({ hasText: second });
    await secondInAnas.waitFor();
    // "Mute Pablo" opens the choice of how long, then the Mute button under it.
    await secondInAnas.locator('details.chat-mute summary').click();
    await secondInAnas.getByLabel('For how long').selectOption({ index: 0 });
    await secondInAnas.locator('details.chat-mute button').click();
    await ana.getByText(/cannot send messages until/).first().waitFor();
    const third = `Muted now ${Date.now().toString(36)}`;
    await say(pablo, third);
    // Said once, as the answer to the send (an alert next to the form).
    await pablo.getByRole('alert').filter({ hasText: /muted you in this chat until/ }).waitFor();
    expect(await pablo.getByText(/muted you in this chat until/).count()).toBe(1);
    await assertAccessible(pablo);
    await ana.close();
    await pablo.close();
  });
});
