/**
 * The TwinSpace forum in a real browser, in a fresh TwinSpace: Ana opens a
 * discussion in the pupils' forum, Eva (another browser) opens a thread in it
 * and replies, Pablo (a pupil member) replies under his first name without
 * being offered a thread, Ana reads both replies and deletes Eva's, and a
 * thread she opened by mistake; the back button climbs a level; the visitor
 * is told who the forum is for; the Spanish page speaks Spanish; once the project is closed the forum is
 * read-only, and a reply sent from a page opened before shows the server's
 * refusal. Every page visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillRichText, fillSignIn, paragraphs, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import { givePupilKnownPassword as givePupilPassword } from '../support/cognito-users.ts';

const patience = 60_000;
const endpoints = inject('endpoints');
const pupilPassword = 'Pupil-Forum-Pass-1!';

let visitors: Visitors;
let site: string;
let space: TestTwinspace;

const givePupilKnownPassword = (username: string) => givePupilPassword(endpoints, username, pupilPassword);

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Forum rivers ${Date.now().toString(36)}`);
  await givePupilKnownPassword(space.members['pupil-member'].username!);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const forumUrl = (lang = 'en') => `${site}/${lang}/twinspace/forum/?id=${space.projectId}`;

async function signIn(username: string): Promise<Page> {
  return signInToDesktop(await visitors.page(), site, username);
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const listEntry = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

/** Answers the kit's confirm dialog (a modal <dialog>) with its Delete button, after checking its question. */
async function confirmDelete(page: Page, question: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: question });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the TwinSpace forum in a browser', () => {
  const discussionTitle = 'Where does our river start?';
  const threadTitle = 'Photos of the source';
  const evaReply = 'We went there in May.\nThe water was very cold.';
  const pupilReply = 'I found a map of the source!';
  let ana: Page;
  let eva: Page;
  /** The thread's own address, as a link someone shares. */
  let threadAddress: string;

  it('Ana opens a discussion in the pupils forum, from the TwinSpace page', { timeout: patience }, async () => {
    ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await ana.getByRole('link', { name: 'Forum', exact: true }).click();
    await ana.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    // A teacher reads both forums.
    await section(ana, "Teachers' forum").waitFor();
    const pupils = section(ana, "Pupils' forum");
    await pupils.getByText('No discussions yet.').waitFor();
    await assertAccessible(ana);

    await pupils.getByRole('button', { name: 'Open a discussion' }).click();
    // Nothing empty is sent: the field says what it needs.
    await pupils.getByRole('button', { name: 'Open the discussion' }).click();
    await pupils.getByText('Please fill in this field.').first().waitFor();
    expect(await pupils.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(ana);

    await pupils.getByLabel('Title').fill(discussionTitle);
    await fillRichText(pupils, 'Text', 'Tell us what you know about the source of the river.');
    await pupils.getByRole('button', { name: 'Open the discussion' }).click();
    await ana.getByRole('status').filter({ hasText: `You opened the discussion “${discussionTitle}”.` }).waitFor();
    expect(await listEntry(ana, discussionTitle).textContent()).toContain('by Ana García');
    await assertAccessible(ana);
  });

  it('Eva, in another browser, opens a thread in it and replies; the back button climbs a level', { timeout: patience }, async () => {
    eva = await signIn('eva@demo.twinspace');
    await eva.goto(forumUrl());
    await section(eva, "Pupils' forum").getByRole('link', { name: discussionTitle }).click();
    await eva.getByRole('heading', { level: 2, name: discussionTitle }).waitFor();
    expect(eva.url()).toContain('discussion=');
    expect(await eva.getByText('No threads in this discussion yet.').isVisible()).toBe(true);
    await assertAccessible(eva);

    const discussion = section(eva, discussionTitle);
    await discussion.getByRole('button', { name: 'Open a thread' }).click();
    await discussion.getByLabel('Title').fill(threadTitle);
    await fillRichText(discussion, 'Text', 'Share your photos of the source here.');
    await discussion.getByRole('button', { name: 'Open the thread' }).click();
    await eva.getByRole('status').filter({ hasText: `You opened the thread “${threadTitle}”.` }).waitFor();

    await eva.getByRole('link', { name: threadTitle }).click();
    await eva.getByRole('heading', { level: 2, name: threadTitle }).waitFor();
    threadAddress = eva.url();
    // A member teacher replies but does not moderate.
    expect(await eva.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await fillRichText(eva, 'Your reply', evaReply);
    await eva.getByRole('button', { name: 'Send the reply' }).click();
    await eva.getByRole('status').filter({ hasText: 'Your reply has been added.' }).waitFor();
    const reply = listEntry(eva, 'The water was very cold.');
    expect(await reply.textContent()).toContain('by Eva Rossi');
    expect(await reply.textContent()).toContain('Member teacher');
    // Each line the author wrote is a paragraph.
    expect(await paragraphs(reply.locator('.forum-text'))).toEqual(evaReply.split('\n'));
    await assertAccessible(eva);

    await eva.goBack();
    await eva.getByRole('heading', { level: 2, name: discussionTitle }).waitFor();
    expect(await eva.getByRole('link', { name: threadTitle }).isVisible()).toBe(true);
  });

  it('a pupil member replies under his first name and is offered no new thread', { timeout: patience }, async () => {
    const pablo = await visitors.page();
    await fillSignIn(pablo, site, space.members['pupil-member'].username!, pupilPassword);
    await pablo.waitForURL(`${site}/en/desktop/`);
    await pablo.goto(forumUrl());
    // A pupil reads only the pupils' forum.
    await section(pablo, "Pupils' forum").getByRole('link', { name: discussionTitle }).click();
    await pablo.getByRole('link', { name: threadTitle }).waitFor();
    expect(await section(pablo, "Teachers' forum").count()).toBe(0);
    expect(await pablo.getByRole('button', { name: 'Open a thread' }).count()).toBe(0);
    await pablo.getByRole('link', { name: threadTitle }).click();
    await fillRichText(pablo, 'Your reply', pupilReply);
    await pablo.getByRole('button', { name: 'Send the reply' }).click();
    await pablo.getByRole('status').filter({ hasText: 'Your reply has been added.' }).waitFor();
    expect(await listEntry(pablo, pupilReply).textContent()).toContain('by Pablo');
    expect(await listEntry(pablo, pupilReply).textContent()).not.toContain('Ortega');
    await assertAccessible(pablo);
  });

  it("Ana reads the replies and deletes Eva's", { timeout: patience }, async () => {
    // Opened from its address, the thread still offers the way back up to its discussion.
    await ana.goto(threadAddress);
    await ana.getByRole('heading', { level: 2, name: threadTitle }).waitFor();
    await ana.getByRole('navigation', { name: 'Where you are in the forum' }).getByRole('link', { name: discussionTitle }).waitFor();
    const evas = listEntry(ana, 'The water was very cold.');
    await evas.waitFor();
    expect(await listEntry(ana, pupilReply).textContent()).toContain('Pupil member');
    await assertAccessible(ana);

    await evas.getByRole('button', { name: 'Delete the reply by Eva Rossi' }).click();
    await confirmDelete(ana, 'Delete this reply by Eva Rossi? This cannot be undone.');
    await ana.getByRole('status').filter({ hasText: 'The reply has been deleted.' }).waitFor();
    expect(await evas.count()).toBe(0);
    expect(await listEntry(ana, pupilReply).count()).toBe(1);
    await assertAccessible(ana);

    // Eva's page, asked again, no longer has it.
    await eva.reload();
    await eva.getByRole('link', { name: threadTitle }).click();
    await listEntry(eva, pupilReply).waitFor();
    expect(await listEntry(eva, 'The water was very cold.').count()).toBe(0);
  });

  it('Ana deletes a thread with its replies, from the thread itself', { timeout: patience }, async () => {
    const wrongPlace = 'Posted in the wrong place';
    await ana.getByRole('link', { name: discussionTitle }).click();
    const discussion = section(ana, discussionTitle);
    await discussion.getByRole('button', { name: 'Open a thread' }).click();
    await discussion.getByLabel('Title').fill(wrongPlace);
    await fillRichText(discussion, 'Text', 'Oops.');
    await discussion.getByRole('button', { name: 'Open the thread' }).click();
    await discussion.getByRole('link', { name: wrongPlace }).click();
    await ana.getByRole('heading', { level: 2, name: wrongPlace }).waitFor();

    await ana.getByRole('button', { name: `Delete the thread “${wrongPlace}”` }).click();
    await confirmDelete(ana, `Delete the thread “${wrongPlace}” with all its replies? This cannot be undone.`);
    await ana.getByRole('status').filter({ hasText: `The thread “${wrongPlace}” has been deleted.` }).waitFor();
    await ana.getByRole('heading', { level: 2, name: discussionTitle }).waitFor();
    expect(await ana.getByRole('link', { name: wrongPlace }).count()).toBe(0);
    expect(await ana.getByRole('link', { name: threadTitle }).isVisible()).toBe(true);
    await assertAccessible(ana);
  });

  it('the Spanish page speaks Spanish', { timeout: patience }, async () => {
    await ana.goto(forumUrl('es'));
    await ana.getByRole('heading', { level: 1, name: 'Foro' }).waitFor();
    const pupils = section(ana, 'Foro del alumnado');
    await pupils.getByRole('link', { name: discussionTitle }).waitFor();
    expect(await pupils.textContent()).toContain('de Ana García');
    expect(await pupils.textContent()).toContain('Docente administrador');
    expect(await pupils.getByRole('button', { name: 'Abrir un debate' }).isVisible()).toBe(true);
    await assertAccessible(ana);
  });

  it('a visitor is told the forum is for the teachers and pupils', { timeout: patience }, async () => {
    const guest = await signIn('guest@demo.twinspace');
    await guest.goto(forumUrl());
    await guest.getByText("The forum is for the project's teachers and pupils.").waitFor();
    expect(await guest.getByRole('link', { name: discussionTitle }).count()).toBe(0);
    expect(await guest.getByRole('button', { name: 'Open a discussion' }).count()).toBe(0);
    await assertAccessible(guest);
  });

  it("a closed project's forum is read-only; a reply from a page opened before gets the server's no", { timeout: patience }, async () => {
    // Eva's page still shows the reply form from before the closing.
    await eva.getByRole('textbox', { name: 'Your reply' }).waitFor();
    const closed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken, {});
    expect(closed.status).toBe(200);

    await fillRichText(eva, 'Your reply', 'One more thing about the source.');
    await eva.getByRole('button', { name: 'Send the reply' }).click();
    await eva.getByRole('alert').filter({ hasText: 'The project is closed: its TwinSpace is read-only.' }).waitFor();
    expect(await listEntry(eva, 'One more thing about the source.').count()).toBe(0);

    await ana.goto(forumUrl());
    await ana.getByText('This project is closed: its forum is read-only.').waitFor();
    const pupils = section(ana, "Pupils' forum");
    await pupils.getByRole('link', { name: discussionTitle }).click();
    await ana.getByRole('link', { name: threadTitle }).click();
    await listEntry(ana, pupilReply).waitFor();
    expect(await ana.getByRole('textbox', { name: 'Your reply' }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await ana.goBack();
    await ana.getByRole('heading', { level: 2, name: discussionTitle }).waitFor();
    expect(await ana.getByRole('button', { name: 'Open a thread' }).count()).toBe(0);
    await assertAccessible(ana);
  });
});
