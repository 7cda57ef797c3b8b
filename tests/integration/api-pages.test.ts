/**
 * TwinSpace pages through the real HTTP API, in a TwinSpace of their own:
 * the refused sides of the table's conditions (own pages, own activities,
 * pupils' area only), drafts and who sees them, versions, a closed project,
 * paging, and the public project page that anyone may open.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { apiSend, demoToken } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;

const as = (type: TwinspaceType) => space.members[type].idToken;
const pages = () => `/projects/${space.projectId}/pages`;
const write = (type: TwinspaceType, area: string, title: string, body = 'What we found out.') => apiSend(endpoints, 'POST', pages(), as(type), { area, title, body });
const publish = (type: TwinspaceType, pageId: string) => apiSend(endpoints, 'POST', `${pages()}/${pageId}/publish`, as(type));

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Pages of the river');
});

describe('writing pages', () => {
  it("keeps a member teacher to their own pages of the teachers' area", async () => {
    const anas = await write('teacher-admin', 'teachers', 'Planning for May');
    expect(anas.status).toBe(201);
    expect(anas.body).toMatchObject({ area: 'teachers', status: 'draft', version: 1, authorId: space.members['teacher-admin'].userId });

    const evaEdits = await apiSend(endpoints, 'PUT', `${pages()}/${anas.body.pageId}`, as('member-teacher'), { version: 1, title: 'Eva was here' });
    expect(evaEdits.status).toBe(403);
    expect(evaEdits.body.error.message).toMatch(/own pages/);
    const evaDeletes = await apiSend(endpoints, 'DELETE', `${pages()}/${anas.body.pageId}`, as('member-teacher'));
    expect(evaDeletes.status).toBe(403);

    const evas = await write('member-teacher', 'teachers', 'Ideas from Italy');
    const anaEdits = await apiSend(endpoints, 'PUT', `${pages()}/${evas.body.pageId}`, as('teacher-admin'), { version: 1, body: 'Ideas from Italy, sorted.' });
    expect(anaEdits.status).toBe(200);
    expect(anaEdits.body).toMatchObject({ version: 2, body: 'Ideas from Italy, sorted.', title: 'Ideas from Italy', authorId: space.members['member-teacher'].userId });
  });

  it("keeps a pupil member to their own activities, names pupils by first name, and keeps pupils out of the teachers' area", async () => {
    const luciasActivity = await write('pupil-admin', 'pupils', 'Water samples');
    expect(luciasActivity.status).toBe(201);
    expect(luciasActivity.body.authorName).toBe('Lucía');

    const pabloEdits = await apiSend(endpoints, 'PUT', `${pages()}/${luciasActivity.body.pageId}`, as('pupil-member'), { version: 1, title: 'Mine now' });
    expect(pabloEdits.status).toBe(403);
    expect(pabloEdits.body.error.message).toMatch(/own activities only/);

    const pablosActivity = await write('pupil-member', 'pupils', 'My river drawing');
    expect(pablosActivity.status).toBe(201);
    expect(pablosActivity.body.authorName).toBe('Pablo');
    const ownEdit = await apiSend(endpoints, 'PUT', `${pages()}/${pablosActivity.body.pageId}`, as('pupil-member'), { version: 1, submittedForPublishing: true });
    expect(ownEdit.status).toBe(200);
    expect(ownEdit.body.submittedForPublishing).toBe(true);

    expect((await write('pupil-admin', 'teachers', 'Not for pupils')).status).toBe(403);
    expect((await write('visitor', 'pupils', 'Not for visitors')).status).toBe(403);
  });

  it('answers 409 to a stale version and keeps what was saved', async () => {
    const created = await write('teacher-admin', 'public', 'Our partner schools');
    const first = await apiSend(endpoints, 'PUT', `${pages()}/${created.body.pageId}`, as('teacher-admin'), { version: 1, body: 'Four schools, three countries.' });
    expect(first.status).toBe(200);
    const stale = await apiSend(endpoints, 'PUT', `${pages()}/${created.body.pageId}`, space.secondFounder.idToken, { version: 1, body: 'Overwritten?' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const read = await apiSend(endpoints, 'GET', `${pages()}/${created.body.pageId}`, as('teacher-admin'));
    expect(read.body).toMatchObject({ version: 2, body: 'Four schools, three countries.' });
  });

  it('validates the page: title 1..200, a known area, no unknown fields', async () => {
    const bad = await apiSend(endpoints, 'POST', pages(), as('teacher-admin'), { area: 'public', title: ' ', body: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.title']);
    expect((await apiSend(endpoints, 'POST', pages(), as('teacher-admin'), { area: 'attic', title: 'x' })).status).toBe(400);
    expect((await apiSend(endpoints, 'POST', pages(), as('teacher-admin'), { area: 'public', title: 'x', status: 'published' })).status).toBe(400);
  });

  it('deletes a page for whoever may edit it', async () => {
    const created = await write('member-teacher', 'public', 'A page to remove');
    const deleted = await apiSend(endpoints, 'DELETE', `${pages()}/${created.body.pageId}`, as('member-teacher'));
    expect(deleted.status).toBe(204);
    expect((await apiSend(endpoints, 'GET', `${pages()}/${created.body.pageId}`, as('teacher-admin'))).status).toBe(404);
  });
});

describe('publishing', () => {
  it("lets a pupil administrator publish pupils' pages only", async () => {
    const teachersPage = await write('teacher-admin', 'teachers', 'Assessment grid');
    const refused = await publish('pupil-admin', teachersPage.body.pageId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/pupils' area only/);
    const publicPage = await write('teacher-admin', 'public', 'Welcome');
    expect((await publish('pupil-admin', publicPage.body.pageId)).status).toBe(403);

    const pupilsPage = await write('pupil-member', 'pupils', 'Rain in Bilbao');
    const published = await publish('pupil-admin', pupilsPage.body.pageId);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 2, submittedForPublishing: false });
    expect((await publish('pupil-admin', pupilsPage.body.pageId)).status).toBe(409);
  });

  it('tells a pupil member that a teacher or pupil administrator publishes, and takes their edited page back to draft', async () => {
    const activity = await write('pupil-member', 'pupils', 'Fish we saw');
    const refused = await publish('pupil-member', activity.body.pageId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/teacher or a pupil administrator publishes/);

    expect((await publish('member-teacher', activity.body.pageId)).status).toBe(200);
    const edited = await apiSend(endpoints, 'PUT', `${pages()}/${activity.body.pageId}`, as('pupil-member'), { version: 2, body: 'And a heron.' });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('draft');
    expect(edited.body.publishedAt).toBeUndefined();
  });
});

describe('reading pages', () => {
  it("refuses a visitor the pupils' area and shows them only published public pages", async () => {
    expect((await apiSend(endpoints, 'GET', `${pages()}?area=pupils`, as('visitor'))).status).toBe(403);
    expect((await apiSend(endpoints, 'GET', `${pages()}?area=teachers`, as('visitor'))).status).toBe(403);
    const draft = await write('teacher-admin', 'public', 'A public draft');
    const listed = await apiSend(endpoints, 'GET', `${pages()}?area=public`, as('visitor'));
    expect(listed.status).toBe(200);
    expect(listed.body.items.every((page: { status: string }) => page.status === 'published')).toBe(true);
    expect((await apiSend(endpoints, 'GET', `${pages()}?area=public&status=draft`, as('visitor'))).body.items).toEqual([]);
    expect((await apiSend(endpoints, 'GET', `${pages()}/${draft.body.pageId}`, as('visitor'))).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', `${pages()}?area=public`)).status).toBe(401);
  });

  it("shows a pupil member their own drafts only, and the teachers every pupil's draft", async () => {
    const lucias = await write('pupil-admin', 'pupils', 'Draft by Lucía');
    const pablos = await write('pupil-member', 'pupils', 'Draft by Pablo');
    const pabloSees = await apiSend(endpoints, 'GET', `${pages()}?area=pupils&status=draft&limit=100`, as('pupil-member'));
    const pabloIds = pabloSees.body.items.map((page: { pageId: string }) => page.pageId);
    expect(pabloIds).toContain(pablos.body.pageId);
    expect(pabloIds).not.toContain(lucias.body.pageId);
    expect(pabloSees.body.items.every((page: { authorId: string }) => page.authorId === space.members['pupil-member'].userId)).toBe(true);
    expect((await apiSend(endpoints, 'GET', `${pages()}/${lucias.body.pageId}`, as('pupil-member'))).status).toBe(404);

    const evaSees = await apiSend(endpoints, 'GET', `${pages()}?area=pupils&status=draft&limit=100`, as('member-teacher'));
    const evaIds = evaSees.body.items.map((page: { pageId: string }) => page.pageId);
    expect(evaIds).toEqual(expect.arrayContaining([lucias.body.pageId, pablos.body.pageId]));
  });

  it('pages a list with its cursor and refuses a cursor it did not give out', async () => {
    for (const title of ['Source', 'Delta']) {
      const created = await write('teacher-admin', 'teachers', title);
      expect((await publish('teacher-admin', created.body.pageId)).status).toBe(200);
    }
    const first = await apiSend(endpoints, 'GET', `${pages()}?area=teachers&limit=1`, as('member-teacher'));
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].title).toBe('Delta');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await apiSend(endpoints, 'GET', `${pages()}?area=teachers&limit=1&cursor=${first.body.nextCursor}`, as('member-teacher'));
    expect(second.body.items[0].title).toBe('Source');

    const otherArea = await apiSend(endpoints, 'GET', `${pages()}?area=public&cursor=${first.body.nextCursor}`, as('member-teacher'));
    expect(otherArea.status).toBe(400);
    expect((await apiSend(endpoints, 'GET', `${pages()}?area=teachers&cursor=bm90LWEtY3Vyc29y`, as('member-teacher'))).status).toBe(400);
    expect((await apiSend(endpoints, 'GET', pages(), as('member-teacher'))).status).toBe(400);
  });
});

describe('the public project page', () => {
  it('shows the description and the published public pages only, with no names, to anyone', async () => {
    const shown = await write('teacher-admin', 'public', 'Our river, from source to sea', 'Published for everyone.');
    await publish('member-teacher', shown.body.pageId);
    const hiddenDraft = await write('teacher-admin', 'public', 'A public draft nobody sees');
    const teachersOnly = await write('teacher-admin', 'teachers', 'Published for teachers only');
    await publish('teacher-admin', teachersOnly.body.pageId);
    const pupilsOnly = await write('pupil-admin', 'pupils', 'Published for pupils only');
    await publish('pupil-admin', pupilsOnly.body.pageId);

    const answer = await apiSend(endpoints, 'GET', `/public/projects/${space.projectId}?limit=100`);
    expect(answer.status).toBe(200);
    expect(answer.body.project).toMatchObject({ projectId: space.projectId, title: 'Pages of the river', description: expect.any(String) });
    const ids = answer.body.pages.items.map((page: { pageId: string }) => page.pageId);
    expect(ids).toContain(shown.body.pageId);
    expect(ids).not.toContain(hiddenDraft.body.pageId);
    expect(ids).not.toContain(teachersOnly.body.pageId);
    expect(ids).not.toContain(pupilsOnly.body.pageId);
    expect(answer.body.pages.items.find((page: { pageId: string }) => page.pageId === shown.body.pageId)).toEqual({
      pageId: shown.body.pageId,
      title: 'Our river, from source to sea',
      body: 'Published for everyone.',
      // Rich text (issue 10): the document too; a plain text reads as paragraphs.
      content: plainToDoc('Published for everyone.'),
      publishedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const text = JSON.stringify(answer.body);
    for (const name of ['Lucía', 'Pablo', 'Ana', 'Eva', '@']) expect(text, name).not.toContain(name);
  });

  it('is 404 for a project without a TwinSpace and for none', async () => {
    const ana = await demoToken(endpoints, 'ana@demo.twinspace');
    const proposed = await apiSend(endpoints, 'POST', '/projects', ana, {
      title: 'Not yet approved',
      description: 'Still waiting for its partner.',
      subjects: ['science'],
      ages: { min: 8, max: 10 },
      languages: ['en'],
      partnerUsername: 'luc@demo.twinspace',
    });
    expect(proposed.status).toBe(201);
    expect((await apiSend(endpoints, 'GET', `/public/projects/${proposed.body.projectId}`)).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', '/public/projects/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E')).status).toBe(404);
    expect((await apiSend(endpoints, 'GET', '/public/projects/not-an-id')).status).toBe(400);
  });
});

describe('saves sent at once with the same version', () => {
  const atOnce = 8;
  const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status).sort();

  it(`lets one of ${atOnce} edits of version 1 through and answers 409 to the others`, async () => {
    const created = await write('teacher-admin', 'public', 'Edited by many');
    expect(created.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: atOnce }, (_, index) => apiSend(endpoints, 'PUT', `${pages()}/${created.body.pageId}`, as('teacher-admin'), { version: 1, body: `Edit ${index}` })),
    );
    expect(statuses(answers)).toEqual([200, ...Array(atOnce - 1).fill(409)]);
    const winner = answers.find((answer) => answer.status === 200)!;
    const read = await apiSend(endpoints, 'GET', `${pages()}/${created.body.pageId}`, as('teacher-admin'));
    expect(read.body).toMatchObject({ version: 2, body: winner.body.body });
  });

  it(`publishes a draft once when ${atOnce} publish it at once`, async () => {
    const created = await write('teacher-admin', 'teachers', 'Published by many');
    const answers = await Promise.all(Array.from({ length: atOnce }, () => publish('member-teacher', created.body.pageId)));
    expect(statuses(answers)).toEqual([200, ...Array(atOnce - 1).fill(409)]);
    const read = await apiSend(endpoints, 'GET', `${pages()}/${created.body.pageId}`, as('teacher-admin'));
    expect(read.body).toMatchObject({ version: 2, status: 'published' });
  });

  it(`deletes a page once when ${atOnce} delete it at once; the others find it changed (409) or gone (404)`, async () => {
    const created = await write('teacher-admin', 'public', 'Deleted by many');
    const answers = await Promise.all(Array.from({ length: atOnce }, () => apiSend(endpoints, 'DELETE', `${pages()}/${created.body.pageId}`, as('teacher-admin'))));
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
    expect(answers.every((answer) => [204, 404, 409].includes(answer.status)), JSON.stringify(answers.map((answer) => answer.status))).toBe(true);
    expect((await apiSend(endpoints, 'GET', `${pages()}/${created.body.pageId}`, as('teacher-admin'))).status).toBe(404);
  });
});

describe('a closed project', () => {
  it('keeps every page readable and refuses every write with 409', async () => {
    const page = await write('teacher-admin', 'public', 'Written before closing');
    const closed = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, as('teacher-admin'));
    expect(closed.status).toBe(200);
    try {
      expect((await write('teacher-admin', 'public', 'After closing')).status).toBe(409);
      expect((await apiSend(endpoints, 'PUT', `${pages()}/${page.body.pageId}`, as('teacher-admin'), { version: 1, title: 'Changed' })).status).toBe(409);
      expect((await publish('teacher-admin', page.body.pageId)).status).toBe(409);
      expect((await apiSend(endpoints, 'DELETE', `${pages()}/${page.body.pageId}`, as('teacher-admin'))).status).toBe(409);
      expect((await apiSend(endpoints, 'GET', `${pages()}/${page.body.pageId}`, as('teacher-admin'))).body.title).toBe('Written before closing');
      expect((await apiSend(endpoints, 'GET', `/public/projects/${space.projectId}`)).status).toBe(200);
    } finally {
      await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, as('teacher-admin'));
    }
  });
});
