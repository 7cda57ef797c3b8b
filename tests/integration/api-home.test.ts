/**
 * The TwinSpace home through the real HTTP API (issue 8, "Home: the latest
 * updates"): automatic entries written with their events, each shown only to
 * the types that read its area; members' posts, comments and likes (once per
 * member, also when sent at once); pinning; deletes; paging; the teachers'
 * board; a closed project's home read-only.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { TwinspaceType } from '../../functions/domain/twinspace-types.ts';
import { newTestAccount } from '../support/accounts.ts';
import { apiGet, apiSend } from '../support/clients.ts';
import { labelApplicationForm } from '../support/labels.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
let space: TestTwinspace;
let home: string;
let board: string;

const member = (type: TwinspaceType) => space.members[type];
const token = (type: TwinspaceType) => member(type).idToken!;
const writers: TwinspaceType[] = ['teacher-admin', 'member-teacher', 'pupil-admin', 'pupil-member'];

type Entry = Record<string, any> & { entryId: string; kind: string };

/** The whole home as one caller reads it: the pinned posts and every page's items, following nextCursor. */
async function wholeHome(idToken: string, limit = 100): Promise<{ pinned: Entry[]; items: Entry[]; pages: number }> {
  const items: Entry[] = [];
  let pinned: Entry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { status: number; body: { pinned: Entry[]; items: Entry[]; nextCursor: string | null } } = await apiGet(
      endpoints,
      `${home}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      idToken,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    if (pages === 0) pinned = page.body.pinned;
    else expect(page.body.pinned).toEqual([]);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { pinned, items, pages };
}

const post = (caller: TwinspaceCaller, body: string) => apiSend(endpoints, 'POST', `${home}/posts`, caller.idToken, { body });
async function postOf(type: TwinspaceType, postId: string): Promise<Entry | undefined> {
  const { pinned, items } = await wholeHome(token(type));
  return [...pinned, ...items].find((entry) => entry.entryId === postId);
}

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'The home of the rivers');
  home = `/projects/${space.projectId}/home`;
  board = `/projects/${space.projectId}/board`;
});

describe('automatic entries', () => {
  it('shows every member joined, to every type, a pupil by first name only', async () => {
    for (const type of [...writers, 'visitor'] as TwinspaceType[]) {
      const joined = (await wholeHome(token(type))).items.filter((entry) => entry.kind === 'member-joined');
      const names = Object.fromEntries(joined.map((entry) => [entry.member.userId, entry.member.name]));
      expect(names[member('pupil-member').userId!], type).toBe('Pablo');
      expect(names[member('pupil-admin').userId!], type).toBe('Lucía');
      expect(names[member('member-teacher').userId!], type).toBeDefined();
      expect(JSON.stringify(joined)).not.toContain('Ortega');
      expect(joined.every((entry) => entry.area === 'public')).toBe(true);
    }
  });

  it("shows a page published to the types that read its area: a teachers'-area page never to pupils or visitors", async () => {
    const publish = async (type: TwinspaceType, area: string, title: string) => {
      const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, token(type), { area, title, body: 'Text.' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const published = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages/${created.body.pageId}/publish`, token(type));
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      return created.body.pageId as string;
    };
    const teachersPage = await publish('teacher-admin', 'teachers', 'Assessment grid for teachers');
    const publicPage = await publish('member-teacher', 'public', 'Our rivers on a map');
    const pupilsPage = await publish('pupil-admin', 'pupils', 'What we found at the river bank');
    // A draft and an edit of a published page are not news.
    const draft = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/pages`, token('teacher-admin'), { area: 'public', title: 'A draft', body: '' });
    expect(draft.status).toBe(201);
    const edited = await apiSend(endpoints, 'PUT', `/projects/${space.projectId}/pages/${publicPage}`, token('member-teacher'), { version: 2, title: 'Our rivers on a big map' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const pagesSeenBy = async (type: TwinspaceType) =>
      (await wholeHome(token(type))).items.filter((entry) => entry.kind === 'page-published').map((entry) => entry.page.pageId as string);
    for (const type of ['teacher-admin', 'member-teacher'] as TwinspaceType[]) expect((await pagesSeenBy(type)).sort()).toEqual([teachersPage, publicPage, pupilsPage].sort());
    for (const type of ['pupil-admin', 'pupil-member'] as TwinspaceType[]) expect((await pagesSeenBy(type)).sort()).toEqual([publicPage, pupilsPage].sort());
    expect(await pagesSeenBy('visitor')).toEqual([publicPage]);

    const entry = (await wholeHome(token('pupil-member'))).items.find((found) => found.kind === 'page-published' && found.page.pageId === pupilsPage)!;
    expect(entry).toMatchObject({ area: 'pupils', page: { title: 'What we found at the river bank' }, by: { userId: member('pupil-admin').userId, name: 'Lucía' } });
  });

  it("shows a thread opened in the teachers' forum only to teachers, one in the pupils' forum not to visitors", async () => {
    const openThread = async (area: string, title: string) => {
      const discussion = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/forum/discussions`, token('teacher-admin'), { area, title: `${title} (discussion)`, body: 'Let us talk.' });
      expect(discussion.status).toBe(201);
      const thread = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/forum/discussions/${discussion.body.discussionId}/threads`, token('member-teacher'), { title, body: 'First words.' });
      expect(thread.status, JSON.stringify(thread.body)).toBe(201);
      return thread.body.threadId as string;
    };
    const teachersThread = await openThread('teachers', 'Marks for the river project');
    const pupilsThread = await openThread('pupils', 'Fish we saw');
    const threadsSeenBy = async (type: TwinspaceType) =>
      (await wholeHome(token(type))).items.filter((entry) => entry.kind === 'thread-opened').map((entry) => entry.thread.threadId as string);
    expect((await threadsSeenBy('member-teacher')).sort()).toEqual([teachersThread, pupilsThread].sort());
    expect(await threadsSeenBy('pupil-member')).toEqual([pupilsThread]);
    expect(await threadsSeenBy('pupil-admin')).toEqual([pupilsThread]);
    expect(await threadsSeenBy('visitor')).toEqual([]);
  });

  it('shows an event added to the agenda to every type', async () => {
    const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/agenda`, token('member-teacher'), {
      title: 'Video call with Nantes',
      startsAt: '2027-02-01T09:00:00Z',
      endsAt: '2027-02-01T10:00:00Z',
    });
    expect(added.status).toBe(201);
    for (const type of [...writers, 'visitor'] as TwinspaceType[]) {
      const entry = (await wholeHome(token(type))).items.find((found) => found.kind === 'event-added' && found.event.eventId === added.body.eventId);
      expect(entry, type).toMatchObject({ area: 'public', event: { title: 'Video call with Nantes', startsAt: '2027-02-01T09:00:00.000Z' } });
    }
  });

  it('shows a label granted to every type, with its country and no name', async () => {
    const country = 'PT';
    const teacher = await newTestAccount(endpoints, { kind: 'teacher', country, displayName: 'Rita Sousa', extra: { schoolId: '01JG3SCHOOLPORTO0000000000', school: 'Escola do Rio' } });
    const evaluator = await newTestAccount(endpoints, { kind: 'evaluator', country, displayName: 'Paulo Avaliador' });
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, token('teacher-admin'), { username: teacher.username, type: 'member-teacher' })).status).toBe(201);
    const applied = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, teacher.idToken, labelApplicationForm(space.projectId));
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const scores = { collaboration: 4, technology: 4, pedagogy: 4, curriculum: 4, results: 4 };
    const feedback = { collaboration: 'Good.', technology: 'Good.', pedagogy: 'Good.', curriculum: 'Good.', results: 'Good.' };
    const evaluated = await apiSend(endpoints, 'POST', `/labels/${applied.body.labelId}/evaluation`, evaluator.idToken, { scores, mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 }, feedback });
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
    for (const type of ['pupil-member', 'visitor'] as TwinspaceType[]) {
      const granted = (await wholeHome(token(type))).items.filter((entry) => entry.kind === 'label-granted');
      expect(granted, type).toEqual([expect.objectContaining({ area: 'public', label: { labelId: applied.body.labelId, country } })]);
      expect(JSON.stringify(granted)).not.toContain('Rita');
    }
  });
});

