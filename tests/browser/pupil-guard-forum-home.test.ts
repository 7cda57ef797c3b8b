/**
 * Issue 12 on the forum and the Home, in a browser: a pupil's post with a
 * phone number is not published; on a phone-sized screen she reads why in
 * words for a child and still sees what she wrote, nothing scrolling
 * sideways; the same in Spanish for a reply in the forum. A teacher about to
 * put an e-mail address where pupils read is asked first, in a dialog she
 * answers with the keyboard: going back keeps her text and writes nothing,
 * publishing anyway writes it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillRichText, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet, apiSend } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 60_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Guard-Pass-1!';
const phone = { width: 390, height: 844 };

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let threadId: string;
let discussionId: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Guarded rivers ${Date.now().toString(36)}`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
  const ana = space.members['teacher-admin'].idToken;
  const forum = `/projects/${space.projectId}/forum`;
  discussionId = (await apiSend(endpoints, 'POST', `${forum}/discussions`, ana, { area: 'pupils', title: 'Our rivers', body: 'Tell us.' })).body.discussionId;
  threadId = (await apiSend(endpoints, 'POST', `${forum}/discussions/${discussionId}/threads`, ana, { title: 'Herons', body: 'Who saw one?' })).body.threadId;
}, patience * 2);

afterAll(async () => {
  await visitors?.close();
});

async function pupilTab(options: Parameters<Visitors['page']>[0]): Promise<Page> {
  const page = await visitors.page(options);
  await fillSignIn(page, site, space.members['pupil-member'].username!, pupilPassword);
  await page.waitForURL(`${site}/en/desktop/`);
  return page;
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("a pupil's text with personal data", () => {
  it('on Home: the reason in plain words and her own text, not the post; nothing scrolls sideways on a phone', { timeout: patience * 2 }, async () => {
    const pablo = await pupilTab({ locale: 'en-GB', viewport: phone });
    await pablo.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    const text = 'Call me on 612 345 678 after school!';
    await fillRichText(pablo, 'Your post', text);
    await pablo.getByRole('button', { name: 'Post', exact: true }).click();
    await pablo.getByText('Phone numbers stay private. A teacher will look at your message.').waitFor();
    await pablo.getByText('Waiting for a teacher').waitFor();
    expect(await pablo.locator('.held-preview-text').innerText()).toBe(text);
    // Not on the home: neither in her list nor in anyone's.
    expect(await pablo.locator('.home-feed').getByText(text).count()).toBe(0);
    const home = await apiGet(endpoints, `/projects/${space.projectId}/home?limit=100`, space.members['teacher-admin'].idToken);
    expect(JSON.stringify(home.body)).not.toContain('612 345 678');
    expect(await sideways(pablo)).toBeLessThanOrEqual(phone.width);
    await assertAccessible(pablo);
  });

  it('in the forum, in Spanish: the reason in Spanish, and the reply not listed', { timeout: patience * 2 }, async () => {
    const pablo = await pupilTab({ locale: 'es-ES', viewport: phone });
    await pablo.goto(`${site}/es/twinspace/forum/?id=${space.projectId}&discussion=${discussionId}&thread=${threadId}`);
    const text = 'Mi número es 612 345 678';
    await fillRichText(pablo, 'Tu respuesta', text);
    await pablo.getByRole('button', { name: 'Enviar la respuesta' }).click();
    await pablo.getByText('Los números de teléfono son privados.', { exact: false }).waitFor();
    expect(await pablo.locator('.held-preview-text').innerText()).toBe(text);
    expect(await pablo.locator('.forum-list').getByText(text).count()).toBe(0);
    expect(await sideways(pablo)).toBeLessThanOrEqual(phone.width);
    await assertAccessible(pablo);
  });
});

describe('a teacher about to put personal data where pupils read', () => {
  it('is asked first with the keyboard: going back writes nothing and keeps her text; publishing anyway writes it', { timeout: patience * 2 }, async () => {
    const ana = await signInToDesktop(await visitors.page(), site, 'ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/forum/?id=${space.projectId}&discussion=${discussionId}&thread=${threadId}`);
    const text = 'Parents can write to ana.teacher@gmail.com';
    const field = await fillRichText(ana, 'Your reply', text);
    await ana.getByRole('button', { name: 'Send the reply' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Pupils will read this' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('an e-mail address');
    await assertAccessible(ana);
    // The safe answer has the focus: Enter goes back to the text, which is still there.
    await ana.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))).toBe(true);
    expect(await field.innerText()).toBe(text);
    const replies = async () => (await apiGet(endpoints, `/projects/${space.projectId}/forum/threads/${threadId}/replies?limit=100`, space.members['teacher-admin'].idToken)).body.items.map((item: { body: string }) => item.body);
    expect(await replies()).not.toContain(text);

    await ana.getByRole('button', { name: 'Send the reply' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Publish anyway' }).focus();
    await ana.keyboard.press('Enter');
    await ana.getByRole('status').filter({ hasText: 'Your reply has been added.' }).waitFor();
    expect(await replies()).toContain(text);
  });
});
