/**
 * The Project Diary through the real HTTP API, in a TwinSpace of its own:
 * the project's teachers write and read; the NSS of a partner country reads
 * everything and answers doubts (the author is told, the doubt leaves the
 * inbox); any other teacher reads restricted and public entries; hidden ones
 * stay with their author and the NSS; pupils, guests and other countries'
 * NSS are refused; a closed project's diary is read-only.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend, demoToken } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

let space: TestTwinspace;
let ana: string;
let eva: string;
let stranger: string;
let nssEs: string;
let nssFr: string;
let nssDe: string;
let evaluator: string;

const diaryPath = () => `/projects/${space.projectId}/diary`;

type Entry = { entryId: string; kind: string; visibility: string; title: string; body: string; answeredAt: string | null; replies: { body: string; author: { role: string } }[] };

async function write(idToken: string, entry: { kind: string; visibility: string; title: string; body: string }): Promise<Entry> {
  const answer = await apiSend<Entry>(endpoints, 'POST', diaryPath(), idToken, entry);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Every entry the caller reads, page after page (newest first). */
async function readAll(idToken: string, limit = 100): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const answer: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await apiGet(
      endpoints,
      `${diaryPath()}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      idToken,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    entries.push(...answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return entries;
}

async function inboxIds(idToken: string): Promise<string[]> {
  const answer = await apiGet(endpoints, '/nss/diary?status=unanswered&limit=100', idToken);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.map((doubt: { entryId: string }) => doubt.entryId);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Diary of the river');
  ana = space.members['teacher-admin'].idToken!;
  eva = space.members['member-teacher'].idToken!;
  stranger = space.outsiders[0].idToken!;
  evaluator = space.outsiders[2].idToken!;
  nssEs = await demoToken(endpoints, 'nss.es@demo.twinspace');
  nssFr = await demoToken(endpoints, 'nss.fr@demo.twinspace');
  nssDe = (await newTestAccount(endpoints, { kind: 'nss', country: 'DE', displayName: 'NSS Deutschland' })).idToken;
});

describe('the project teachers', () => {
  it('write private entries and read each other’s, with trimmed texts', async () => {
    const written = await write(ana, { kind: 'activity', visibility: 'private', title: '  Week 1: the source  ', body: '\nWe found the source.\n' });
    expect(written).toMatchObject({ title: 'Week 1: the source', body: 'We found the source.', answeredAt: null, replies: [] });
    const answer = await apiGet(endpoints, diaryPath(), eva);
    expect(answer.body.view).toBe('team');
    expect(answer.body.items.map((entry: Entry) => entry.entryId)).toContain(written.entryId);
  });

  it('get the fields that are wrong named, limits counted in characters', async () => {
    const emojiTitle = '🌊'.repeat(200);
    expect((await write(ana, { kind: 'assessment', visibility: 'private', title: emojiTitle, body: 'Waves.' })).title).toBe(emojiTitle);
    const tooLong = await apiSend(endpoints, 'POST', diaryPath(), ana, { kind: 'assessment', visibility: 'private', title: 'x'.repeat(201), body: 'b' });
    const blank = await apiSend(endpoints, 'POST', diaryPath(), ana, { kind: 'assessment', visibility: 'private', title: 'Fine', body: '   ' });
    const unknownKind = await apiSend(endpoints, 'POST', diaryPath(), ana, { kind: 'gossip', visibility: 'secret', title: 'Fine', body: 'b' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.title']);
    expect(blank.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.body']);
    expect(unknownKind.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.kind', 'body.visibility']);
    const bodyTooLong = await apiSend(endpoints, 'POST', diaryPath(), ana, { kind: 'activity', visibility: 'private', title: 'Long', body: 'a'.repeat(20_001) });
    expect(bodyTooLong.status).toBe(400);
  });
});

describe('pupils, guests and people outside the project', () => {
  it('pupils and a guest visitor may neither write nor read the diary (403)', async () => {
    for (const member of [space.members['pupil-admin'], space.members['pupil-member'], space.members.visitor]) {
      const written = await apiSend(endpoints, 'POST', diaryPath(), member.idToken, { kind: 'activity', visibility: 'public', title: 'Hi', body: 'Hello' });
      expect(written.status, member.name).toBe(403);
      expect((await apiGet(endpoints, diaryPath(), member.idToken)).status, member.name).toBe(403);
    }
  });

  it('the NSS of a country without a partner, and an evaluator, are refused; nobody signed in is 401', async () => {
    expect((await apiGet(endpoints, diaryPath(), nssDe)).status).toBe(403);
    expect((await apiGet(endpoints, diaryPath(), evaluator)).status).toBe(403);
    expect((await apiGet(endpoints, diaryPath())).status).toBe(401);
    expect((await apiGet(endpoints, `/projects/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/diary`, ana)).status).toBe(404);
  });
});

describe('visibility', () => {
  let byVisibility: Record<string, Entry>;

  beforeAll(async () => {
    byVisibility = {};
    for (const visibility of ['private', 'restricted', 'public', 'hidden']) {
      byVisibility[visibility] = await write(ana, { kind: 'activity', visibility, title: `A ${visibility} entry`, body: `Only as ${visibility} allows.` });
    }
  });

  const seen = (entries: Entry[]) => Object.entries(byVisibility).filter(([, entry]) => entries.some((read) => read.entryId === entry.entryId)).map(([visibility]) => visibility);

  it('another signed-in teacher reads restricted and public entries only, and may not write or reply', async () => {
    const answer = await apiGet(endpoints, diaryPath(), stranger);
    expect(answer.body.view).toBe('open');
    expect(seen(answer.body.items)).toEqual(['restricted', 'public']);
    expect(answer.body.items.every((entry: Entry) => ['restricted', 'public'].includes(entry.visibility))).toBe(true);
    expect((await apiSend(endpoints, 'POST', diaryPath(), stranger, { kind: 'activity', visibility: 'public', title: 'Hi', body: 'Hello' })).status).toBe(403);
    expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${byVisibility.public.entryId}/replies`, stranger, { body: 'Nice' })).status).toBe(403);
  });

  it('a hidden entry is read by its author and the NSS only; to another teacher of the project it does not exist', async () => {
    expect(seen(await readAll(ana))).toEqual(['private', 'restricted', 'public', 'hidden']);
    expect(seen(await readAll(eva))).toEqual(['private', 'restricted', 'public']);
    const nssView = await apiGet(endpoints, `${diaryPath()}?limit=100`, nssEs);
    expect(nssView.body.view).toBe('nss');
    expect(seen(nssView.body.items)).toEqual(['private', 'restricted', 'public', 'hidden']);
    expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${byVisibility.hidden.entryId}/replies`, eva, { body: 'Seen it?' })).status).toBe(404);
  });

  it('pages newest first with a cursor, every entry once, and refuses a cursor it did not give out', async () => {
    const onePage = await readAll(ana, 100);
    const pageByPage = await readAll(ana, 2);
    expect(pageByPage.map((entry) => entry.entryId)).toEqual(onePage.map((entry) => entry.entryId));
    expect(onePage.map((entry) => entry.entryId)).toEqual([...onePage.map((entry) => entry.entryId)].sort().reverse());
    const openPages = await readAll(stranger, 1);
    expect(openPages.map((entry) => entry.entryId)).toEqual((await readAll(stranger, 100)).map((entry) => entry.entryId));

    const foreign = Buffer.from(JSON.stringify({ PK: 'PROJECT#01JF8Z3Q4W5X6Y7Z8A9B0C1D2E', SK: `DIARY#${onePage[0].entryId}` })).toString('base64url');
    for (const cursor of ['not-a-cursor!', 'bm90IGpzb24', foreign]) {
      const answer = await apiGet(endpoints, `${diaryPath()}?cursor=${encodeURIComponent(cursor)}`, ana);
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.error.details[0].field).toBe('query.cursor');
    }
    // A team cursor is not a cursor of the open list.
    const teamCursor = (await apiGet(endpoints, `${diaryPath()}?limit=1`, ana)).body.nextCursor;
    expect((await apiGet(endpoints, `${diaryPath()}?cursor=${teamCursor}`, stranger)).status).toBe(400);
  });
});