describe("members' posts", () => {
  it('lets teachers and pupils post, pupils by first name; a visitor writes no post', async () => {
    for (const type of writers) {
      const written = await post(member(type), `  Hello from ${type}  `);
      expect(written.status, JSON.stringify(written.body)).toBe(201);
      expect(written.body).toMatchObject({ kind: 'post', area: 'public', body: `Hello from ${type}`, likeCount: 0, commentCount: 0, pinned: false, likedByMe: false });
      expect(written.body.author.userId).toBe(member(type).userId);
    }
    const pupilPost = (await wholeHome(token('visitor'))).items.find((entry) => entry.kind === 'post' && entry.author.userId === member('pupil-member').userId)!;
    expect(pupilPost.author.name).toBe('Pablo');
    const refused = await post(member('visitor'), 'A visitor writes');
    expect(refused.status).toBe(403);
  });

  it('refuses an empty post and one over 5,000 characters, and takes text as it is', async () => {
    expect((await post(member('teacher-admin'), '   ')).status).toBe(400);
    expect((await post(member('teacher-admin'), 'x'.repeat(5_001))).status).toBe(400);
    const markup = await post(member('pupil-member'), '<b>bold</b> & <script>alert(1)</script>');
    expect(markup.status).toBe(201);
    expect(markup.body.body).toBe('<b>bold</b> & <script>alert(1)</script>');
    expect((await post(member('teacher-admin'), 'é'.repeat(5_000))).status).toBe(201);
  });

  it('lists the home newest first, paged with a cursor the API checks', async () => {
    const whole = await wholeHome(token('teacher-admin'));
    const ids = whole.items.map((entry) => entry.entryId);
    expect(ids).toEqual([...ids].sort().reverse());
    const paged = await wholeHome(token('teacher-admin'), 3);
    expect(paged.pages).toBeGreaterThan(3);
    expect(paged.items.map((entry) => entry.entryId)).toEqual(ids);
    const tampered = await apiGet(endpoints, `${home}?cursor=${Buffer.from(JSON.stringify({ PK: 'PROJECT#other', SK: 'FEED#x' })).toString('base64url')}`, token('teacher-admin'));
    expect(tampered.status).toBe(400);
    expect((await apiGet(endpoints, `${home}?cursor=not-a-cursor!`, token('teacher-admin'))).status).toBe(400);
  });

  it('refuses the home to outsiders', async () => {
    for (const outsider of space.outsiders) expect((await apiGet(endpoints, home, outsider.idToken)).status, outsider.name).toBe(outsider.idToken ? 403 : 401);
  });
});

