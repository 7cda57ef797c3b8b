/**
 * The pupil guard on TwinSpace pages (issue 12), through the real HTTP API: a
 * pupil's page (new, or an edit) whose title or text carries personal data is
 * held — nothing is written, nobody else sees it, the project's teachers are
 * told — until a teacher releases it as written (the page appears as the
 * pupil's, with the route's side effects), edits it (the teacher's text
 * appears) or deletes it (it never appears); the pupil is told each outcome.
 * An edit held while the page changed cannot be released. A teacher writing
 * personal data where pupils read is warned first; harmless text full of
 * numbers is written at once.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, type ApiAnswer } from '../support/clients.ts';
import {
  deleteHeld,
  emailText,
  expectHeld,
  expectWarning,
  harmlessText,
  heldNotices,
  heldQueue,
  notificationsOf,
  outcomesTold,
  phoneText,
  release,
  teachersOf,
} from '../support/guard-surfaces.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let pupil: TwinspaceCaller;
let ana: TwinspaceCaller;

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Guarded pages of the rivers');
  pupil = space.members['pupil-member'];
  ana = space.members['teacher-admin'];
});

const pagesPath = () => `/projects/${space.projectId}/pages`;
const create = (who: TwinspaceCaller, page: Record<string, unknown>) => apiSend(endpoints, 'POST', pagesPath(), who.idToken, page);
const update = (who: TwinspaceCaller, pageId: string, edit: Record<string, unknown>) => apiSend(endpoints, 'PUT', `${pagesPath()}/${pageId}`, who.idToken, edit);
const readPage = (who: TwinspaceCaller, pageId: string) => apiGet(endpoints, `${pagesPath()}/${pageId}`, who.idToken);

/** Every page of an area a member sees, published and drafts. */
async function pagesSeenBy(who: TwinspaceCaller, area: string): Promise<{ pageId: string; title: string; body: string; authorId: string; authorName: string }[]> {
  const [published, drafts] = await Promise.all(['published', 'draft'].map((status) => apiGet(endpoints, `${pagesPath()}?area=${area}&status=${status}&limit=100`, who.idToken)));
  return [...published.body.items, ...drafts.body.items];
}

const titled = async (who: TwinspaceCaller, area: string, title: string) => (await pagesSeenBy(who, area)).filter((page) => page.title === title);

/** A pupil's new page with a phone number in its text: held. */
async function heldPage(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  return expectHeld(await create(pupil, { area: 'pupils', title, body: phoneText, ...extra }), 'page-create', 'phone');
}

describe("a pupil's new page with personal data", () => {
  let heldId: string;
  const title = 'Our trip to the estuary';

  beforeAll(async () => {
    heldId = await heldPage(title, { submittedForPublishing: true });
  });

  it('is held: nobody sees the page, not even its author, and nobody is told of a page to publish', async () => {
    for (const member of [pupil, space.members['pupil-admin'], ...teachersOf(space)]) {
      expect(await titled(member, 'pupils', title), member.name).toEqual([]);
    }
    const submitted = (await notificationsOf(endpoints, ana)).filter((notice) => notice.topic === 'page-submitted' && notice.params?.page === title);
    expect(submitted).toEqual([]);
  });

  it("tells each of the project's teachers, and no pupil or visitor", async () => {
    for (const teacher of teachersOf(space)) {
      const told = await heldNotices(endpoints, teacher, 'pupil-text-held', heldId);
      expect(told, teacher.name).toHaveLength(1);
      expect(told[0]!.params).toMatchObject({ projectId: space.projectId, heldId, surface: 'page-create' });
    }
    for (const other of [pupil, space.members['pupil-admin'], space.members.visitor]) {
      expect(await heldNotices(endpoints, other, 'pupil-text-held', heldId), other.name).toEqual([]);
    }
  });

  it('waits in the queue with the number found in the text', async () => {
    const waiting = (await heldQueue(endpoints, space)).find((held) => held.heldId === heldId);
    expect(waiting).toMatchObject({ surface: 'page-create', authorId: pupil.userId });
    const body = waiting!.fields.find((field) => field.field === 'body')!;
    expect(body.text).toBe(phoneText);
    const found = body.findings.find((finding) => finding.kind === 'phone')!;
    expect(body.text.slice(found.start, found.end).replace(/\D/g, '')).toContain('612345678');
  });

  it("released: the page appears as the pupil's, submitted, and the teachers are told it waits for publishing; the pupil is told", async () => {
    const released = await release(endpoints, space, heldId);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    const [page] = await titled(ana, 'pupils', title);
    expect(page).toMatchObject({ authorId: pupil.userId, authorName: 'Pablo', body: phoneText, status: 'draft', submittedForPublishing: true });
    expect(await titled(pupil, 'pupils', title)).toHaveLength(1);
    for (const teacher of teachersOf(space)) {
      const submitted = (await notificationsOf(endpoints, teacher)).filter((notice) => notice.topic === 'page-submitted' && notice.subjectId === page!.pageId);
      expect(submitted, teacher.name).toHaveLength(1);
    }
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['released']);
    expect((await heldQueue(endpoints, space)).map((held) => held.heldId)).not.toContain(heldId);
  });
});

