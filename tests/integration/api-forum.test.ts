/**
 * The TwinSpace forum through the real HTTP API, in TwinSpaces of its own
 * (tests/support/twinspace.ts): a whole conversation in the pupils' forum,
 * the teachers' forum closed to pupils, visitors kept out, ids of another
 * project not found, a closed project read-only, paging and validation.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listReplies } from '../../functions/data/forum.ts';
import { apiGet, apiSend, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');

let space: TestTwinspace;
let other: TestTwinspace;

beforeAll(async () => {
  [space, other] = await Promise.all([newTwinspace(endpoints, 'Forum rivers'), newTwinspace(endpoints, 'Forum mountains')]);
});

const as = (caller: TwinspaceCaller) => caller.idToken;
const forum = (projectId: string) => `/projects/${projectId}/forum`;
const fields = (answer: ApiAnswer) => answer.body.error.details.map((detail: { field: string }) => detail.field).sort();

async function openDiscussion(caller: TwinspaceCaller, area: 'pupils' | 'teachers', title: string, projectId = space.projectId) {
  const answer = await apiSend(endpoints, 'POST', `${forum(projectId)}/discussions`, as(caller), { area, title, body: `About ${title}.` });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.discussionId as string;
}

async function openThread(caller: TwinspaceCaller, discussionId: string, title: string, projectId = space.projectId) {
  const answer = await apiSend(endpoints, 'POST', `${forum(projectId)}/discussions/${discussionId}/threads`, as(caller), { title, body: `On ${title}.` });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.threadId as string;
}

async function reply(caller: TwinspaceCaller, threadId: string, body: string, projectId = space.projectId) {
  const answer = await apiSend(endpoints, 'POST', `${forum(projectId)}/threads/${threadId}/replies`, as(caller), { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** Every item of a list, following nextCursor. */