describe('comments', () => {
  let postId: string;

  beforeAll(async () => {
    postId = (await post(member('member-teacher'), 'What did you see at the river?')).body.entryId;
  });

  it('lets teachers and pupils comment, every member read them oldest first; a visitor comments not', async () => {
    for (const type of writers) {
      const written = await apiSend(endpoints, 'POST', `${home}/posts/${postId}/comments`, token(type), { body: `I saw a heron (${type})` });
      expect(written.status, JSON.stringify(written.body)).toBe(201);
    }
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${postId}/comments`, token('visitor'), { body: 'A visitor comments' })).status).toBe(403);
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${postId}/comments`, token('pupil-member'), { body: 'x'.repeat(2_001) })).status).toBe(400);
    const listed = await apiGet(endpoints, `${home}/posts/${postId}/comments`, token('visitor'));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((comment: { body: string }) => comment.body)).toEqual(writers.map((type) => `I saw a heron (${type})`));
    expect(listed.body.items[3].author).toEqual({ userId: member('pupil-member').userId, name: 'Pablo', type: 'pupil-member' });
    const paged = await apiGet(endpoints, `${home}/posts/${postId}/comments?limit=2`, token('pupil-admin'));
    expect(paged.body.items).toHaveLength(2);
    const rest = await apiGet(endpoints, `${home}/posts/${postId}/comments?limit=2&cursor=${paged.body.nextCursor}`, token('pupil-admin'));
    expect(rest.body.items.map((comment: { body: string }) => comment.body)).toEqual([`I saw a heron (pupil-admin)`, `I saw a heron (pupil-member)`]);
    expect((await postOf('pupil-member', postId))!.commentCount).toBe(4);
  });

  it('lets an author delete their comment and a teacher administrator any; nobody else', async () => {
    const listed = (await apiGet(endpoints, `${home}/posts/${postId}/comments`, token('teacher-admin'))).body.items as { commentId: string; author: { type: string } }[];
    const of = (type: string) => listed.find((comment) => comment.author.type === type)!.commentId;
    const remove = (type: TwinspaceType, commentId: string) => apiSend(endpoints, 'DELETE', `${home}/posts/${postId}/comments/${commentId}`, token(type));
    expect((await remove('member-teacher', of('pupil-member'))).status).toBe(403);
    expect((await remove('pupil-admin', of('pupil-member'))).status).toBe(403);
    expect((await remove('visitor', of('pupil-member'))).status).toBe(403);
    expect((await remove('pupil-member', of('pupil-member'))).status).toBe(204);
    expect((await remove('teacher-admin', of('member-teacher'))).status).toBe(204);
    expect((await remove('teacher-admin', of('member-teacher'))).status).toBe(404);
    expect((await postOf('visitor', postId))!.commentCount).toBe(2);
  });

  it('answers 404 for comments of a post that is not there', async () => {
    expect((await apiGet(endpoints, `${home}/posts/01JG2K7M9P3Q5R7S9T1V3W5X7Y/comments`, token('pupil-member'))).status).toBe(404);
    expect((await apiSend(endpoints, 'POST', `${home}/posts/01JG2K7M9P3Q5R7S9T1V3W5X7Y/comments`, token('pupil-member'), { body: 'Hello?' })).status).toBe(404);
  });
});

