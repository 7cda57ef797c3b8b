/**
 * Issue 12 in a real browser: the Moderation tab of a fresh TwinSpace. A pupil's TwinSpace mail with a phone number is
 * held (the real mailbox API answers 202); the pupil sees it waiting with the reason in plain words; the teacher is
 * told (the notification leads to the tab) and sees it with the number highlighted, edits it out and releases it (the
 * teacher's inbox gets the edited text, the pupil is told live); a text held while the queue is open appears at once
 * and is deleted after a confirmation (nothing reaches the inbox); another is released with the keyboard alone; the
 * teacher administrator changes the guard's settings, a member teacher only reads them; a teacher writing a phone
 * number to a pupil is asked first (PersonalDataWarning: Escape goes back with the focus on Send, "Publish anyway"
 * sends it); a visitor has no tab; the
 * Spanish page speaks Spanish; 390 px scrolls nothing sideways. axe checks every page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet, apiSend } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Guard-Pass-1!';
const run = Date.now().toString(36);

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
/** The pupil as the queue names her: her first name (pupils only ever see first names). */
let pupilName: string;
/** Pages kept open between steps: the pupil's tab waits for the outcome, the teacher's queue for new texts. */
let pupilPage: Page;
let teacherPage: Page;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Guarded rivers ${run}`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const teacher = () => space.members['teacher-admin'];
const pupil = () => space.members['pupil-member'];
const moderationUrl = (lang = 'en') => `${site}/${lang}/twinspace/moderation/?id=${space.projectId}`;

/** The pupil writes to Ana in the TwinSpace mailbox; the guard holds it (202, nothing sent). */
async function holdPupilMail(subject: string, body: string): Promise<string> {
  const answer = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/mailbox`, pupil().idToken, { toUserId: teacher().userId, subject, body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body.held.heldId as string;
}

