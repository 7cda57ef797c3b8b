/**
 * Many replies to one forum thread at the same moment, through the real HTTP
 * API, in a TwinSpace of its own: every reply is one transaction that also
 * counts it on the thread (both copies) and touches the discussion, so the
 * replies meet on the same items. None may be lost, none may be answered as
 * "no such thread" (a cancelled transaction is retried by transact(), and only
 * a thread that is really gone is 404), and the count ends where the replies do.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { forumKeys } from '../../functions/data/keys.ts';
import { apiGet, apiSend, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newTwinspace, type TestTwinspace, type TwinspaceCaller } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const replies = 30;

let space: TestTwinspace;

beforeAll(async () => {
  space = await newTwinspace(endpoints, 'Forum at once');
});

const forum = () => `/projects/${space.projectId}/forum`;

/** Every reply of a thread, page by page (following nextCursor). */
async function everyReply(threadId: string, caller: TwinspaceCaller, limit: number): Promise<any[]> {
  const items = [];
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `${forum()}/threads/${threadId}/replies?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, caller.idToken);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('replies sent at once to one thread', () => {
  it(`keeps all ${replies}: each answered 201, all listed, the thread counting ${replies}`, { timeout: 120_000 }, async () => {
    const { 'teacher-admin': ana, 'member-teacher': eva, 'pupil-admin': lucia, 'pupil-member': pablo } = space.members;
    const writers = [ana, eva, lucia, pablo, space.secondFounder];

    const discussion = await apiSend(endpoints, 'POST', `${forum()}/discussions`, ana.idToken, { area: 'pupils', title: 'Busy river', body: 'Everyone at once.' });
    expect(discussion.status, JSON.stringify(discussion.body)).toBe(201);
    const thread = await apiSend(endpoints, 'POST', `${forum()}/discussions/${discussion.body.discussionId}/threads`, lucia.idToken, { title: 'Say hello', body: 'All together now.' });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const threadId: string = thread.body.threadId;

    const answers = await Promise.all(
      Array.from({ length: replies }, (_, index) =>
        apiSend(endpoints, 'POST', `${forum()}/threads/${threadId}/replies`, writers[index % writers.length].idToken, { body: `Hello number ${index + 1}` }),
      ),
    );
    expect(answers.map((answer) => answer.status), JSON.stringify(answers.filter((answer) => answer.status !== 201).map((answer) => answer.body))).toEqual(
      Array(replies).fill(201),
    );
    const sentIds = answers.map((answer) => answer.body.replyId as string);
    expect(new Set(sentIds).size).toBe(replies);

    const listed = await everyReply(threadId, pablo, 7);
    expect(listed).toHaveLength(replies);
    expect(listed.map((reply) => reply.replyId).sort()).toEqual([...sentIds].sort());
    expect(listed.map((reply) => reply.body).sort()).toEqual(Array.from({ length: replies }, (_, index) => `Hello number ${index + 1}`).sort());
    // Oldest first, as a conversation reads.
    expect(listed.map((reply) => reply.replyId)).toEqual(listed.map((reply) => reply.replyId).sort());

    // Both copies of the count: the thread as the discussion lists it, and its header.
    const threads = await apiGet(endpoints, `${forum()}/discussions/${discussion.body.discussionId}/threads`, eva.idToken);
    expect(threads.status).toBe(200);
    expect(threads.body.items).toHaveLength(1);
    expect(threads.body.items[0]).toMatchObject({ threadId, replyCount: replies });
    const store = tableStoreOf(endpoints);
    const header = await store.db.send(new GetCommand({ TableName: store.tableName, Key: forumKeys.thread(space.projectId, threadId), ConsistentRead: true }));
    expect(header.Item?.replyCount).toBe(replies);
  });
});
