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
 * The pupil guard (issue 12): a pupil's thread or reply with personal data or
 * abuse is held for a teacher (202, nothing written; publish-held.ts writes it
 * once released, through the same post-writes.ts); a teacher warned before
 * putting personal data in the pupils' forum (409 unless acknowledged).
 *
 * Moderation (teacher administrators, the policy table's 'moderate'): DELETE
 * a thread (with its replies) or one reply.
 *
 * Orders: discussions and threads newest first (what is new is on top);
 * replies oldest first (a conversation reads from the top).
 */
import * as forumStore from '../../data/forum.ts';
import type { Discussion, ForumAuthor, Thread } from '../../data/forum.ts';
import { forumKeys, keys } from '../../data/keys.ts';
import type { Membership } from '../../data/memberships.ts';
import { forumAuthorName, mayReadForum, mayWriteInForum, type ForumArea, type ForumDecision } from '../../domain/forum.ts';
import { guardedTextOf } from '../../domain/rich-text-guarded.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { guardWrite, type HeldSummary } from '../guarded-write.ts';
import type { HeldSurface } from '../../data/moderation.ts';
import { withDocumentReply } from '../rich-document.ts';
import { gated } from '../router.ts';
import type { TwinspaceAccess } from '../twinspace-access.ts';
import type { TableStore } from '../../data/store.ts';
import { forumDocument, newForumId, writeReply, writeThread, type ForumRefusal } from './post-writes.ts';
import { forumRoutes } from './routes.ts';

const noSuchDiscussion = () => notFound('No such discussion in this project.');
const noSuchThread = () => notFound('No such thread in this project.');

function enforce(decision: ForumDecision): void {
  if (decision.outcome === 'forbidden') throw forbidden(decision.reason);
}

function authorOf(membership: Membership): ForumAuthor {
  return { authorId: membership.userId, authorName: forumAuthorName(membership), authorType: membership.type };
}

/** A refused thread or reply in the API's words (nothing was written). */
function refuse(refusal: ForumRefusal, gone: () => Error): never {
  if (refusal === 'gone') throw gone();
  if (refusal === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
  throw conflict('Your type in this project changed meanwhile: reload and try again.');
}

/**
 * The pupil guard on a write to a forum (guarded-write.ts): a pupil's text
 * with a finding is held for a teacher (its summary, for a 202) and nothing
 * is written; a teacher's with a finding is refused with 409 unless
 * acknowledged. The teachers' forum is theirs alone: never checked.
 */
async function heldInstead(
  store: TableStore,
  twinspace: TwinspaceAccess,
  write: { area: ForumArea; surface: HeldSurface; target: Record<string, unknown>; draft: Record<string, unknown>; texts: Record<string, string>; acknowledgePersonalData?: true },
): Promise<HeldSummary | undefined> {
  if (write.area === 'teachers') return undefined;
  const { userId, type, displayName } = twinspace.membership;
  const { area: _area, ...asked } = write;
  const guarded = await guardWrite({ store, project: twinspace.project, caller: { userId, type, displayName }, pupilsRead: true, ...asked });
  return guarded.outcome === 'held' ? guarded.held : undefined;
}

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
    const { acknowledgePersonalData, ...draft } = body;
    const document = await forumDocument(store, projectId, draft.body, draft.area);
    // Only teachers open discussions: never held, but warned before putting personal data where pupils read
    // (checked as a thread: a titled topic; 'held' cannot come back for a teacher).
    await heldInstead(store, twinspace, {
      area: draft.area,
      surface: 'forum-thread',
      target: { area: draft.area },
      draft,
      texts: { title: draft.title, body: guardedTextOf(draft.body) },
      acknowledgePersonalData,
    });
    const now = new Date().toISOString();
    const discussion: Discussion = {
      discussionId: newForumId(),
      projectId,
      area: draft.area,
      title: draft.title,
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
      const { acknowledgePersonalData, ...draft } = body;
      const document = await forumDocument(store, projectId, draft.body, discussion.area);
      const place = { projectId, discussionId, area: discussion.area };
      const held = await heldInstead(store, twinspace, {
        area: discussion.area,
        surface: 'forum-thread',
        target: { discussionId, area: discussion.area },
        draft,
        texts: { title: draft.title, body: guardedTextOf(draft.body) },
        acknowledgePersonalData,
      });
      if (held) return { status: 202, body: { held } };
      const written = await writeThread(store, place, authorOf(twinspace.membership), { title: draft.title, document });
      if ('refused' in written) refuse(written.refused, noSuchDiscussion);
      const { thread } = written;
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
      const { acknowledgePersonalData, ...draft } = body;
      const document = await forumDocument(store, projectId, draft.body, thread.area);
      const place = { projectId, threadId, discussionId: thread.discussionId, area: thread.area };
      const held = await heldInstead(store, twinspace, {
        area: thread.area,
        surface: 'forum-reply',
        target: { discussionId: thread.discussionId, threadId, area: thread.area },
        draft,
        texts: { body: guardedTextOf(draft.body) },
        acknowledgePersonalData,
      });
      if (held) return { status: 202, body: { held } };
      const written = await writeReply(store, place, authorOf(twinspace.membership), document);
      if ('refused' in written) refuse(written.refused, noSuchThread);
      const { reply } = written;
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