describe('likes', () => {
  let postId: string;

  beforeAll(async () => {
    postId = (await post(member('pupil-admin'), 'Our river drawing is finished!')).body.entryId;
  });

  it('counts one like per member, also when one member sends eight at once', async () => {
    const likes = await Promise.all(Array.from({ length: 8 }, () => apiSend(endpoints, 'PUT', `${home}/posts/${postId}/like`, token('pupil-member'))));
    expect(likes.map((like) => like.status)).toEqual(Array(8).fill(204));
    const seen = (await postOf('pupil-member', postId))!;
    expect(seen).toMatchObject({ likeCount: 1, likedByMe: true });
    expect((await postOf('pupil-admin', postId))!.likedByMe).toBe(false);
  });

  it('counts each member once when different members like at once, twice each', async () => {
    const likers = [member('teacher-admin'), space.secondFounder, member('member-teacher'), member('pupil-admin'), member('pupil-member')];
    const likes = await Promise.all([...likers, ...likers].map((liker) => apiSend(endpoints, 'PUT', `${home}/posts/${postId}/like`, liker.idToken)));
    expect(likes.map((like) => like.status)).toEqual(Array(10).fill(204));
    expect((await postOf('visitor', postId))!).toMatchObject({ likeCount: 5, likedByMe: false });
  });

  it('lets a member take back their like (once), and refuses a visitor', async () => {
    const unlikes = await Promise.all(Array.from({ length: 4 }, () => apiSend(endpoints, 'DELETE', `${home}/posts/${postId}/like`, token('pupil-member'))));
    expect(unlikes.map((unlike) => unlike.status)).toEqual(Array(4).fill(204));
    expect((await postOf('pupil-member', postId))!).toMatchObject({ likeCount: 4, likedByMe: false });
    expect((await apiSend(endpoints, 'PUT', `${home}/posts/${postId}/like`, token('visitor'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${postId}/like`, token('visitor'))).status).toBe(403);
    expect((await apiSend(endpoints, 'PUT', `${home}/posts/01JG2K7M9P3Q5R7S9T1V3W5X7Y/like`, token('pupil-member'))).status).toBe(404);
  });
});

describe('pinning', () => {
  it('lets a teacher administrator pin posts on top (most recently pinned first) and unpin them; nobody else', async () => {
    const first = (await post(member('member-teacher'), 'Pinned: the project calendar')).body.entryId;
    const second = (await post(member('pupil-member'), 'Pinned: our song')).body.entryId;
    for (const type of ['member-teacher', 'pupil-admin', 'pupil-member', 'visitor'] as TwinspaceType[]) {
      expect((await apiSend(endpoints, 'POST', `${home}/posts/${first}/pin`, token(type))).status, type).toBe(403);
    }
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${first}/pin`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${first}/pin`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${second}/pin`, space.secondFounder.idToken)).status).toBe(204);
    // Newer entries come after the pinned ones.
    const newer = (await post(member('pupil-admin'), 'Not pinned, but newest')).body.entryId;

    for (const type of [...writers, 'visitor'] as TwinspaceType[]) {
      const page = (await apiGet(endpoints, `${home}?limit=5`, token(type))).body;
      expect(page.pinned.map((entry: Entry) => entry.entryId), type).toEqual([second, first]);
      expect(page.pinned.every((entry: Entry) => entry.pinned)).toBe(true);
      expect(page.items[0].entryId, type).toBe(newer);
      const whole = await wholeHome(token(type));
      expect(whole.items.map((entry) => entry.entryId)).not.toContain(first);
    }

    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${second}/pin`, token('member-teacher'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${second}/pin`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${second}/pin`, token('teacher-admin'))).status).toBe(204);
    const after = await wholeHome(token('pupil-member'));
    expect(after.pinned.map((entry) => entry.entryId)).toEqual([first]);
    expect(after.items.find((entry) => entry.entryId === second)).toMatchObject({ pinned: false });
  });

  it('pins at most ten posts at once', async () => {
    const pinnedNow = (await wholeHome(token('teacher-admin'))).pinned.length;
    const extra = await Promise.all(Array.from({ length: 11 - pinnedNow }, (_, index) => post(member('teacher-admin'), `Notice ${index}`)));
    const pins = await Promise.all(extra.map((written) => apiSend(endpoints, 'POST', `${home}/posts/${written.body.entryId}/pin`, token('teacher-admin'))));
    expect(pins.filter((pin) => pin.status === 204)).toHaveLength(10 - pinnedNow);
    const refused = pins.filter((pin) => pin.status === 409);
    expect(refused).toHaveLength(1);
    expect(refused[0].body.error.message).toBe('Ten posts are pinned already: unpin one first.');
    const top = await wholeHome(token('visitor'));
    expect(top.pinned).toHaveLength(10);
    // Unpin them all again, so the counter frees up.
    for (const entry of top.pinned) expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${entry.entryId}/pin`, token('teacher-admin'))).status).toBe(204);
    expect((await wholeHome(token('visitor'))).pinned).toEqual([]);
  });
});

