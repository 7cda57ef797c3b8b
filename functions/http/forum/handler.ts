/**
 * The TwinSpace forum's function (routes.ts): discussions → threads →
 * replies, each discussion in the pupils' forum or the teachers' forum (its
 * area, inherited by its threads and their replies). Reading needs the area's
 * read action; writing needs the forum action (open a discussion, open a
 * thread, reply) AND reading the area. The router runs the TwinSpace gate
 * first (404 unknown project, 403 non-member or type denied, 409 no TwinSpace
 * yet or a write to a closed project); the routes of one discussion or thread
 * read it in the gate's own BatchGetItem (`alongWith`), so each route stays
 * at two round trips, and an id of another project is 404.
 *
 * Moderation (teacher administrators, the policy table's 'moderate'): DELETE
 * a thread (with its replies) or one reply.
 *
 * Orders: discussions and threads newest first (what is new is on top);
 * replies oldest first (a conversation reads from the top).
 */
import { monotonicFactory } from 'ulid';
import * as forumStore from '../../data/forum.ts';
import type { Discussion, ForumAuthor, Reply, Thread } from '../../data/forum.ts';
import { forumKeys, keys } from '../../data/keys.ts';
import type { Membership } from '../../data/memberships.ts';
import { forumAuthorName, mayReadForum, mayWriteInForum, type ForumArea, type ForumDecision } from '../../domain/forum.ts';
import { documentAreaOf } from '../../domain/rich-documents.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { documentToSave, withDocumentReply } from '../rich-document.ts';
import { gated } from '../router.ts';
import type { TwinspaceAccess } from '../twinspace-access.ts';
import type { TableStore } from '../../data/store.ts';
import { forumRoutes } from './routes.ts';

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

/** A post's text, checked for its forum: its readers are the discussion's area's (threads and replies inherit it). */
const forumDocument = (store: TableStore, projectId: string, body: RichDoc, area: ForumArea) =>
  documentToSave(store, projectId, body, { surface: 'forum-post', area: documentAreaOf('forum-post', area) });

type DiscussionParams = { params: { projectId: string; discussionId: string } };
type ThreadParams = { params: { projectId: string; threadId: string } };

/** The discussion's keys (either area), read by the gate. */
const withDiscussion = ({ params }: DiscussionParams) => forumStore.discussionLookup(params.projectId, params.discussionId);
/** The thread's header key, read by the gate. */
const withThread = ({ params }: ThreadParams) => forumStore.threadLookup(params.projectId, params.threadId);

/** The discussion the gate read; 404 when it is not this project's. */
function discussionOf(twinspace: TwinspaceAccess, { params }: DiscussionParams): Discussion {
  const discussion = forumStore.discussionAmong(twinspace.alongside, params.projectId, params.discussionId);
  if (!discussion) throw noSuchDiscussion();
  return discussion;
}

/** The thread the gate read; 404 when it is not this project's. */
function threadOf(twinspace: TwinspaceAccess, { params }: ThreadParams): Thread {
  const thread = forumStore.threadAmong(twinspace.alongside, params.projectId, params.threadId);
  if (!thread) throw noSuchThread();
  return thread;
}