/** What reached Ana's TwinSpace inbox. */
async function anasInbox(): Promise<{ subject: string; body: string; from: { userId: string } }[]> {
  const answer = await apiGet(endpoints, `/projects/${space.projectId}/mailbox?box=inbox&limit=50`, teacher().idToken);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function signInAs(type: TwinspaceType, options: Parameters<Visitors['page']>[0] = { locale: 'en-GB' }): Promise<Page> {
  const page = await visitors.page(options);
  if (!type.startsWith('pupil')) return signInToDesktop(page, site, space.members[type].username!);
  await fillSignIn(page, site, space.members[type].username!, pupilPassword);
  await page.waitForURL(`${site}/en/desktop/`);
  return page;
}

const tabBar = (page: Page) => page.getByRole('navigation', { name: 'TwinSpace sections' });
const queue = (page: Page) => page.getByRole('region', { name: 'Waiting texts' });
const heldItem = (page: Page, text: string) => queue(page).getByRole('listitem').filter({ hasText: text });
/** One held text by its id (its words leave the item's text while they are edited in a text area). */
const heldById = (page: Page, heldId: string) => queue(page).locator(`li[aria-labelledby="held-${heldId}"]`);
const decisions = (page: Page) => page.getByRole('region', { name: 'Decisions' });

const first = { subject: `After school ${run}`, body: `Call me on +34 612 345 678 after school ${run}-A` };
const second = { subject: `Weekend ${run}`, body: `My number is +34 699 111 222 ${run}-B` };
const third = { subject: `Rivers ${run}`, body: `Text me at +34 655 444 333 about the river ${run}-C` };

describe('the Moderation tab', () => {
  let firstId: string;

  it('a pupil sees her text waiting for a teacher, with the reason in plain words', { timeout: patience }, async () => {
    firstId = await holdPupilMail(first.subject, first.body);
    // Nothing reached the teacher.
    expect((await anasInbox()).filter((mail) => mail.subject === first.subject)).toEqual([]);
    pupilName = (await apiGet(endpoints, `/projects/${space.projectId}/moderation/mine`, pupil().idToken)).body.items[0].authorName;
    expect(pupilName).toBe('Pablo');

    pupilPage = await signInAs('pupil-member');
    await pupilPage.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await tabBar(pupilPage).getByRole('link', { name: 'Moderation', exact: true }).click();
    const mine = pupilPage.getByRole('region', { name: 'Waiting for a teacher' });
    const item = mine.getByRole('listitem').filter({ hasText: `${run}-A` });
    await item.waitFor();
    await item.getByRole('heading', { name: 'Mailbox message' }).waitFor();
    await item.getByText('Phone numbers stay private. A teacher will look at your message.').waitFor();
    // No decision controls for a pupil.
    expect(await pupilPage.getByRole('button', { name: /Release|Delete|Edit/ }).count()).toBe(0);
    await assertAccessible(pupilPage);
  });

  it('the teacher is told, sees the number highlighted, edits it out and releases it; the pupil is told at once', { timeout: patience }, async () => {
    teacherPage = await signInAs('teacher-admin');
    await teacherPage.goto(`${site}/en/notifications/`);
    const notice = teacherPage.getByRole('link', { name: `${pupilName}’s message in “Guarded rivers ${run}” is waiting for you in Moderation.` });
    await notice.first().click();
    await teacherPage.waitForURL(moderationUrl());

    const item = heldById(teacherPage, firstId);
    await item.waitFor();
    await item.getByRole('heading', { name: `${pupilName} · Mailbox message` }).waitFor();
    // The finding, and only it, is marked, its kind said to a screen reader; the text is text.
    const marks = item.locator('mark');
    expect(await marks.count()).toBe(1);
    expect(await marks.first().textContent()).toContain('612 345 678');
    expect(await marks.first().locator('.visually-hidden').textContent()).toBe('phone number: ');
    expect(await item.textContent()).toContain('after school');
    expect(await tabBar(teacherPage).getByRole('link', { name: 'Moderation', exact: true }).getAttribute('aria-current')).toBe('page');
    await assertAccessible(teacherPage);

    await item.getByRole('button', { name: 'Edit', exact: true }).click();
    const text = item.getByLabel('Text', { exact: true });
    expect(await text.inputValue()).toBe(first.body);
    // Emptied, it is not sent: said next to the field, which gets the focus.
    await text.fill('');
    await item.getByRole('button', { name: 'Save and release' }).click();
    await item.getByText('Write something here, or delete the whole text instead.').waitFor();
    await teacherPage.waitForFunction((id) => document.activeElement?.id === id, await text.getAttribute('id'));
    await text.fill(`Call me after school ${run}-A`);
    await item.getByRole('button', { name: 'Save and release' }).click();
    await teacherPage.getByRole('status').filter({ hasText: `${pupilName}'s text was edited and released.` }).waitFor();
    await heldItem(teacherPage, `${run}-A`).waitFor({ state: 'detached' });
    await decisions(teacherPage).getByText(/Edited and released by Ana/).first().waitFor();

    // The teacher's edit went out as the pupil's message; the number never did.
    const sent = (await anasInbox()).filter((mail) => mail.subject === first.subject);
    expect(sent.map((mail) => [mail.body, mail.from.userId])).toEqual([[`Call me after school ${run}-A`, pupil().userId]]);
    // The pupil's open tab hears of it (a pupil-text-decided notification on the live socket).
    await pupilPage.getByText('A teacher changed your message a little and shared it.').waitFor();
    expect(await pupilPage.getByText('Phone numbers stay private.').count()).toBe(0);
    await assertAccessible(pupilPage);
  });

  it('a text held while the queue is open appears at once; deleting it asks first, and nothing is sent', { timeout: patience }, async () => {
    await holdPupilMail(second.subject, second.body);
    const item = heldItem(teacherPage, `${run}-B`);
    // No reload: the pupil-text-held notification on the live socket reads the queue again.
    await item.waitFor();

    await item.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = teacherPage.getByRole('dialog');
    await dialog.getByText(`Delete ${pupilName}'s text? Nobody will see it, and ${pupilName} will be told.`).waitFor();
    await assertAccessible(teacherPage);
    // Escape cancels: still waiting.
    await teacherPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await item.waitFor();

    await item.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await teacherPage.getByRole('status').filter({ hasText: `${pupilName}'s text was deleted.` }).waitFor();
    await heldItem(teacherPage, `${run}-B`).waitFor({ state: 'detached' });
    await decisions(teacherPage).getByText(/Deleted by Ana/).first().waitFor();
    expect((await anasInbox()).filter((mail) => mail.subject === second.subject)).toEqual([]);
  });

  it('a teacher releases a text as written with the keyboard alone', { timeout: patience }, async () => {
    await holdPupilMail(third.subject, third.body);
    const page = await signInAs('member-teacher');
    await page.goto(moderationUrl());
    const item = heldItem(page, `${run}-C`);
    await item.waitFor();
    const release = item.getByRole('button', { name: 'Release as written' });
    for (let presses = 0; presses < 60 && !(await release.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
    expect(await release.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${pupilName}'s text was released as written.` }).waitFor();
    // The item is gone; the focus waits on the queue's heading, not lost on the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('waiting-heading');
    const sent = (await anasInbox()).filter((mail) => mail.subject === third.subject);
    expect(sent.map((mail) => mail.body)).toEqual([third.body]);
    await assertAccessible(page);
  });

  it('the teacher administrator changes the guard’s settings; a member teacher only reads them', { timeout: patience }, async () => {
    await teacherPage.goto(moderationUrl());
    const settings = teacherPage.getByRole('region', { name: 'Settings of the guard' });
    await settings.getByText('E-mail addresses, phone numbers and street addresses are always held for a teacher, whatever these settings say.').waitFor();
    const handles = settings.getByLabel('Allow @handles next to an app’s name');
    expect(await handles.isChecked()).toBe(false);
    await handles.check();
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'The settings are saved.' }).waitFor();
    const stored = await apiGet(endpoints, `/projects/${space.projectId}/moderation`, teacher().idToken);
    expect(stored.body.settings).toEqual({ allowAccountLinks: false, allowHandles: true });
    await teacherPage.reload();
    expect(await teacherPage.getByRole('region', { name: 'Settings of the guard' }).getByLabel('Allow @handles next to an app’s name').isChecked()).toBe(true);

    const eva = await signInAs('member-teacher');
    await eva.goto(moderationUrl());
    const read = eva.getByRole('region', { name: 'Settings of the guard' });
    await read.getByText('Allow @handles next to an app’s name: allowed').waitFor();
    await read.getByText('Allow links to social media and messaging accounts: held').waitFor();
    expect(await read.getByRole('checkbox').count()).toBe(0);
    await assertAccessible(eva);
  });

  it('a teacher writing a phone number to a pupil is asked first: Escape goes back to the text, “Publish anyway” sends it', { timeout: patience }, async () => {
    await teacherPage.goto(`${site}/en/twinspace/mailbox/?id=${space.projectId}`);
    const form = teacherPage.getByRole('region', { name: 'Write a message' });
    await form.getByLabel('To', { exact: true }).selectOption(pupil().userId!);
    await form.getByLabel('Subject', { exact: true }).fill(`Trip ${run}`);
    const body = `Your parents can call me on +34 612 345 678 ${run}-W`;
    await form.getByLabel('Message', { exact: true }).fill(body);
    const send = form.getByRole('button', { name: 'Send', exact: true });
    await send.click();

    const dialog = teacherPage.getByRole('dialog', { name: 'Pupils will read this' });
    await dialog.waitFor();
    await dialog.getByText('a phone number', { exact: true }).waitFor();
    // The safe answer has the focus; the page behind is inert.
    expect(await teacherPage.evaluate(() => document.activeElement?.textContent)).toBe('Go back and change it');
    await assertAccessible(teacherPage);
    await teacherPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back where she was: the focus on Send, what she typed still there.
    expect(await teacherPage.evaluate(() => document.activeElement?.textContent)).toBe('Send');
    expect(await form.getByLabel('Message', { exact: true }).inputValue()).toBe(body);
    const pupilsInbox = async () =>
      (await apiGet(endpoints, `/projects/${space.projectId}/mailbox?box=inbox&limit=50`, pupil().idToken)).body.items.filter((mail: { subject: string }) => mail.subject === `Trip ${run}`);
    expect(await pupilsInbox()).toEqual([]);

    await send.click();
    await dialog.getByRole('button', { name: 'Publish anyway' }).click();
    await teacherPage.getByRole('status').filter({ hasText: `Your message “Trip ${run}” was sent to` }).waitFor();
    expect((await pupilsInbox()).map((mail: { body: string }) => mail.body)).toEqual([body]);
  });

  it('a visitor has no Moderation tab, and the address tells them it is not for them', { timeout: patience }, async () => {
    const page = await signInAs('visitor');
    await page.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await tabBar(page).getByRole('link', { name: 'Home', exact: true }).waitFor();
    expect(await tabBar(page).getByRole('link', { name: 'Moderation' }).count()).toBe(0);
    await page.goto(moderationUrl());
    await page.getByText('Moderation is for the project’s teachers and pupils.').waitFor();
    expect(await page.getByRole('region', { name: 'Waiting texts' }).count()).toBe(0);
    await assertAccessible(page);
  });

  it('speaks Spanish, and a phone 390 px wide scrolls nothing sideways', { timeout: patience }, async () => {
    // A long unbroken word next to the number: it must wrap, not widen the page.
    const longId = await holdPupilMail(`Largo ${run}`, `Mi número es +34 611 222 333 ${'a'.repeat(80)} ${run}-D`);
    const narrow = { locale: 'es-ES', viewport: { width: 390, height: 844 } };
    const pupilTab = await signInAs('pupil-member', narrow);
    await pupilTab.goto(moderationUrl('es'));
    const mine = pupilTab.getByRole('region', { name: 'Esperando a un profesor' });
    await mine.getByRole('listitem').filter({ hasText: `${run}-D` }).getByText('Los números de teléfono son privados. Un profesor revisará tu mensaje.').waitFor();
    await mine.getByText('Un profesor ha cambiado un poco tu mensaje y lo ha publicado.').waitFor();
    expect(await pupilTab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(pupilTab);

    const teacherTab = await signInAs('teacher-admin', narrow);
    await teacherTab.goto(moderationUrl('es'));
    const waiting = teacherTab.getByRole('region', { name: 'Textos en espera' });
    const item = waiting.locator(`li[aria-labelledby="held-${longId}"]`);
    await item.getByRole('button', { name: 'Publicar tal cual' }).waitFor();
    await item.getByRole('button', { name: 'Editar' }).waitFor();
    await item.getByRole('button', { name: 'Borrar' }).waitFor();
    expect(await item.locator('mark .visually-hidden').textContent()).toBe('número de teléfono: ');
    await teacherTab.getByRole('region', { name: 'Ajustes del filtro' }).getByText(/siempre esperan a un docente/).waitFor();
    expect(await teacherTab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The edit form too.
    await item.getByRole('button', { name: 'Editar' }).click();
    await item.getByLabel('Texto', { exact: true }).waitFor();
    expect(await teacherTab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(teacherTab);
  });
});