describe('deleting posts', () => {
  it('lets an author delete their own post (with its comments and likes), a teacher administrator any, nobody else', async () => {
    const mine = (await post(member('pupil-member'), 'I will take this back')).body.entryId;
    const others = (await post(member('pupil-admin'), 'Someone else deletes this')).body.entryId;
    await apiSend(endpoints, 'POST', `${home}/posts/${mine}/comments`, token('teacher-admin'), { body: 'Nice!' });
    await apiSend(endpoints, 'PUT', `${home}/posts/${mine}/like`, token('teacher-admin'));
    for (const type of ['member-teacher', 'pupil-member', 'visitor'] as TwinspaceType[]) {
      expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${others}`, token(type))).status, type).toBe(403);
    }
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${mine}`, token('pupil-member'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${mine}`, token('pupil-member'))).status).toBe(404);
    expect((await apiGet(endpoints, `${home}/posts/${mine}/comments`, token('teacher-admin'))).status).toBe(404);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${others}`, token('teacher-admin'))).status).toBe(204);
    const ids = (await wholeHome(token('teacher-admin'))).items.map((entry) => entry.entryId);
    expect(ids).not.toContain(mine);
    expect(ids).not.toContain(others);
  });

  it('lets a teacher administrator delete a pinned post (the pin goes with it) and an automatic entry; hides a teachers-area entry from a pupil as not found', async () => {
    const pinned = (await post(member('member-teacher'), 'Pinned, then deleted')).body.entryId;
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${pinned}/pin`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${pinned}`, token('member-teacher'))).status).toBe(204);
    expect((await wholeHome(token('visitor'))).pinned.map((entry) => entry.entryId)).not.toContain(pinned);

    const entries = (await wholeHome(token('teacher-admin'))).items;
    const teachersOnly = entries.find((entry) => entry.area === 'teachers')!;
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${teachersOnly.entryId}`, token('pupil-admin'))).status).toBe(404);
    const joined = entries.find((entry) => entry.kind === 'member-joined')!;
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${joined.entryId}`, token('member-teacher'))).status).toBe(403);
    expect((await apiSend(endpoints, 'POST', `${home}/posts/${joined.entryId}/pin`, token('teacher-admin'))).status).toBe(404);
    expect((await apiSend(endpoints, 'DELETE', `${home}/posts/${joined.entryId}`, token('teacher-admin'))).status).toBe(204);
  });
});

