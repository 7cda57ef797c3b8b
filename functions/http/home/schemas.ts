/**
 * The home's request and response shapes: handlers parse with them, the
 * OpenAPI document is generated from them, the site imports their types.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { feedAreas, feedLimits } from '../../domain/feed.ts';
import { twinspaceTypes } from '../../domain/twinspace-types.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { documentResponseFields, nonEmptyRichBody } from '../rich-text-schemas.ts';
import { ulidString } from '../schemas.ts';
import { personalDataAcknowledgement } from '../moderation/schemas.ts';

/** Plain text, trimmed, 1..max characters (code points), of many lines; stored as text and always rendered as text. */
const plainText = (max: number) => visibleText({ max, multiline: true });

export const homePathParams = z.object({ projectId: ulidString });
export const postPathParams = z.object({ projectId: ulidString, postId: ulidString });
export const commentPathParams = z.object({ projectId: ulidString, postId: ulidString, commentId: ulidString });
export const notePathParams = z.object({ projectId: ulidString, noteId: ulidString });

export const homeQuery = pageQuery;
export const commentsQuery = pageQuery;
export const boardQuery = pageQuery;

/** A post is rich text (a document, or plain text read as paragraphs); comments and board notes stay plain. */
export const postBody = z.object({ body: nonEmptyRichBody(feedLimits.post, 'Cannot be empty.'), ...personalDataAcknowledgement }).strict();
export const commentBody = z.object({ body: plainText(feedLimits.comment), ...personalDataAcknowledgement }).strict();
export const noteBody = z.object({ body: plainText(feedLimits.note) }).strict();
export type PostBodyInput = z.input<typeof postBody>;
export type CommentBodyInput = z.input<typeof commentBody>;
export type NoteBodyInput = z.input<typeof noteBody>;

const person = z.object({ userId: z.string(), name: z.string().describe('A pupil by first name only') });
const author = person.extend({ type: z.enum(twinspaceTypes) });

const entryBase = {
  entryId: z.string(),
  projectId: z.string(),
  area: z.enum(feedAreas).describe('The area the entry belongs to: only types that read it see it'),
  createdAt: z.string(),
};

export const postResponse = z.object({
  ...entryBase,
  kind: z.literal('post'),
  ...documentResponseFields(feedLimits.post),
  author,
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  pinned: z.boolean(),
  pinnedAt: z.string().optional(),
  likedByMe: z.boolean(),
});
export type PostResponse = z.infer<typeof postResponse>;

export const feedEntryResponse = z.discriminatedUnion('kind', [
  postResponse,
  z.object({ ...entryBase, kind: z.literal('page-published'), page: z.object({ pageId: z.string(), title: z.string() }), by: person }),
  z.object({ ...entryBase, kind: z.literal('thread-opened'), thread: z.object({ threadId: z.string(), discussionId: z.string(), title: z.string() }), by: person }),
  z.object({ ...entryBase, kind: z.literal('event-added'), event: z.object({ eventId: z.string(), title: z.string(), startsAt: z.string() }), by: person }),
  z.object({ ...entryBase, kind: z.literal('member-joined'), member: author }),
  z.object({ ...entryBase, kind: z.literal('label-granted'), label: z.object({ labelId: z.string(), country: z.string() }) }),
]);
export type FeedEntryResponse = z.infer<typeof feedEntryResponse>;

export const homePage = z.object({
  /** Page 1 only: the pinned posts, most recently pinned first; later pages: []. */
  pinned: z.array(feedEntryResponse),
  items: z.array(feedEntryResponse),
  nextCursor: z.string().nullable(),
});
export type HomePage = z.infer<typeof homePage>;

export const commentResponse = z.object({
  commentId: z.string(),
  postId: z.string(),
  projectId: z.string(),
  body: z.string(),
  author,
  createdAt: z.string(),
});
export type CommentResponse = z.infer<typeof commentResponse>;
export const commentsPage = z.object({ items: z.array(commentResponse), nextCursor: z.string().nullable() });

export const noteResponse = z.object({
  noteId: z.string(),
  projectId: z.string(),
  body: z.string(),
  author,
  createdAt: z.string(),
});
export type NoteResponse = z.infer<typeof noteResponse>;
export const boardPage = z.object({ items: z.array(noteResponse), nextCursor: z.string().nullable() });
