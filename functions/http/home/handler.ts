/**
 * The home's function (routes.ts): the latest updates, posts with comments
 * and likes, pinning, and the teachers' board. The router runs the TwinSpace
 * gate first (404 unknown project, 403 non-member or type denied, 409 no
 * TwinSpace yet or a write to a closed project). Lists are read while the
 * gate checks (whileGated); a route about one post, comment or note reads it
 * in the gate's own BatchGetItem (alongWith): reads stay at two round trips
 * (GET /home: the gate with the page's Queries, then the reader's likes of the
 * page's posts), writes at two (a transaction after the gate).
 */
import {
  commentAmong,
  createNote,
  deleteComment,
  deleteEntry,
  deleteNote,
  entryAmong,
  likedAmong,
  listComments,
  listFeed,
  listNotes,
  listPinned,
  newFeedId,
  noteAmong,
  pinPost,
  setLike,
  unpinPost,
  type BoardNote,
  type FeedEntry,
  type HomeWriteOutcome,
  type HomeWriter,
  type LikeOutcome,
  type PostEntry,
} from '../../data/feed.ts';
import { feedKeys, keys } from '../../data/keys.ts';
import type { Membership } from '../../data/memberships.ts';
import { homeName, homePage, mayDeleteBoardNote, mayDeleteHomeItem, seesArea } from '../../domain/feed.ts';
import { mayAtAll } from '../../domain/policy.ts';
import { guardedTextOf } from '../../domain/rich-text-guarded.ts';
import type { Caller } from '../../lib/claims.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import type { HeldSurface } from '../../data/moderation.ts';
import type { TableStore } from '../../data/store.ts';
import { areaHandler } from '../area.ts';
import { guardWrite, type HeldSummary } from '../guarded-write.ts';
import { withDocumentReply } from '../rich-document.ts';
import { gated } from '../router.ts';
import type { TwinspaceAccess } from '../twinspace-access.ts';
import { postDocument, writeComment, writePost } from './post-writes.ts';
import { homeRoutes } from './routes.ts';
import type { FeedEntryResponse, PostResponse } from './schemas.ts';

const noSuchPost = () => notFound('No such post on this home.');
const noSuchComment = () => notFound('No such comment on this post.');
const noSuchNote = () => notFound("No such note on the teachers' board.");

/**
 * The pupil guard on a post or a comment (guarded-write.ts): every member
 * reads the home, pupils too, so a pupil's text with a finding is held for a
 * teacher (its summary, for a 202) and nothing is written, and a teacher's
 * is refused with 409 unless acknowledged.
 */
async function heldInstead(
  store: TableStore,
  twinspace: TwinspaceAccess,
  write: { surface: HeldSurface; target: Record<string, unknown>; draft: Record<string, unknown>; texts: Record<string, string>; acknowledgePersonalData?: true },
): Promise<HeldSummary | undefined> {
  const { userId, type, displayName } = twinspace.membership;
  const guarded = await guardWrite({ store, project: twinspace.project, caller: { userId, type, displayName }, pupilsRead: true, ...write });
  return guarded.outcome === 'held' ? guarded.held : undefined;
}

/** Why a write saved nothing, in the API's words. */
function refusal(outcome: Exclude<HomeWriteOutcome | LikeOutcome, 'written' | 'unchanged'>, gone: () => Error = noSuchPost): Error {
  if (outcome === 'gone') return gone();
  if (outcome === 'closed') return conflict('The project is closed: its TwinSpace is read-only.');
  if (outcome === 'typeChanged') return conflict('Your type in this project changed meanwhile: reload and try again.');
  if (outcome === 'changed') return conflict('The post changed meanwhile: reload and try again.');
  return conflict('Ten posts are pinned already: unpin one first.');
}

/** A write's outcome in the API's words: a refused one saved nothing. */
function refuseUnlessWritten(outcome: HomeWriteOutcome | LikeOutcome, gone: () => Error = noSuchPost): void {
  if (outcome === 'written') countOf('HomeWrites');
  else if (outcome !== 'unchanged') throw refusal(outcome, gone);
}

const writerOf = (caller: Caller, twinspace: TwinspaceAccess): HomeWriter => ({ userId: caller.userId, type: twinspace.membership.type });
const authorOf = (membership: Membership) => ({ userId: membership.userId, name: homeName(membership), type: membership.type });