describe("the teachers' board", () => {
  it("lets the project's teachers write and read notes, newest first; pupils and visitors neither", async () => {
    const first = await apiSend(endpoints, 'POST', board, token('teacher-admin'), { body: 'Parents’ consent forms by Friday.' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await apiSend(endpoints, 'POST', board, token('member-teacher'), { body: 'I will book the video room.' });
    expect(second.status).toBe(201);
    const listed = await apiGet(endpoints, board, token('member-teacher'));
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((note: { noteId: string }) => note.noteId)).toEqual([second.body.noteId, first.body.noteId]);
    const paged = await apiGet(endpoints, `${board}?limit=1`, token('teacher-admin'));
    expect((await apiGet(endpoints, `${board}?limit=1&cursor=${paged.body.nextCursor}`, token('teacher-admin'))).body.items[0].noteId).toBe(first.body.noteId);
    for (const type of ['pupil-admin', 'pupil-member', 'visitor'] as TwinspaceType[]) {
      expect((await apiGet(endpoints, board, token(type))).status, type).toBe(403);
      expect((await apiSend(endpoints, 'POST', board, token(type), { body: 'Hello teachers' })).status, type).toBe(403);
    }
    // Board notes are not on the home.
    expect(JSON.stringify((await wholeHome(token('teacher-admin'))).items)).not.toContain('video room');
  });

  it('lets a note be deleted by its author or a teacher administrator', async () => {
    const ana = await apiSend(endpoints, 'POST', board, token('teacher-admin'), { body: 'Ana’s note' });
    const eva = await apiSend(endpoints, 'POST', board, token('member-teacher'), { body: 'Eva’s note' });
    const eva2 = await apiSend(endpoints, 'POST', board, token('member-teacher'), { body: 'Eva’s second note' });
    expect((await apiSend(endpoints, 'DELETE', `${board}/${ana.body.noteId}`, token('member-teacher'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${board}/${eva.body.noteId}`, token('pupil-admin'))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${board}/${eva.body.noteId}`, token('member-teacher'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${board}/${eva2.body.noteId}`, token('teacher-admin'))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', `${board}/${eva2.body.noteId}`, token('teacher-admin'))).status).toBe(404);
    expect((await apiSend(endpoints, 'DELETE', `${board}/${ana.body.noteId}`, token('teacher-admin'))).status).toBe(204);
  });
});

describe('a closed project', () => {
  it('keeps its home readable and takes no post, comment, like, pin or note (409)', async () => {
    const postId = (await post(member('member-teacher'), 'Before closing')).body.entryId;
    expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/close`, token('teacher-admin'))).status).toBe(200);
    try {
      expect((await apiGet(endpoints, home, token('visitor'))).status).toBe(200);
      expect((await apiGet(endpoints, `${home}/posts/${postId}/comments`, token('pupil-member'))).status).toBe(200);
      expect((await apiGet(endpoints, board, token('member-teacher'))).status).toBe(200);
      const writes = [
        post(member('pupil-member'), 'After closing'),
        apiSend(endpoints, 'POST', `${home}/posts/${postId}/comments`, token('pupil-member'), { body: 'Closed?' }),
        apiSend(endpoints, 'PUT', `${home}/posts/${postId}/like`, token('pupil-member')),
        apiSend(endpoints, 'DELETE', `${home}/posts/${postId}/like`, token('pupil-member')),
        apiSend(endpoints, 'POST', `${home}/posts/${postId}/pin`, token('teacher-admin')),
        apiSend(endpoints, 'DELETE', `${home}/posts/${postId}`, token('member-teacher')),
        apiSend(endpoints, 'POST', board, token('member-teacher'), { body: 'Closed board' }),
      ];
      for (const answer of await Promise.all(writes)) {
        expect(answer.status).toBe(409);
        expect(answer.body.error.message).toBe('The project is closed: its TwinSpace is read-only.');
      }
    } finally {
      expect((await apiSend(endpoints, 'POST', `/projects/${space.projectId}/reopen`, token('teacher-admin'))).status).toBe(200);
    }
  });
});