describe('doubts and replies', () => {
  it('a doubt waits in every partner country’s inbox, oldest first, and not in another country’s', async () => {
    const first = await write(eva, { kind: 'doubt', visibility: 'private', title: 'How to grade the maps?', body: 'Groups or one by one?' });
    const second = await write(ana, { kind: 'doubt', visibility: 'restricted', title: 'Which tool for the timeline?', body: 'Any advice?' });
    const draft = await write(ana, { kind: 'doubt', visibility: 'hidden', title: 'A draft doubt', body: 'Not ready.' });
    for (const nss of [nssEs, nssFr]) {
      const ids = await inboxIds(nss);
      expect(ids.indexOf(first.entryId)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(second.entryId)).toBeGreaterThan(ids.indexOf(first.entryId));
      expect(ids).not.toContain(draft.entryId);
    }
    expect(await inboxIds(nssDe)).not.toContain(first.entryId);
    expect((await apiGet(endpoints, '/nss/diary?status=unanswered', ana)).status).toBe(403);
    expect((await apiGet(endpoints, '/nss/diary?cursor=not-a-cursor', nssEs)).status).toBe(400);
  });

  it('a teacher’s comment does not answer a doubt; the NSS’s answer does, the author is told, and the doubt leaves every inbox', async () => {
    const doubt = await write(eva, { kind: 'doubt', visibility: 'private', title: 'Assessing the field trip', body: 'Should pupils assess each other?' });
    const comment = await apiSend(endpoints, 'POST', `${diaryPath()}/${doubt.entryId}/replies`, ana, { body: ' I would try it. ' });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ answeredAt: null, replies: [{ body: 'I would try it.', author: { role: 'teacher' } }] });
    expect(await inboxIds(nssFr)).toContain(doubt.entryId);

    expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${doubt.entryId}/replies`, nssDe, { body: 'Let me answer.' })).status).toBe(403);
    const answered = await apiSend(endpoints, 'POST', `${diaryPath()}/${doubt.entryId}/replies`, nssEs, { body: 'Yes, with a simple rubric.' });
    expect(answered.status).toBe(201);
    expect(answered.body.answeredAt).toEqual(expect.any(String));
    expect(answered.body.replies.map((reply: { author: { role: string } }) => reply.author.role)).toEqual(['teacher', 'nss']);

    expect(await inboxIds(nssEs)).not.toContain(doubt.entryId);
    expect(await inboxIds(nssFr)).not.toContain(doubt.entryId);
    const notifications = await apiGet(endpoints, '/me/notifications', eva);
    expect(notifications.body.items).toContainEqual(expect.objectContaining({ topic: 'diary-reply', body: 'Yes, with a simple rubric.' }));
    expect(notifications.body.items).toContainEqual(expect.objectContaining({ topic: 'diary-reply', body: 'I would try it.' }));
    const reread = (await readAll(eva)).find((entry) => entry.entryId === doubt.entryId)!;
    expect(reread.replies.map((reply) => reply.body)).toEqual(['I would try it.', 'Yes, with a simple rubric.']);
    expect(reread.answeredAt).toBe(answered.body.answeredAt);
  });

  it('teachers who flood a doubt with comments until it is full still leave room for the NSS’s answer', async () => {
    const doubt = await write(eva, { kind: 'doubt', visibility: 'private', title: 'A crowded doubt', body: 'Many opinions here.' });
    const repliesPath = `${diaryPath()}/${doubt.entryId}/replies`;
    // The longest comment a teacher may write, in 4-byte characters: the fewest requests to fill an entry.
    const longest = '🌊'.repeat(5_000);
    let comments = 0;
    for (;;) {
      const comment = await apiSend(endpoints, 'POST', repliesPath, comments % 2 ? ana : eva, { body: longest });
      if (comment.status === 409) break;
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
      comments += 1;
      expect(comments, 'the teachers were never refused').toBeLessThan(40);
    }
    expect(comments).toBeGreaterThan(0);

    const answered = await apiSend(endpoints, 'POST', repliesPath, nssEs, { body: longest });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect(answered.body.answeredAt).toEqual(expect.any(String));
    expect(answered.body.replies.at(-1).author.role).toBe('nss');
    expect(await inboxIds(nssFr)).not.toContain(doubt.entryId);
  });

  it('a reply must have a body, and its entry must exist', async () => {
    const entry = await write(ana, { kind: 'activity', visibility: 'private', title: 'Replies', body: 'Reply here.' });
    expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${entry.entryId}/replies`, eva, { body: '  ' })).status).toBe(400);
    expect((await apiSend(endpoints, 'POST', `${diaryPath()}/01JF8Z3Q4W5X6Y7Z8A9B0C1D2E/replies`, eva, { body: 'Hello?' })).status).toBe(404);
  });
});