export const handler = areaHandler(forumRoutes, {
  // The page is read while the gate checks the caller: one round trip of time for both.
  listDiscussions: gated({
    whileGated: async ({ params: { projectId }, query, store }) => {
      const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), forumKeys.discussionPrefix(query.area));
      return forumStore.listDiscussions(store, projectId, query.area, { limit: query.limit, startKey });
    },
    handle: async (_request, { discussions, lastKey }) => ({
      status: 200,
      body: { items: await Promise.all(discussions.map((discussion) => withDocumentReply(discussion))), nextCursor: encodeCursor(lastKey) },
    }),
  }),

  createDiscussion: async ({ params: { projectId }, body, twinspace, store }) => {
    const { membership } = twinspace;
    enforce(mayWriteInForum(membership.type, 'forum-open-discussion', body.area));
    const document = await forumDocument(store, projectId, body.body, body.area);
    const now = new Date().toISOString();
    const discussion: Discussion = {
      discussionId: newId(),
      projectId,
      area: body.area,
      title: body.title,
      ...document,
      ...authorOf(membership),
      createdAt: now,
      threadCount: 0,
      lastActivityAt: now,
    };
    await forumStore.putDiscussion(store, discussion);
    countOf('ForumPostsWritten');
    return { status: 201, body: await withDocumentReply(discussion), headers: { location: `/projects/${projectId}/forum/discussions/${discussion.discussionId}/threads` } };
  },

  listThreads: {
    alongWith: withDiscussion,
    handle: async (request) => {
      const { params: { projectId, discussionId }, query, twinspace, store } = request;
      const discussion = discussionOf(twinspace, request);
      enforce(mayReadForum(twinspace.membership.type, discussion.area));
      const startKey = decodeCursor(query.cursor, forumKeys.discussionPartition(projectId, discussionId), forumKeys.threadPrefix);
      const { threads, lastKey } = await forumStore.listThreads(store, projectId, discussionId, { limit: query.limit, startKey });
      return { status: 200, body: { items: await Promise.all(threads.map((thread) => withDocumentReply(thread))), nextCursor: encodeCursor(lastKey) } };
    },
  },

  createThread: {
    alongWith: withDiscussion,
    handle: async (request) => {
      const { params: { projectId, discussionId }, body, twinspace, store } = request;
      const discussion = discussionOf(twinspace, request);
      enforce(mayWriteInForum(twinspace.membership.type, 'forum-open-thread', discussion.area));
      const document = await forumDocument(store, projectId, body.body, discussion.area);
      const now = new Date().toISOString();
      const thread: Thread = {
        threadId: newId(),
        discussionId,
        projectId,
        area: discussion.area,
        title: body.title,
        ...document,
        ...authorOf(twinspace.membership),
        createdAt: now,
        replyCount: 0,
        lastActivityAt: now,
      };
      if ((await forumStore.putThread(store, thread)) === 'not-found') throw noSuchDiscussion();
      countOf('ForumPostsWritten');
      return { status: 201, body: await withDocumentReply(thread), headers: { location: `/projects/${projectId}/forum/threads/${thread.threadId}/replies` } };
    },
  },

  listReplies: {
    alongWith: withThread,
    handle: async (request) => {
      const { params: { projectId, threadId }, query, twinspace, store } = request;
      const thread = threadOf(twinspace, request);
      enforce(mayReadForum(twinspace.membership.type, thread.area));
      const startKey = decodeCursor(query.cursor, forumKeys.threadPartition(projectId, threadId), forumKeys.replyPrefix);
      const { replies, lastKey } = await forumStore.listReplies(store, projectId, threadId, { limit: query.limit, startKey });
      return { status: 200, body: { items: await Promise.all(replies.map((reply) => withDocumentReply(reply))), nextCursor: encodeCursor(lastKey) } };
    },
  },

  createReply: {
    alongWith: withThread,
    handle: async (request) => {
      const { params: { projectId, threadId }, body, twinspace, store } = request;
      const thread = threadOf(twinspace, request);
      enforce(mayWriteInForum(twinspace.membership.type, 'forum-reply', thread.area));
      const document = await forumDocument(store, projectId, body.body, thread.area);
      const reply: Reply = { replyId: newId(), threadId, projectId, ...document, ...authorOf(twinspace.membership), createdAt: new Date().toISOString() };
      // A conflict with concurrent replies is retried inside putReply (transact()); 'not-found' only when the thread is really gone.
      if ((await forumStore.putReply(store, thread, reply)) === 'not-found') throw noSuchThread();
      countOf('ForumPostsWritten');
      return { status: 201, body: await withDocumentReply(reply), headers: { location: `/projects/${projectId}/forum/threads/${threadId}/replies` } };
    },
  },

  /** A thread with its replies: moderation (teacher administrators), not in a closed project. */
  deleteThread: {
    alongWith: withThread,
    handle: async (request) => {
      const { twinspace, store } = request;
      const thread = threadOf(twinspace, request);
      enforce(mayReadForum(twinspace.membership.type, thread.area));
      if ((await forumStore.deleteThread(store, thread)) === 'not-found') throw noSuchThread();
      return { status: 204 };
    },
  },

  /** One reply: moderation (teacher administrators), not in a closed project. */
  deleteReply: {
    alongWith: withThread,
    handle: async (request) => {
      const { params: { replyId }, twinspace, store } = request;
      const thread = threadOf(twinspace, request);
      enforce(mayReadForum(twinspace.membership.type, thread.area));
      const outcome = await forumStore.deleteReply(store, thread, replyId);
      if (outcome === 'no-reply') throw notFound('No such reply in this thread.');
      if (outcome === 'no-thread') throw noSuchThread();
      return { status: 204 };
    },
  },
});
