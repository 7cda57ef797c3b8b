/**
 * The TwinSpace forum: discussions → threads → replies, each discussion in
 * the pupils' forum or the teachers' forum (its area, inherited by its threads
 * and their replies). Reading needs the area's read action; writing needs the
 * forum action (open a discussion, open a thread, reply) AND reading the area.
 * Every route runs the TwinSpace gate first (404 unknown project, 403
 * non-member or type denied, 409 no TwinSpace yet or a write to a closed
 * project); a discussion or thread id of another project is 404.
 *
 * Moderation (teacher administrators, the policy table's 'moderate'): DELETE
 * a thread (with its replies) or one reply.
 *
 * Orders: discussions and threads newest first (what is new is on top);
 * replies oldest first (a conversation reads from the top).
 */
import { monotonicFactory } from 'ulid';
import { callerOf, type Caller } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor, pageQuery } from '../lib/cursor.ts';
import { forbidden, notFound, parseOr400 } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { forumKeys, keys } from '../data/keys.ts';
import * as forumStore from '../data/forum.ts';
import type { Discussion, ForumAuthor, Reply, Thread } from '../data/forum.ts';
import type { Membership } from '../data/memberships.ts';
import type { TableStore } from '../data/store.ts';
import type { Action } from '../domain/policy.ts';
import { readActionOf } from '../domain/areas.ts';
import { forumAuthorName, mayReadForum, mayWriteInForum, type ForumDecision } from '../domain/forum.ts';
import {
  discussionCreateBody,
  discussionPathParams,
  discussionsQuery,
  replyCreateBody,
  replyPathParams,
  threadCreateBody,
  threadPathParams,
  type DiscussionsPage,
  type RepliesPage,
  type ThreadsPage,
} from './forum-schemas.ts';
import { projectPathParams } from './schemas.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

/** ULIDs from one factory are strictly increasing, so two replies of the same millisecond keep their order. */
const newId = monotonicFactory();

const noSuchDiscussion = () => notFound('No such discussion in this project.');
const noSuchThread = () => notFound('No such thread in this project.');

function enforce(decision: ForumDecision): void {
  if (decision.outcome === 'forbidden') throw forbidden(decision.reason);
}

function authorOf(membership: Membership): ForumAuthor {
  return { authorId: membership.userId, authorName: forumAuthorName(membership), authorType: membership.type };
}

/**
 * Every reader of any forum reads the pupils' area, so the gate checks that
 * (visitors: 403) while the discussion or thread is looked up in parallel;
 * the item's own area is checked once it is known.
 */
const forumReaderGate = readActionOf.pupils;

/** The gate and the discussion in one BatchGetItem; 404 when the discussion is not this project's. */
async function gateWithDiscussion(store: TableStore, projectId: string, discussionId: string, caller: Caller, action: Action, write: boolean) {
  const { membership, alongside } = await requireTwinspaceAction(store, projectId, caller, action, {
    write,
    alongWith: forumStore.discussionLookup(projectId, discussionId),
  });
  const discussion = forumStore.discussionAmong(alongside, projectId, discussionId);
  if (!discussion) throw noSuchDiscussion();
  return { membership, discussion };
}

/** The gate and the thread in one BatchGetItem; 404 when the thread is not this project's. */
async function gateWithThread(store: TableStore, projectId: string, threadId: string, caller: Caller, action: Action, write: boolean) {
  const { membership, alongside } = await requireTwinspaceAction(store, projectId, caller, action, {
    write,
    alongWith: forumStore.threadLookup(projectId, threadId),
  });
  const thread = forumStore.threadAmong(alongside, projectId, threadId);
  if (!thread) throw noSuchThread();
  return { membership, thread };
}