async function everything(path: string, caller: TwinspaceCaller, limit = 2): Promise<any[]> {
  const items = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: ApiAnswer = await apiGet(endpoints, `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, as(caller));
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('a conversation in the pupils’ forum', () => {
  it('goes from a teacher’s discussion to a pupil’s thread and everyone’s replies, pupils named by first name', async () => {
    const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Our rivers');
    const threadId = await openThread(lucia, discussionId, 'The Ebro');
    const fromPablo = await reply(pablo, threadId, '  I saw herons there!  ');
    expect(fromPablo).toMatchObject({ body: 'I saw herons there!', authorName: 'Pablo', authorType: 'pupil-member', authorId: pablo.userId });
    await reply(eva, threadId, 'Lovely. Which month?');
    await reply(lucia, threadId, 'In April.');

    const replies = await everything(`${forum(space.projectId)}/threads/${threadId}/replies`, ana);
    expect(replies.map((entry) => [entry.authorName, entry.body])).toEqual([
      ['Pablo', 'I saw herons there!'],
      ['Eva Rossi', 'Lovely. Which month?'],
      ['Lucía', 'In April.'],
    ]);

    const threads = await everything(`${forum(space.projectId)}/discussions/${discussionId}/threads`, pablo);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ threadId, title: 'The Ebro', authorName: 'Lucía', area: 'pupils', replyCount: 3 });
    expect(threads[0].lastActivityAt > threads[0].createdAt).toBe(true);

    const discussions = await everything(`${forum(space.projectId)}/discussions?area=pupils`, lucia, 50);
    expect(discussions.find((entry) => entry.discussionId === discussionId)).toMatchObject({ title: 'Our rivers', threadCount: 1, authorType: 'teacher-admin' });
  });

  it('lists threads newest first and replies oldest first, page by page', async () => {
    const { 'teacher-admin': ana, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Order');
    const threadIds = [await openThread(ana, discussionId, 'First'), await openThread(ana, discussionId, 'Second'), await openThread(ana, discussionId, 'Third')];
    const listed = await everything(`${forum(space.projectId)}/discussions/${discussionId}/threads`, pablo, 2);
    expect(listed.map((thread) => thread.threadId)).toEqual([...threadIds].reverse());

    for (const text of ['one', 'two', 'three', 'four', 'five']) await reply(pablo, threadIds[0], text);
    const replies = await everything(`${forum(space.projectId)}/threads/${threadIds[0]}/replies`, ana, 2);
    expect(replies.map((entry) => entry.body)).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('refuses a pupil member who opens a thread, and a pupil who opens a discussion', async () => {
    const { 'teacher-admin': ana, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Who may');
    const thread = await apiSend(endpoints, 'POST', `${forum(space.projectId)}/discussions/${discussionId}/threads`, as(pablo), { title: 'Mine', body: 'Hello' });
    expect(thread.status).toBe(403);
    const discussion = await apiSend(endpoints, 'POST', `${forum(space.projectId)}/discussions`, as(lucia), { area: 'pupils', title: 'Mine', body: 'Hello' });
    expect(discussion.status).toBe(403);
    expect(discussion.body.error.message).toBe("Only the project's teachers open forum discussions.");
  });
});

describe('the teachers’ forum', () => {
  it('is for the project’s teachers: pupils neither read nor write there', async () => {
    const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(eva, 'teachers', 'Planning the exchange');
    const threadId = await openThread(ana, discussionId, 'Dates');
    await reply(eva, threadId, 'May suits us.');

    const teachersList = await everything(`${forum(space.projectId)}/discussions?area=teachers`, ana, 50);
    expect(teachersList.map((entry) => entry.discussionId)).toContain(discussionId);
    const pupilsList = await everything(`${forum(space.projectId)}/discussions?area=pupils`, ana, 50);
    expect(pupilsList.map((entry) => entry.discussionId)).not.toContain(discussionId);

    for (const pupil of [lucia, pablo]) {
      const refusals = [
        await apiGet(endpoints, `${forum(space.projectId)}/discussions?area=teachers`, as(pupil)),
        await apiGet(endpoints, `${forum(space.projectId)}/discussions/${discussionId}/threads`, as(pupil)),
        await apiGet(endpoints, `${forum(space.projectId)}/threads/${threadId}/replies`, as(pupil)),
        await apiSend(endpoints, 'POST', `${forum(space.projectId)}/discussions/${discussionId}/threads`, as(pupil), { title: 'Hi', body: 'Hi' }),
        await apiSend(endpoints, 'POST', `${forum(space.projectId)}/threads/${threadId}/replies`, as(pupil), { body: 'Hi' }),
      ];
      expect(refusals.map((answer) => answer.status), pupil.name).toEqual([403, 403, 403, 403, 403]);
    }
    const replies = await everything(`${forum(space.projectId)}/threads/${threadId}/replies`, ana);
    expect(replies.map((entry) => entry.body)).toEqual(['May suits us.']);
  });
});

describe('who is kept out', () => {
  it('gives visitors and people outside the project nothing of the forum', async () => {
    const { 'teacher-admin': ana, visitor } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Not for visitors');
    const threadId = await openThread(ana, discussionId, 'Still not');
    for (const caller of [visitor, space.outsiders[0], space.outsiders[1]]) {
      const answers = [
        await apiGet(endpoints, `${forum(space.projectId)}/discussions?area=pupils`, as(caller)),
        await apiGet(endpoints, `${forum(space.projectId)}/discussions/${discussionId}/threads`, as(caller)),
        await apiGet(endpoints, `${forum(space.projectId)}/threads/${threadId}/replies`, as(caller)),
        await apiSend(endpoints, 'POST', `${forum(space.projectId)}/threads/${threadId}/replies`, as(caller), { body: 'Hello' }),
      ];
      expect(answers.map((answer) => answer.status), caller.name).toEqual([403, 403, 403, 403]);
    }
    const signedOut = await apiGet(endpoints, `${forum(space.projectId)}/discussions?area=pupils`);
    expect(signedOut.status).toBe(401);
  });

  it('does not find a discussion or thread of another project through this project’s path', async () => {
    const ana = space.members['teacher-admin'];
    const discussionId = await openDiscussion(ana, 'pupils', 'Only here');
    const threadId = await openThread(ana, discussionId, 'Only here too');
    // Ana is a teacher administrator of both projects: only the ids belong elsewhere.
    const answers = [
      await apiGet(endpoints, `${forum(other.projectId)}/discussions/${discussionId}/threads`, as(ana)),
      await apiGet(endpoints, `${forum(other.projectId)}/threads/${threadId}/replies`, as(ana)),
      await apiSend(endpoints, 'POST', `${forum(other.projectId)}/discussions/${discussionId}/threads`, as(ana), { title: 'Hi', body: 'Hi' }),
      await apiSend(endpoints, 'POST', `${forum(other.projectId)}/threads/${threadId}/replies`, as(ana), { body: 'Hi' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    const replies = await everything(`${forum(space.projectId)}/threads/${threadId}/replies`, ana);
    expect(replies).toEqual([]);
  });
});

describe('requests the forum refuses', () => {
  it('answers 400 naming each field for empty or too long text, and for a list without its area', async () => {
    const ana = space.members['teacher-admin'];
    const tooLong = await apiSend(endpoints, 'POST', `${forum(space.projectId)}/discussions`, as(ana), { area: 'pupils', title: 'x'.repeat(201), body: '   ' });
    expect(tooLong.status).toBe(400);
    expect(fields(tooLong)).toEqual(['body.body', 'body.title']);
    const publicArea = await apiSend(endpoints, 'POST', `${forum(space.projectId)}/discussions`, as(ana), { area: 'public', title: 'Hi', body: 'Hi' });
    expect(fields(publicArea)).toEqual(['body.area']);
    const noArea = await apiGet(endpoints, `${forum(space.projectId)}/discussions`, as(ana));
    expect(noArea.status).toBe(400);
    expect(fields(noArea)).toEqual(['query.area']);
  });

  it('answers 400 for a cursor it did not give out, or gave out for another list', async () => {
    const { 'teacher-admin': ana, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Cursors');
    const threadId = await openThread(ana, discussionId, 'Cursors');
    await reply(pablo, threadId, 'a');
    await reply(pablo, threadId, 'b');
    const firstPage = await apiGet(endpoints, `${forum(space.projectId)}/threads/${threadId}/replies?limit=1`, as(ana));
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));

    const garbage = await apiGet(endpoints, `${forum(space.projectId)}/threads/${threadId}/replies?cursor=not-a-cursor`, as(ana));
    expect(garbage.status).toBe(400);
    const elsewhere = await apiGet(endpoints, `${forum(space.projectId)}/discussions/${discussionId}/threads?cursor=${firstPage.body.nextCursor}`, as(ana));
    expect(elsewhere.status).toBe(400);
    expect(fields(elsewhere)).toEqual(['query.cursor']);
    const otherArea = await apiGet(endpoints, `${forum(space.projectId)}/discussions?area=teachers&cursor=${firstPage.body.nextCursor}`, as(ana));
    expect(otherArea.status).toBe(400);
  });

  it('answers 404 for an unknown project and an unknown discussion', async () => {
    const ana = space.members['teacher-admin'];
    const unknownProject = await apiGet(endpoints, `${forum('01JAAAAAAAAAAAAAAAAAAAAAAA')}/discussions?area=pupils`, as(ana));
    expect(unknownProject.status).toBe(404);
    const unknownDiscussion = await apiGet(endpoints, `${forum(space.projectId)}/discussions/01JAAAAAAAAAAAAAAAAAAAAAAA/threads`, as(ana));
    expect(unknownDiscussion.status).toBe(404);
  });
});

describe('moderation', () => {
  it('lets a teacher administrator delete anyone’s reply, and nobody else', async () => {
    const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Moderated');
    const threadId = await openThread(lucia, discussionId, 'Moderated');
    const rude = await reply(pablo, threadId, 'Something unkind');
    await reply(lucia, threadId, 'Something kind');
    const path = `${forum(space.projectId)}/threads/${threadId}/replies/${rude.replyId}`;

    for (const caller of [eva, lucia, pablo, space.members.visitor]) {
      expect((await apiSend(endpoints, 'DELETE', path, as(caller))).status, caller.name).toBe(403);
    }
    expect((await apiSend(endpoints, 'DELETE', path, as(ana))).status).toBe(204);
    expect((await apiSend(endpoints, 'DELETE', path, as(ana))).status).toBe(404);

    expect((await everything(`${forum(space.projectId)}/threads/${threadId}/replies`, pablo)).map((entry) => entry.body)).toEqual(['Something kind']);
    const [thread] = await everything(`${forum(space.projectId)}/discussions/${discussionId}/threads`, pablo);
    expect(thread.replyCount).toBe(1);
  });

  it('lets a teacher administrator delete a thread with its replies', async () => {
    const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-member': pablo } = space.members;
    const discussionId = await openDiscussion(eva, 'pupils', 'A thread to remove');
    const kept = await openThread(eva, discussionId, 'Kept');
    const removed = await openThread(eva, discussionId, 'Removed');
    await reply(pablo, removed, 'one');
    await reply(pablo, removed, 'two');

    expect((await apiSend(endpoints, 'DELETE', `${forum(space.projectId)}/threads/${removed}`, as(eva))).status).toBe(403);
    expect((await apiSend(endpoints, 'DELETE', `${forum(space.projectId)}/threads/${removed}`, as(ana))).status).toBe(204);

    const threads = await everything(`${forum(space.projectId)}/discussions/${discussionId}/threads`, pablo);
    expect(threads.map((thread) => thread.threadId)).toEqual([kept]);
    expect((await apiGet(endpoints, `${forum(space.projectId)}/threads/${removed}/replies`, as(pablo))).status).toBe(404);
    // The replies are gone from the table too, not merely out of reach.
    expect((await listReplies(tableStoreOf(endpoints), space.projectId, removed, { limit: 10 })).replies).toEqual([]);
    expect((await apiSend(endpoints, 'POST', `${forum(space.projectId)}/threads/${removed}/replies`, as(pablo), { body: 'three' })).status).toBe(404);
    const discussions = await everything(`${forum(space.projectId)}/discussions?area=pupils`, pablo, 50);
    expect(discussions.find((entry) => entry.discussionId === discussionId).threadCount).toBe(1);
  });
});

describe('a closed project', () => {
  it('keeps its forum readable and refuses every write, moderation too, with 409', async () => {
    const { 'teacher-admin': ana, 'pupil-member': pablo } = other.members;
    const discussionId = await openDiscussion(ana, 'pupils', 'Before closing', other.projectId);
    const threadId = await openThread(ana, discussionId, 'Before closing', other.projectId);
    await reply(pablo, threadId, 'Last words', other.projectId);
    const closed = await apiSend(endpoints, 'POST', `/projects/${other.projectId}/close`, as(ana));
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);

    const writes = [
      await apiSend(endpoints, 'POST', `${forum(other.projectId)}/discussions`, as(ana), { area: 'pupils', title: 'After', body: 'After' }),
      await apiSend(endpoints, 'POST', `${forum(other.projectId)}/discussions/${discussionId}/threads`, as(ana), { title: 'After', body: 'After' }),
      await apiSend(endpoints, 'POST', `${forum(other.projectId)}/threads/${threadId}/replies`, as(pablo), { body: 'After' }),
      await apiSend(endpoints, 'DELETE', `${forum(other.projectId)}/threads/${threadId}`, as(ana)),
    ];
    expect(writes.map((answer) => answer.status)).toEqual([409, 409, 409, 409]);

    expect((await everything(`${forum(other.projectId)}/discussions?area=pupils`, pablo)).map((entry) => entry.title)).toEqual(['Before closing']);
    expect((await everything(`${forum(other.projectId)}/threads/${threadId}/replies`, pablo)).map((entry) => entry.body)).toEqual(['Last words']);
  });
});
