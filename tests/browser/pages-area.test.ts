/**
 * TwinSpace pages and the public project page in a real browser, in a fresh
 * TwinSpace: Ana writes a public page in the rich-text editor (each line a
 * paragraph, its tags shown as text) and publishes it; someone signed out
 * reads it on the project's public page, with the agenda's iCalendar link; Eva (member teacher) gets no edit
 * control on Ana's page; an edit made elsewhere meanwhile is a conflict that
 * keeps Ana's typed text; the Spanish pages speak Spanish; a closed project
 * is read-only. Every page visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillRichText, paragraphs, richEditor, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend, demoToken } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 60_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  projectTitle = `Rivers in pages ${Date.now().toString(36)}`;
  space = await newTwinspace(endpoints, projectTitle);
}, patience);

afterAll(async () => {
  await visitors?.close();
});

const pagesUrl = (lang: string, query: Record<string, string> = {}) => `${site}/${lang}/twinspace/pages/?${new URLSearchParams({ id: space.projectId, ...query })}`;

async function signIn(username: string, locale = 'en-GB'): Promise<Page> {
  return signInToDesktop(await visitors.page({ locale }), site, username);
}

describe('TwinSpace pages in a browser', () => {
  const pageTitle = 'Our river walk <b>day one</b>';
  const pageText = 'We walked to the source.\nThen we drew the valley.';
  let pageId: string;

  it('Ana writes a public page from the TwinSpace and publishes it', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await ana.getByRole('link', { name: 'Pages', exact: true }).click();
    await ana.getByRole('heading', { level: 1, name: `Pages of ${projectTitle}` }).waitFor();
    await ana.getByText('No page is published in this area yet.').waitFor();
    // A teacher administrator reads all three areas.
    const areas = ana.getByRole('navigation', { name: 'Areas' });
    for (const area of ['Public area', "Pupils' area", "Teachers' area"]) expect(await areas.getByRole('link', { name: area }).isVisible()).toBe(true);
    await assertAccessible(ana);

    // A page without a title is refused before anything is sent.
    const newPage = ana.getByRole('region', { name: 'New page' });
    await newPage.getByRole('button', { name: 'Save as a draft' }).click();
    await newPage.getByText('Give the page a title.').waitFor();
    expect(await newPage.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');

    await newPage.getByLabel('Area').selectOption({ label: 'Public area' });
    await newPage.getByLabel('Title').fill(pageTitle);
    await fillRichText(newPage, 'Text', pageText);
    await newPage.getByRole('button', { name: 'Save as a draft' }).click();
    await ana.getByRole('status').filter({ hasText: `The page “${pageTitle}” was saved as a draft.` }).waitFor();
    // The title is text, not markup: the tags show as typed.
    await ana.getByRole('heading', { level: 2, name: pageTitle }).waitFor();
    const body = ana.locator('#read-body');
    // Each line a paragraph of the document.
    expect(await paragraphs(body)).toEqual(pageText.split('\n'));
    expect(await body.locator('b').count()).toBe(0);
    pageId = new URL(ana.url()).searchParams.get('page') ?? '';
    expect(pageId).not.toBe('');
    await assertAccessible(ana);

    await ana.getByRole('button', { name: 'Publish' }).click();
    await ana.getByRole('status').filter({ hasText: `“${pageTitle}” is published.` }).waitFor();
    expect(await ana.getByRole('button', { name: 'Publish' }).isVisible()).toBe(false);
    await assertAccessible(ana);

    await ana.getByRole('link', { name: 'Back to the pages of this area' }).click();
    const published = ana.getByRole('region', { name: 'Published pages' });
    await published.getByRole('link', { name: pageTitle }).waitFor();
    await assertAccessible(ana);
  });

  it('someone signed out reads it on the project public page, with the agenda to subscribe to', { timeout: patience }, async () => {
    const visitor = await visitors.page();
    await visitor.goto(`${site}/en/public/?id=${space.projectId}`);
    await visitor.getByRole('heading', { level: 1, name: projectTitle }).waitFor();
    // No sign-in asked for: the address stays the public page.
    expect(new URL(visitor.url()).pathname).toBe('/en/public/');
    const article = visitor.getByRole('article').filter({ has: visitor.getByRole('heading', { name: pageTitle }) });
    await article.waitFor();
    expect(await paragraphs(article.locator('.page-text'))).toEqual(pageText.split('\n'));
    expect(await visitor.getByText('Pupils follow a river from its source to the sea.').isVisible()).toBe(true);
    expect(await visitor.getByText('10 to 12 years').isVisible()).toBe(true);
    const agenda = visitor.getByRole('link', { name: 'Subscribe to the agenda' });
    expect(await agenda.getAttribute('href')).toBe(`${endpoints.api.replace(/\/+$/, '')}/public/projects/${space.projectId}/agenda.ics`);
    // No member's name reaches the public page.
    expect(await visitor.locator('main').innerText()).not.toContain('Ana');
    await assertAccessible(visitor);
  });

  it('Eva, a member teacher, reads Ana’s page but gets no control to edit or delete it', { timeout: patience }, async () => {
    const eva = await signIn('eva@demo.twinspace');
    await eva.goto(pagesUrl('en', { area: 'public', page: pageId }));
    await eva.getByRole('heading', { level: 2, name: pageTitle }).waitFor();
    expect(await paragraphs(eva.locator('#read-body'))).toEqual(pageText.split('\n'));
    expect(await eva.getByRole('button', { name: 'Edit', exact: true }).isVisible()).toBe(false);
    expect(await eva.getByRole('button', { name: 'Delete', exact: true }).isVisible()).toBe(false);
    await assertAccessible(eva);

    // The server says the same thing should she try anyway.
    const refused = await apiSend(endpoints, 'PUT', `/projects/${space.projectId}/pages/${pageId}`, space.members['member-teacher'].idToken, { version: 2, title: 'Mine now' });
    expect(refused.status).toBe(403);
  });

  it('an edit made elsewhere meanwhile is a conflict that keeps what Ana typed', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(pagesUrl('en', { area: 'public', page: pageId }));
    await ana.getByRole('heading', { level: 2, name: pageTitle }).waitFor();
    await ana.getByRole('button', { name: 'Edit', exact: true }).click();
    const typed = 'My longer text about the walk.\nWith a second line.';
    const editForm = ana.getByRole('form', { name: 'Edit the page' });
    await fillRichText(editForm, 'Text', typed);
    await assertAccessible(ana);

    // Luc (the other founder) changes the page first.
    const lucEdit = await apiSend(endpoints, 'PUT', `/projects/${space.projectId}/pages/${pageId}`, await demoToken(endpoints, 'luc@demo.twinspace'), { version: 2, body: 'Luc was here first.' });
    expect(lucEdit.status).toBe(200);

    await editForm.getByRole('button', { name: 'Save the changes' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Nothing was saved.' }).waitFor();
    expect(await paragraphs(await richEditor(editForm, 'Text'))).toEqual(typed.split('\n'));
    await ana.getByText('Your text is still in the form.').waitFor();
    expect(await paragraphs(ana.locator('#read-body'))).toEqual(['Luc was here first.']);
    await assertAccessible(ana);

    // Saving again, knowingly, replaces Luc's text with hers.
    await editForm.getByRole('button', { name: 'Save the changes' }).click();
    await ana.getByRole('status').filter({ hasText: `Your changes to “${pageTitle}” were saved.` }).waitFor();
    expect(await paragraphs(ana.locator('#read-body'))).toEqual(typed.split('\n'));
  });

  it('Ana writes with the editor’s toolbar on a phone: a heading, bold text, a list, a link and a video', { timeout: patience }, async () => {
    const ana = await visitors.page({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    await signInToDesktop(ana, site, 'ana@demo.twinspace');
    await ana.goto(pagesUrl('en', { area: 'teachers' }));
    const newPage = ana.getByRole('region', { name: 'New page' });
    await newPage.getByLabel('Title').fill('Our plan, formatted');
    const text = await fillRichText(newPage, 'Text', 'The plan');
    const toolbar = newPage.getByRole('toolbar', { name: 'Formatting' });
    // The whole paragraph becomes a heading.
    await toolbar.getByRole('combobox', { name: 'Text style' }).selectOption({ label: 'Heading' });
    await text.press('End');
    await text.press('Enter');
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    expect(await toolbar.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('true');
    await ana.keyboard.insertText('Measure');
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    await ana.keyboard.insertText(' the river.');
    await ana.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: '• List' }).click();
    await ana.keyboard.insertText('depth');
    await ana.keyboard.press('Enter');
    await ana.keyboard.insertText('width');
    await ana.keyboard.press('Enter');
    await ana.keyboard.press('Enter');
    await ana.keyboard.insertText('Our map');
    await ana.keyboard.press('Shift+Home');
    await toolbar.getByRole('button', { name: 'Link' }).click();
    const link = ana.getByRole('dialog', { name: 'Link' });
    // Only https and mailto: anything else is refused with a sentence.
    await link.getByLabel('Address').fill('javascript:alert(1)');
    await link.getByRole('button', { name: 'Set link' }).click();
    await link.getByText('A link starts with https:// or mailto:').waitFor();
    await link.getByLabel('Address').fill('https://example.org/map');
    await link.getByRole('button', { name: 'Set link' }).click();
    await link.waitFor({ state: 'detached' });
    await ana.keyboard.press('End');
    await toolbar.getByRole('button', { name: 'Video' }).click();
    const video = ana.getByRole('dialog', { name: 'Add a video' });
    await video.getByLabel('Video address').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await assertAccessible(ana);
    await video.getByRole('button', { name: 'Add video' }).click();
    await video.waitFor({ state: 'detached' });
    // At 390 px the toolbar wraps: nothing scrolls sideways.
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(ana);

    await newPage.getByRole('button', { name: 'Save as a draft' }).click();
    await ana.getByRole('status').filter({ hasText: 'The page “Our plan, formatted” was saved as a draft.' }).waitFor();
    const body = ana.locator('#read-body');
    // Under the page's h2 title, the text's first heading is an h3.
    expect(await body.getByRole('heading', { level: 3, name: 'The plan' }).count()).toBe(1);
    expect(await body.locator('strong').innerText()).toBe('Measure');
    expect(await body.locator('ul > li').allInnerTexts()).toEqual(['depth', 'width']);
    expect(await body.getByRole('link', { name: 'Our map' }).getAttribute('href')).toBe('https://example.org/map');
    expect(await body.getByRole('link', { name: 'Our map' }).getAttribute('rel')).toBe('noopener noreferrer nofollow');
    // The only frame: the privacy-enhanced embed.
    expect(await body.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('deleting a page asks first in a dialog: Cancel keeps it, Delete removes it and the area says so', { timeout: patience }, async () => {
    const doomedTitle = 'A page to throw away';
    const doomed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, space.members['teacher-admin'].idToken, { area: 'teachers', title: doomedTitle, body: 'Soon gone.' });
    expect(doomed.status).toBe(201);
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(pagesUrl('en', { area: 'teachers', page: doomed.body.pageId }));
    await ana.getByRole('heading', { level: 2, name: doomedTitle }).waitFor();
    // Its state in words, as a badge.
    expect(await ana.locator('#read-view .badge').first().innerText()).toBe('Draft');

    const remove = ana.getByRole('button', { name: 'Delete', exact: true });
    await remove.click();
    const dialog = ana.getByRole('dialog', { name: `Delete the page “${doomedTitle}”? This cannot be undone.` });
    await dialog.waitFor();
    await assertAccessible(ana);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}/pages/${doomed.body.pageId}`, space.members['teacher-admin'].idToken)).status).toBe(200);

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await ana.getByRole('status').filter({ hasText: `The page “${doomedTitle}” was deleted.` }).waitFor();
    expect(new URL(ana.url()).searchParams.get('page')).toBeNull();
    await ana.getByRole('region', { name: 'Drafts' }).waitFor();
    expect(await ana.getByRole('link', { name: doomedTitle }).count()).toBe(0);
    expect((await apiSend(endpoints, 'GET', `/projects/${space.projectId}/pages/${doomed.body.pageId}`, space.members['teacher-admin'].idToken)).status).toBe(404);
    await assertAccessible(ana);
  });

  it('the Spanish pages speak Spanish', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace', 'es-ES');
    await ana.goto(pagesUrl('es', { area: 'public' }));
    await ana.getByRole('heading', { level: 1, name: `Páginas de ${projectTitle}` }).waitFor();
    await ana.getByRole('region', { name: 'Páginas publicadas' }).getByRole('link', { name: pageTitle }).waitFor();
    await ana.getByRole('heading', { name: 'Nueva página' }).waitFor();
    expect(await ana.getByRole('button', { name: 'Guardar como borrador' }).isVisible()).toBe(true);
    await assertAccessible(ana);

    const visitor = await visitors.page({ locale: 'es-ES' });
    await visitor.goto(`${site}/es/public/?id=${space.projectId}`);
    await visitor.getByRole('heading', { level: 1, name: projectTitle }).waitFor();
    await visitor.getByRole('heading', { name: 'Sobre el proyecto' }).waitFor();
    expect(await visitor.getByText('De 10 a 12 años').isVisible()).toBe(true);
    expect(await visitor.getByRole('link', { name: 'Suscribirse a la agenda' }).isVisible()).toBe(true);
    await assertAccessible(visitor);
  });

  it('a closed project’s pages are read-only', { timeout: patience }, async () => {
    const closing = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, space.members['teacher-admin'].idToken, {});
    expect(closing.status).toBeLessThan(300);
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(pagesUrl('en', { area: 'public', page: pageId }));
    await ana.getByRole('heading', { level: 2, name: pageTitle }).waitFor();
    await ana.getByText('This project is closed: its pages can be read, not changed.').waitFor();
    expect(await ana.getByRole('button').filter({ hasText: /Edit|Delete|Publish/ }).count()).toBe(0);
    await ana.goto(pagesUrl('en', { area: 'public' }));
    await ana.getByRole('region', { name: 'Published pages' }).getByRole('link', { name: pageTitle }).waitFor();
    expect(await ana.getByRole('heading', { name: 'New page' }).count()).toBe(0);
    await assertAccessible(ana);
  });
});