/** An entry as the wire shows it: a post says whether it is pinned and whether the reader likes it. */
async function entryResponse(entry: FeedEntry, liked: Set<string>): Promise<FeedEntryResponse> {
  if (entry.kind !== 'post') return entry as FeedEntryResponse;
  return postResponseOf(entry, liked.has(entry.entryId));
}

/** A post with its text as plain text, document and image URLs (public-area images: every member may see them). */
const postResponseOf = async (post: PostEntry, likedByMe: boolean): Promise<PostResponse> => ({
  ...(await withDocumentReply(post)),
  likeCount: post.likeCount ?? 0,
  commentCount: post.commentCount ?? 0,
  pinned: post.pinnedAt !== undefined,
  likedByMe,
});

type PostParams = { params: { projectId: string; postId: string } };

/** The entry's key, read by the gate. */
const withEntry = ({ params }: PostParams) => [feedKeys.entry(params.projectId, params.postId)];

/** The post the gate read; 404 when it is not a post of this home. */
function postOf(twinspace: TwinspaceAccess, { params }: PostParams): PostEntry {
  const entry = entryAmong(twinspace.alongside, params.projectId, params.postId);
  if (!entry || entry.kind !== 'post') throw noSuchPost();
  return entry;
}

export const handler = areaHandler(homeRoutes, {
  // The page (and, on page 1, the pinned posts) are read while the gate checks; what the reader's type may see is kept after it.
  getHome: gated({
    whileGated: async ({ params: { projectId }, query, store }) => {
      const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), feedKeys.entryPrefix);
      const [page, pinned] = await Promise.all([
        listFeed(store, projectId, { limit: query.limit, startKey }),
        startKey === undefined ? listPinned(store, projectId) : Promise.resolve([]),
      ]);
      return { ...page, pinned };
    },
    handle: async ({ caller, params: { projectId }, twinspace, store }, { entries, lastKey, pinned }) => {
      const type = twinspace.membership.type;
      const shown = homePage<FeedEntry>(type, pinned, entries);
      const postIds = [...shown.pinned, ...shown.items].filter((entry) => entry.kind === 'post').map((entry) => entry.entryId);
      // Who may not like (a visitor) has liked nothing: no read.
      const liked = postIds.length > 0 && mayAtAll(type, 'home-comment-like') ? await likedAmong(store, projectId, postIds, caller.userId) : new Set<string>();
      return {
        status: 200,
        body: {
          pinned: await Promise.all(shown.pinned.map((entry) => entryResponse(entry, liked))),
          items: await Promise.all(shown.items.map((entry) => entryResponse(entry, liked))),
          nextCursor: encodeCursor(lastKey),
        },
      };
    },
  }),

  createHomePost: async ({ params: { projectId }, body, twinspace, store }) => {
    const { acknowledgePersonalData, ...draft } = body;
    const document = await postDocument(store, projectId, draft.body);
    const held = await heldInstead(store, twinspace, { surface: 'home-post', target: {}, draft, texts: { body: guardedTextOf(draft.body) }, acknowledgePersonalData });
    if (held) return { status: 202, body: { held } };
    const written = await writePost(store, projectId, authorOf(twinspace.membership), document);
    if ('refused' in written) throw refusal(written.refused);
    const { post } = written;
    return { status: 201, body: await postResponseOf(post, false), headers: { location: `/projects/${projectId}/home/posts/${post.entryId}` } };
  },

  deleteHomePost: gated({
    alongWith: withEntry,
    handle: async ({ caller, params: { projectId, postId }, twinspace, store }) => {
      const entry = entryAmong(twinspace.alongside, projectId, postId);
      // An entry the caller's type may not read does not exist for them.
      if (!entry || !seesArea(twinspace.membership.type, entry.area)) throw noSuchPost();
      const authorId = entry.kind === 'post' ? entry.author.userId : undefined;
      if (!mayDeleteHomeItem(twinspace.membership.type, caller.userId, authorId)) throw forbidden('Only its author or a teacher administrator deletes a post.');
      refuseUnlessWritten(await deleteEntry(store, entry));
      return { status: 204 };
    },
  }),

  pinHomePost: gated({
    alongWith: withEntry,
    handle: async (request) => {
      const post = postOf(request.twinspace, request);
      // Already pinned: nothing to do.
      if (post.pinnedAt === undefined) refuseUnlessWritten(await pinPost(request.store, post, new Date().toISOString()));
      return { status: 204 };
    },
  }),

  unpinHomePost: gated({
    alongWith: withEntry,
    handle: async (request) => {
      const post = postOf(request.twinspace, request);
      if (post.pinnedAt !== undefined) refuseUnlessWritten(await unpinPost(request.store, post));
      return { status: 204 };
    },
  }),

  listHomeComments: gated({
    alongWith: withEntry,
    // The comments are read with the gate; they reach the caller only once the gate allowed and the post is there.
    whileGated: async ({ params: { projectId, postId }, query, store }) => {
      const startKey = decodeCursor(query.cursor, feedKeys.postPartition(projectId, postId), feedKeys.commentPrefix);
      return listComments(store, projectId, postId, { limit: query.limit, startKey });
    },
    handle: async (request, { comments, lastKey }) => {
      postOf(request.twinspace, request);
      return { status: 200, body: { items: comments, nextCursor: encodeCursor(lastKey) } };
    },
  }),

  createHomeComment: gated({
    alongWith: withEntry,
    handle: async (request) => {
      const { params: { projectId, postId }, body, twinspace, store } = request;
      postOf(twinspace, request);
      const { acknowledgePersonalData, ...draft } = body;
      const held = await heldInstead(store, twinspace, { surface: 'home-comment', target: { postId }, draft, texts: { body: draft.body }, acknowledgePersonalData });
      if (held) return { status: 202, body: { held } };
      const written = await writeComment(store, { projectId, postId }, authorOf(twinspace.membership), draft.body);
      if ('refused' in written) throw refusal(written.refused);
      const { comment } = written;
      return { status: 201, body: comment, headers: { location: `/projects/${projectId}/home/posts/${postId}/comments/${comment.commentId}` } };
    },
  }),

  deleteHomeComment: gated({
    alongWith: ({ params }) => [feedKeys.entry(params.projectId, params.postId), feedKeys.comment(params.projectId, params.postId, params.commentId)],
    handle: async (request) => {
      const { caller, params: { projectId, postId, commentId }, twinspace, store } = request;
      postOf(twinspace, request);
      const comment = commentAmong(twinspace.alongside, projectId, postId, commentId);
      if (!comment) throw noSuchComment();
      if (!mayDeleteHomeItem(twinspace.membership.type, caller.userId, comment.author.userId)) throw forbidden('Only its author or a teacher administrator deletes a comment.');
      refuseUnlessWritten(await deleteComment(store, comment), noSuchComment);
      return { status: 204 };
    },
  }),

  likeHomePost: gated({
    alongWith: withEntry,
    handle: async (request) => {
      postOf(request.twinspace, request);
      // A second like (or one of several sent at once) meets the like already there: counted once, answered the same.
      refuseUnlessWritten(await setLike(request.store, request.params.projectId, request.params.postId, writerOf(request.caller, request.twinspace), true));
      return { status: 204 };
    },
  }),

  unlikeHomePost: gated({
    alongWith: withEntry,
    handle: async (request) => {
      postOf(request.twinspace, request);
      refuseUnlessWritten(await setLike(request.store, request.params.projectId, request.params.postId, writerOf(request.caller, request.twinspace), false));
      return { status: 204 };
    },
  }),

  listBoardNotes: gated({
    whileGated: async ({ params: { projectId }, query, store }) => {
      const startKey = decodeCursor(query.cursor, keys.projectPartition(projectId), feedKeys.notePrefix);
      return listNotes(store, projectId, { limit: query.limit, startKey });
    },
    handle: async (_request, { notes, lastKey }) => ({ status: 200, body: { items: notes, nextCursor: encodeCursor(lastKey) } }),
  }),

  createBoardNote: async ({ caller, params: { projectId }, body, twinspace, store }) => {
    const note: BoardNote = { noteId: newFeedId(), projectId, body: body.body, author: authorOf(twinspace.membership), createdAt: new Date().toISOString() };
    refuseUnlessWritten(await createNote(store, note, writerOf(caller, twinspace)));
    return { status: 201, body: note, headers: { location: `/projects/${projectId}/board/${note.noteId}` } };
  },

  deleteBoardNote: gated({
    alongWith: ({ params }) => [feedKeys.note(params.projectId, params.noteId)],
    handle: async ({ caller, params: { projectId, noteId }, twinspace, store }) => {
      const note = noteAmong(twinspace.alongside, projectId, noteId);
      if (!note) throw noSuchNote();
      if (!mayDeleteBoardNote(twinspace.membership.type, caller.userId, note.author.userId)) throw forbidden('Only its author or a teacher administrator deletes a note.');
      refuseUnlessWritten(await deleteNote(store, note), noSuchNote);
      return { status: 204 };
    },
  }),
});