describe('a teacher decides otherwise', () => {
  it("edited: the teacher's text appears in place of the pupil's, and the pupil is told", async () => {
    const title = 'Fish we counted';
    const heldId = await heldPage(title);
    const edited = await release(endpoints, space, heldId, [{ field: 'body', text: 'We counted the fish at the weir.' }]);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const [page] = await titled(ana, 'pupils', title);
    expect(page).toMatchObject({ authorId: pupil.userId, body: 'We counted the fish at the weir.' });
    expect(JSON.stringify(page)).not.toContain('612');
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['edited']);
  });

  it('deleted: the page never appears, a later release is refused, and the pupil is told', async () => {
    const title = 'Where I live';
    const heldId = await heldPage(title);
    expect((await deleteHeld(endpoints, space, heldId)).status).toBe(200);
    expect((await release(endpoints, space, heldId)).status).toBe(409);
    for (const member of [pupil, ...teachersOf(space)]) expect(await titled(member, 'pupils', title), member.name).toEqual([]);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['deleted']);
  });
});

describe("a pupil's edit of their page", () => {
  let pageId: string;

  beforeAll(async () => {
    const created = await create(pupil, { area: 'pupils', title: 'Water temperatures', body: harmlessText });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pageId = created.body.pageId;
  });

  it('with harmless numbers is saved at once', async () => {
    expect((await readPage(ana, pageId)).body).toMatchObject({ body: harmlessText, version: 1 });
  });

  it('with an e-mail address is held: the page stays as it was until a teacher releases the edit', async () => {
    const heldId = expectHeld(await update(pupil, pageId, { version: 1, body: emailText }), 'page-update', 'email');
    expect((await readPage(pupil, pageId)).body).toMatchObject({ body: harmlessText, version: 1 });
    expect((await release(endpoints, space, heldId)).status).toBe(200);
    expect((await readPage(ana, pageId)).body).toMatchObject({ body: emailText, version: 2, authorId: pupil.userId });
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual(['released']);
  });

  it('held, then the page changed: the release is refused and nothing changes; the text still waits', async () => {
    const before: ApiAnswer = await readPage(ana, pageId);
    const heldId = expectHeld(await update(pupil, pageId, { version: before.body.version, title: 'Call me', body: phoneText }), 'page-update', 'phone');
    const teacherEdit = await update(ana, pageId, { version: before.body.version, body: 'The teacher tidied this page.' });
    expect(teacherEdit.status).toBe(200);
    const refused = await release(endpoints, space, heldId);
    expect(refused.status).toBe(409);
    expect((await readPage(ana, pageId)).body).toMatchObject({ title: 'Water temperatures', body: 'The teacher tidied this page.', version: before.body.version + 1 });
    expect((await heldQueue(endpoints, space)).map((held) => held.heldId)).toContain(heldId);
    expect(await outcomesTold(endpoints, pupil, heldId)).toEqual([]);
  });
});

describe('a teacher writing personal data', () => {
  it("in the pupils' area is warned and nothing is written; acknowledged, it is written", async () => {
    const page = { area: 'pupils', title: 'Trip contacts', body: phoneText };
    expectWarning(await create(ana, page), 'body', 'phone');
    expect(await titled(ana, 'pupils', 'Trip contacts')).toEqual([]);
    const acknowledged = await create(ana, { ...page, acknowledgePersonalData: true });
    expect(acknowledged.status).toBe(201);
    expect(await titled(ana, 'pupils', 'Trip contacts')).toHaveLength(1);
  });

  it("in the teachers' area is never checked", async () => {
    expect((await create(ana, { area: 'teachers', title: 'Our numbers', body: phoneText })).status).toBe(201);
  });

  it("is never held: the teacher's page is not queued", async () => {
    const queued = (await heldQueue(endpoints, space)).filter((held) => held.authorId === ana.userId);
    expect(queued).toEqual([]);
  });
});
