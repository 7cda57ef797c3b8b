/**
 * The public project page keeps its promises (issue 8, point 5), through the
 * real HTTP API and with no token: beside the published public pages it shows
 * the Project Diary's PUBLIC entries (never restricted, private or hidden
 * ones, and nobody's name) and the project's GRANTED Quality Labels as
 * national badges (never a waiting or refused application). Before approval
 * the page is 404, as it always was. A TwinSpace of its own, and applicants
 * and evaluators of countries no other test uses (AT granted, NL refused, BE
 * waiting), so no one else's lists or quotas move.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiSend, demoToken } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

type Account = Awaited<ReturnType<typeof newTestAccount>>;
type PublicEntry = { entryId: string; kind: string; title: string; body: string; answeredAt: string | null; replies: { role: string; body: string }[] };
type PublicAnswer = {
  diary: { items: PublicEntry[]; nextCursor: string | null };
  labels: { level: string; country: string; schoolYear: string; grantedAt: string }[];
  pages: { items: { pageId: string }[]; nextCursor: string | null };
};

let space: TestTwinspace;
const entries: Record<string, PublicEntry> = {};
const names = ['Ana', 'García', 'NSS España', 'Eva', 'Luc', 'Lucía', 'Pablo', 'Greta Granted', 'Nils Refused', 'Bea Waiting', 'Anna Evaluator', 'Noor Evaluator', '@'];

const publicPath = () => `/public/projects/${space.projectId}`;
const diaryPath = () => `/projects/${space.projectId}/diary`;
const scores = (each: number) => ({ collaboration: each, technology: each, pedagogy: each, curriculum: each, results: each });
const feedback = { collaboration: 'Together.', technology: 'Fit.', pedagogy: 'Inquiry.', curriculum: 'Linked.', results: 'Documented.' };

async function writeEntry(visibility: string, kind = 'activity'): Promise<PublicEntry> {
  const answer = await apiSend<PublicEntry>(endpoints, 'POST', diaryPath(), space.members['teacher-admin'].idToken, {
    kind,
    visibility,
    title: `A ${visibility} ${kind}`,
    body: `What happened, for ${visibility} eyes.`,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** A teacher of `country` joins the project as a member teacher and applies for a label. */
async function applicant(country: string, displayName: string): Promise<{ teacher: Account; labelId: string }> {
  const teacher = await newTestAccount(endpoints, { kind: 'teacher', country, displayName });
  const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, { username: teacher.username, type: 'member-teacher' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const applied = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, teacher.idToken, labelApplicationForm(space.projectId));
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  return { teacher, labelId: applied.body.labelId };
}

