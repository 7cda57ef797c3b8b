/**
 * The public project page keeps its promises (issue 8, point 5), in a real
 * browser: someone signed out reads the project's PUBLIC diary entry (with
 * the NSS's answer, by role, never by name) and its granted National Quality
 * Label as a badge named in words, in English and in Spanish, with nothing
 * scrolling sideways on a 390 px phone; a restricted entry never shows. The
 * guest's diary page says where public entries are and links there. A fresh
 * TwinSpace, and an applicant and evaluator of a country no other test uses
 * (IE). Every page visited is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, paragraphs, siteAddress, Visitors } from '../support/browser.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiSend, demoToken } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 60_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
const projectTitle = `A river in public ${Date.now().toString(36)}`;
const publicTitle = 'How we measured the river <i>together</i>';
const publicText = 'Each school took samples.\nThen we compared them on a shared map.';
const restrictedTitle = 'Notes for other teachers only';
const answer = 'A good way to assess it: keep the shared map.';

const publicUrl = (lang: string) => `${site}/${lang}/public/?id=${space.projectId}`;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, projectTitle);
  const ana = space.members['teacher-admin'].idToken;
  const diary = `/projects/${space.projectId}/diary`;
  const entry = await apiSend(endpoints, 'POST', diary, ana, { kind: 'doubt', visibility: 'public', title: publicTitle, body: publicText });
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  const restricted = await apiSend(endpoints, 'POST', diary, ana, { kind: 'activity', visibility: 'restricted', title: restrictedTitle, body: 'Not public.' });
  expect(restricted.status).toBe(201);
  const answered = await apiSend(endpoints, 'POST', `${diary}/${entry.body.entryId}/replies`, await demoToken(endpoints, 'nss.fr@demo.twinspace'), { body: answer });
  expect(answered.status, JSON.stringify(answered.body)).toBe(201);

  // An Irish teacher of the project is granted the National Quality Label by an Irish evaluator.
  const teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'IE', displayName: 'Siobhan Applicant' });
  expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, ana, { username: teacher.username, type: 'member-teacher' })).status).toBe(201);
  const applied = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, teacher.idToken, labelApplicationForm(space.projectId));
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  const evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country: 'IE', displayName: 'Ciara Evaluator' });
  const each = 4;
  const scored = await apiSend(endpoints, 'POST', `/labels/${applied.body.labelId}/evaluation`, evaluator.idToken, {
    scores: { collaboration: each, technology: each, pedagogy: each, curriculum: each, results: each },
    mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 },
    feedback: { collaboration: 'Yes.', technology: 'Yes.', pedagogy: 'Yes.', curriculum: 'Yes.', results: 'Yes.' },
  });
  expect(scored.body.status, JSON.stringify(scored.body)).toBe('granted');
}, 120_000);

afterAll(async () => {
  await visitors?.close();
});

describe('the public project page, signed out', () => {
  it('shows the public diary entry and the national badge in English, and no restricted entry or name', { timeout: patience }, async () => {
    const visitor = await visitors.page();
    await visitor.goto(publicUrl('en'));
    await visitor.getByRole('heading', { level: 1, name: projectTitle }).waitFor();

    const labels = visitor.getByRole('region', { name: 'Quality Labels' });
    const badge = labels.getByRole('listitem');
    expect(await badge.count()).toBe(1);
    expect(await badge.innerText()).toMatch(/National Quality Label\s+Ireland, school year \d{4}-\d{4}/);

    const diary = visitor.getByRole('region', { name: 'Project Diary' });
    const entry = diary.getByRole('article').filter({ has: visitor.getByRole('heading', { level: 3, name: publicTitle }) });
    await entry.waitFor();
    // Text, never markup: the tags show as typed, each line a paragraph (written as plain text: read as paragraphs).
    expect(await entry.locator('i').count()).toBe(0);
    expect(await paragraphs(entry.locator('.page-text').first())).toEqual(publicText.split('\n'));
    expect(await entry.getByText('Doubt', { exact: true }).isVisible()).toBe(true);
    expect(await entry.getByText('Answered', { exact: true }).isVisible()).toBe(true);
    const replies = entry.getByRole('list', { name: `Replies to “${publicTitle}”` });
    expect(await replies.innerText()).toContain('Answer from the National Support Service');
    expect(await replies.innerText()).toContain(answer);

    const main = await visitor.locator('main').innerText();
    expect(main).not.toContain(restrictedTitle);
    for (const name of ['Ana', 'Siobhan', 'Ciara', 'NSS France']) expect(main, name).not.toContain(name);
    await assertAccessible(visitor);
  });

  it('says the same in Spanish', { timeout: patience }, async () => {
    const visitor = await visitors.page({ locale: 'es-ES' });
    await visitor.goto(publicUrl('es'));
    await visitor.getByRole('heading', { level: 1, name: projectTitle }).waitFor();
    const badge = visitor.getByRole('region', { name: 'Sellos de Calidad' }).getByRole('listitem');
    expect(await badge.innerText()).toMatch(/Sello de Calidad Nacional\s+Irlanda, curso \d{4}-\d{4}/);
    const entry = visitor
      .getByRole('region', { name: 'Diario del proyecto' })
      .getByRole('article')
      .filter({ has: visitor.getByRole('heading', { level: 3, name: publicTitle }) });
    await entry.waitFor();
    expect(await entry.getByText('Duda', { exact: true }).isVisible()).toBe(true);
    expect(await entry.getByText('Respondida', { exact: true }).isVisible()).toBe(true);
    expect(await entry.innerText()).toContain('Respuesta del Servicio Nacional de Apoyo');
    expect(await visitor.locator('main').innerText()).not.toContain(restrictedTitle);
    await assertAccessible(visitor);
  });

  it('reads the published pages ten at a time: "Show more pages" appends the next ones under them', { timeout: 120_000 }, async () => {
    const ana = space.members['teacher-admin'].idToken;
    for (let number = 1; number <= 11; number++) {
      const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, ana, { area: 'public', title: `Public page ${number}`, body: `Text ${number}.` });
      expect(created.status).toBe(201);
      expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages/${created.body.pageId}/publish`, ana, {})).status).toBe(200);
    }
    const visitor = await visitors.page();
    await visitor.goto(publicUrl('en'));
    const pages = visitor.getByRole('region', { name: 'Pages', exact: true });
    const more = pages.getByRole('button', { name: 'Show more pages' });
    await more.waitFor();
    expect(await pages.getByRole('article').count()).toBe(10);
    const firstTen = await pages.getByRole('heading', { level: 3 }).allInnerTexts();
    await more.click();
    // (While it reads, the button is named "Working…": wait for the eleventh page itself.)
    await pages.getByRole('article').nth(10).waitFor();
    expect(await pages.getByRole('article').count()).toBe(11);
    // The last page read: no button left to ask for more.
    expect(await pages.getByRole('button').count()).toBe(0);
    // What was read stays in place; the next page comes under it.
    expect((await pages.getByRole('heading', { level: 3 }).allInnerTexts()).slice(0, 10)).toEqual(firstTen);
    await assertAccessible(visitor);
  });

  it('does not scroll sideways on a 390 px phone', { timeout: patience }, async () => {
    for (const lang of ['en', 'es']) {
      const phone = await visitors.page({ locale: lang === 'es' ? 'es-ES' : 'en-GB', viewport: { width: 390, height: 844 } });
      await phone.goto(publicUrl(lang));
      await phone.getByRole('heading', { level: 3, name: publicTitle }).waitFor();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, lang).toBeLessThanOrEqual(390);
    }
  });
});

describe("the guest's diary page", () => {
  it('says where the public entries are, and the link leads there', { timeout: patience }, async () => {
    const guest = await visitors.page();
    const diaryPath = `/en/twinspace/diary/?id=${space.projectId}`;
    await fillSignIn(guest, site, 'guest@demo.twinspace', undefined, diaryPath);
    await guest.waitForURL(`${site}${diaryPath}`);
    // The diary page's notice for guests (its own status region), found by what it says.
    const note = guest.locator('main p.notice').filter({ hasText: 'Its public entries are on' });
    await note.waitFor();
    expect(await note.innerText()).toContain("The Project Diary is for the project's teachers");
    await assertAccessible(guest);
    await note.getByRole('link', { name: "the project's public page" }).click();
    await guest.waitForURL(`${site}/en/public/?id=${space.projectId}`);
    await guest.getByRole('heading', { level: 3, name: publicTitle }).waitFor();
  });
});
