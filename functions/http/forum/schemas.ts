/**
 * The forum's request and response shapes (handlers parse with them; the
 * OpenAPI document is generated from them). Text is trimmed and counted in
 * code points (functions/domain/forum.ts).
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { forumAreas, forumBodyMaxLength, forumTitleMaxLength } from '../../domain/forum.ts';
import { twinspaceTypes } from '../../domain/twinspace-types.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { documentResponseFields, nonEmptyRichBody } from '../rich-text-schemas.ts';
import { projectPathParams, ulidString } from '../schemas.ts';
import { personalDataAcknowledgement } from '../moderation/schemas.ts';

const title = visibleText({
  max: forumTitleMaxLength,
  messages: { empty: 'A title needs some text.', tooLong: `A title is at most ${forumTitleMaxLength.toLocaleString('en')} characters.` },
});
/** A rich-text document, or plain text (read as paragraphs); never empty. */
const body = nonEmptyRichBody(forumBodyMaxLength, 'The text needs some text.');
const area = z.enum(forumAreas);

export const discussionPathParams = projectPathParams.extend({ discussionId: ulidString });
export const threadPathParams = projectPathParams.extend({ threadId: ulidString });
export const replyPathParams = threadPathParams.extend({ replyId: ulidString });

/** Discussions are listed one area at a time: the pupils' forum and the teachers' forum are two places. */
export const discussionsQuery = pageQuery.extend({ area });

export const discussionCreateBody = z.object({ area, title, body, ...personalDataAcknowledgement }).strict();
export const threadCreateBody = z.object({ title, body, ...personalDataAcknowledgement }).strict();
export const replyCreateBody = z.object({ body, ...personalDataAcknowledgement }).strict();
export type DiscussionCreateBodyInput = z.input<typeof discussionCreateBody>;
export type ThreadCreateBodyInput = z.input<typeof threadCreateBody>;
export type ReplyCreateBodyInput = z.input<typeof replyCreateBody>;

const author = {
  authorId: z.string(),
  /** Pupils by first name only. */
  authorName: z.string(),
  authorType: z.enum(twinspaceTypes),
};

/** What a discussion and a thread both are: a titled post in one forum's area, with its last activity. */
const topic = {
  projectId: z.string(),
  area,
  title: z.string(),
  ...documentResponseFields(forumBodyMaxLength),
  ...author,
  createdAt: z.string(),
  lastActivityAt: z.string(),
};

export const discussionResponse = z.object({ discussionId: z.string(), ...topic, threadCount: z.number().int() });
export type DiscussionResponse = z.infer<typeof discussionResponse>;

export const threadResponse = z.object({ threadId: z.string(), discussionId: z.string(), ...topic, replyCount: z.number().int() });
export type ThreadResponse = z.infer<typeof threadResponse>;

export const replyResponse = z.object({
  replyId: z.string(),
  threadId: z.string(),
  projectId: z.string(),
  ...documentResponseFields(forumBodyMaxLength),
  ...author,
  createdAt: z.string(),
});
export type ReplyResponse = z.infer<typeof replyResponse>;

const page = <T extends z.ZodType>(itemSchema: T) => z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() });
export const discussionsPage = page(discussionResponse);
export const threadsPage = page(threadResponse);
export const repliesPage = page(replyResponse);
export type DiscussionsPage = z.infer<typeof discussionsPage>;
export type ThreadsPage = z.infer<typeof threadsPage>;
export type RepliesPage = z.infer<typeof repliesPage>;