export const listDiscussions = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(discussionsQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), forumKeys.discussionPrefix(query.area));
  const store = tableStore();
  await requireTwinspaceAction(store, projectId, caller, readActionOf[query.area], { write: false });
  const { discussions, lastKey } = await forumStore.listDiscussions(store, projectId, query.area, { limit: query.limit, startKey });
  const body: DiscussionsPage = { items: discussions, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createDiscussion = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership } = await requireTwinspaceAction(store, projectId, caller, 'forum-open-discussion', { write: true });
  const input = parseOr400(discussionCreateBody, event.body ?? {}, 'body');
  enforce(mayWriteInForum(membership.type, 'forum-open-discussion', input.area));
  const now = new Date().toISOString();
  const discussion: Discussion = {
    discussionId: newId(),
    projectId,
    ...input,
    ...authorOf(membership),
    createdAt: now,
    threadCount: 0,
    lastActivityAt: now,
  };
  await forumStore.putDiscussion(store, discussion);
  return json(201, discussion, { location: `/projects/${projectId}/forum/discussions/${discussion.discussionId}/threads` });
});

export const listThreads = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, discussionId } = parseOr400(discussionPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, forumKeys.discussionPartition(projectId, discussionId), forumKeys.threadPrefix);
  const store = tableStore();
  // Two round trips at once: the gate with the discussion, and the page (dropped unless the area is the caller's).
  const [{ membership, discussion }, { threads, lastKey }] = await Promise.all([
    gateWithDiscussion(store, projectId, discussionId, caller, forumReaderGate, false),
    forumStore.listThreads(store, projectId, discussionId, { limit: query.limit, startKey }),
  ]);
  enforce(mayReadForum(membership.type, discussion.area));
  const body: ThreadsPage = { items: threads, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createThread = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, discussionId } = parseOr400(discussionPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership, discussion } = await gateWithDiscussion(store, projectId, discussionId, caller, 'forum-open-thread', true);
  enforce(mayWriteInForum(membership.type, 'forum-open-thread', discussion.area));
  const input = parseOr400(threadCreateBody, event.body ?? {}, 'body');
  const now = new Date().toISOString();
  const thread: Thread = {
    threadId: newId(),
    discussionId,
    projectId,
    area: discussion.area,
    ...input,
    ...authorOf(membership),
    createdAt: now,
    replyCount: 0,
    lastActivityAt: now,
  };
  if (!(await forumStore.putThread(store, thread))) throw noSuchDiscussion();
  return json(201, thread, { location: `/projects/${projectId}/forum/threads/${thread.threadId}/replies` });
});

export const listReplies = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, threadId } = parseOr400(threadPathParams, event.pathParameters ?? {}, 'path');
  const query = parseOr400(pageQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, forumKeys.threadPartition(projectId, threadId), forumKeys.replyPrefix);
  const store = tableStore();
  const [{ membership, thread }, { replies, lastKey }] = await Promise.all([
    gateWithThread(store, projectId, threadId, caller, forumReaderGate, false),
    forumStore.listReplies(store, projectId, threadId, { limit: query.limit, startKey }),
  ]);
  enforce(mayReadForum(membership.type, thread.area));
  const body: RepliesPage = { items: replies, nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const createReply = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, threadId } = parseOr400(threadPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership, thread } = await gateWithThread(store, projectId, threadId, caller, 'forum-reply', true);
  enforce(mayWriteInForum(membership.type, 'forum-reply', thread.area));
  const input = parseOr400(replyCreateBody, event.body ?? {}, 'body');
  const reply: Reply = { replyId: newId(), threadId, projectId, body: input.body, ...authorOf(membership), createdAt: new Date().toISOString() };
  if (!(await forumStore.putReply(store, thread, reply))) throw noSuchThread();
  return json(201, reply, { location: `/projects/${projectId}/forum/threads/${threadId}/replies` });
});

/** DELETE a thread with its replies: moderation (teacher administrators), not in a closed project. Answers 204. */
export const deleteThread = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, threadId } = parseOr400(threadPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership, thread } = await gateWithThread(store, projectId, threadId, caller, 'moderate', true);
  enforce(mayReadForum(membership.type, thread.area));
  if (!(await forumStore.deleteThread(store, thread))) throw noSuchThread();
  return { statusCode: 204 };
});

/** DELETE one reply: moderation (teacher administrators), not in a closed project. Answers 204. */
export const deleteReply = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId, threadId, replyId } = parseOr400(replyPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership, thread } = await gateWithThread(store, projectId, threadId, caller, 'moderate', true);
  enforce(mayReadForum(membership.type, thread.area));
  if (!(await forumStore.deleteReply(store, thread, replyId))) throw notFound('No such reply in this thread.');
  return { statusCode: 204 };
});