describe('the export', () => {
  it('is one Markdown file or one printable page of the entries the caller reads, user text shown as text', async () => {
    await write(ana, { kind: 'assessment', visibility: 'restricted', title: 'Final <script>alert(1)</script> [link](http://x)', body: 'We are proud.' });
    const markdown = await fetch(`${endpoints.api}${diaryPath()}/export?format=md`, { headers: { authorization: `Bearer ${stranger}` } });
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await markdown.text();
    expect(text).toContain('# Project Diary: Diary of the river');
    expect(text).toContain('We are proud\\.');
    expect(text).toContain('\\[link\\]\\(http://x\\)');
    expect(text).not.toContain('A private entry');

    const html = await fetch(`${endpoints.api}${diaryPath()}/export?format=html`, { headers: { authorization: `Bearer ${ana}` } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('A private entry');
    expect((await apiGet(endpoints, `${diaryPath()}/export?format=pdf`, ana)).status).toBe(400);
    expect((await apiGet(endpoints, `${diaryPath()}/export`, space.members['pupil-member'].idToken)).status).toBe(403);
  });
});

describe('a closed project', () => {
  it('keeps its diary readable and refuses every write with 409', async () => {
    const doubt = await write(ana, { kind: 'doubt', visibility: 'private', title: 'Before closing', body: 'Last question.' });
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, ana)).status).toBe(200);
    try {
      expect((await apiSend(endpoints, 'POST', diaryPath(), ana, { kind: 'activity', visibility: 'private', title: 'Late', body: 'Too late.' })).status).toBe(409);
      expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${doubt.entryId}/replies`, nssEs, { body: 'Answer.' })).status).toBe(409);
      expect((await apiSend(endpoints, 'POST', `${diaryPath()}/${doubt.entryId}/replies`, eva, { body: 'Comment.' })).status).toBe(409);
      expect((await readAll(eva)).map((entry) => entry.entryId)).toContain(doubt.entryId);
    } finally {
      expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, ana)).status).toBe(200);
    }
  });
});