async function evaluate(country: string, displayName: string, labelId: string, each: number): Promise<void> {
  const evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country, displayName });
  const scored = await apiSend(endpoints, 'POST', `/labels/${labelId}/evaluation`, evaluator.idToken, {
    scores: scores(each),
    mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 },
    feedback,
  });
  expect(scored.status, JSON.stringify(scored.body)).toBe(200);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'The public river');
  // Two published public pages, so the pages list has a cursor of its own to try as the diary's.
  for (const title of ['Our river', 'Our sea']) {
    const page = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, space.members['teacher-admin'].idToken, { area: 'public', title, body: 'For everyone.' });
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages/${page.body.pageId}/publish`, space.members['teacher-admin'].idToken)).status).toBe(200);
  }
  for (const visibility of ['public', 'restricted', 'private', 'hidden']) entries[visibility] = await writeEntry(visibility);
  // A public doubt the NSS answers: the answer shows, its writer's name does not.
  entries.doubt = await writeEntry('public', 'doubt');
  const answered = await apiSend(endpoints, 'POST', `${diaryPath()}/${entries.doubt.entryId}/replies`, await demoToken(endpoints, 'nss.es@demo.twinspace'), {
    body: 'Yes: count the river as one activity.',
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(201);

  const granted = await applicant('AT', 'Greta Granted');
  await evaluate('AT', 'Anna Evaluator', granted.labelId, 4);
  const refused = await applicant('NL', 'Nils Refused');
  await evaluate('NL', 'Noor Evaluator', refused.labelId, 1);
  await applicant('BE', 'Bea Waiting');
}, 120_000);

describe('the public project page, signed out', () => {
  it('shows the public diary entries, with the NSS answer by role, and no restricted, private or hidden one', async () => {
    const answer = await apiSend<PublicAnswer>(endpoints, 'GET', `${publicPath()}?limit=100`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const ids = answer.body.diary.items.map((entry) => entry.entryId);
    expect(ids).toEqual([entries.doubt.entryId, entries.public.entryId]);
    for (const visibility of ['restricted', 'private', 'hidden']) expect(ids, visibility).not.toContain(entries[visibility].entryId);
    expect(answer.body.diary.items[1]).toEqual({
      entryId: entries.public.entryId,
      kind: 'activity',
      title: 'A public activity',
      body: 'What happened, for public eyes.',
      // Rich text (issue 10): the document too, never media URLs.
      content: plainToDoc('What happened, for public eyes.'),
      createdAt: expect.any(String),
      answeredAt: null,
      replies: [],
    });
    expect(answer.body.diary.items[0]).toMatchObject({ kind: 'doubt', answeredAt: expect.any(String), replies: [{ role: 'nss', body: 'Yes: count the river as one activity.' }] });
    expect(answer.body.diary.nextCursor).toBeNull();
  });

  it('shows a granted label as a national badge of its country, never a refused or waiting one', async () => {
    const answer = await apiSend<PublicAnswer>(endpoints, 'GET', publicPath());
    expect(answer.body.labels).toEqual([{ level: 'national', country: 'AT', schoolYear: expect.stringMatching(/^\d{4}-\d{4}$/), grantedAt: expect.any(String) }]);
  });

  it("names nobody: no author, replier, applicant or evaluator, no address", async () => {
    const text = JSON.stringify((await apiSend(endpoints, 'GET', `${publicPath()}?limit=100`)).body);
    for (const name of names) expect(text, name).not.toContain(name);
  });

  it('pages the public entries with their own cursor, and refuses a cursor it did not give out', async () => {
    const seen: string[] = [];
    let diaryCursor: string | null = null;
    do {
      const query: string = `limit=1${diaryCursor ? `&diaryCursor=${diaryCursor}` : ''}`;
      const page: { status: number; body: PublicAnswer } = await apiSend<PublicAnswer>(endpoints, 'GET', `${publicPath()}?${query}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.diary.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.diary.items.map((entry) => entry.entryId));
      diaryCursor = page.body.diary.nextCursor;
    } while (diaryCursor);
    expect(seen).toEqual([entries.doubt.entryId, entries.public.entryId]);

    const pageCursor = (await apiSend<PublicAnswer>(endpoints, 'GET', `${publicPath()}?limit=1`)).body.pages.nextCursor;
    const refused = await apiSend(endpoints, 'GET', `${publicPath()}?diaryCursor=bm90LWEtY3Vyc29y`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['query.diaryCursor']);
    expect(pageCursor).toBeTruthy();
    expect((await apiSend(endpoints, 'GET', `${publicPath()}?diaryCursor=${pageCursor}`)).status).toBe(400);
  });

  it('is 404 before approval, as it always was', async () => {
    const ana = await demoToken(endpoints, 'ana@demo.twinspace');
    const proposed = await apiSend(endpoints, 'POST', '/projects', ana, {
      title: 'Public page: not yet approved',
      description: 'Still waiting for its partner.',
      subjects: ['science'],
      ages: { min: 8, max: 10 },
      languages: ['en'],
      partnerUsername: 'luc@demo.twinspace',
    });
    expect(proposed.status).toBe(201);
    expect((await apiSend(endpoints, 'GET', `/public/projects/${proposed.body.projectId}`)).status).toBe(404);
  });
});
