/**
 * The Project Diary's request and response shapes (zod): handlers parse with
 * them, the OpenAPI document is generated from them. Texts are trimmed and
 * their limits counted in code points (domain/diary.ts).
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { diaryKinds, diaryLimits, diaryVisibilities } from '../../domain/diary.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { documentResponseFields, nonEmptyRichBody } from '../rich-text-schemas.ts';
import { ulidString } from '../schemas.ts';


export const diaryPathParams = z.object({ projectId: ulidString });
export const diaryEntryPathParams = z.object({ projectId: ulidString, entryId: ulidString });

export const diaryEntryBody = z
  .object({
    kind: z.enum(diaryKinds),
    visibility: z.enum(diaryVisibilities),
    title: visibleText({ max: diaryLimits.title, messages: { empty: 'Must not be empty.' } }),
    /** A rich-text document, or plain text (read as paragraphs). */
    body: nonEmptyRichBody(diaryLimits.body, 'Must not be empty.'),
  })
  .strict();
export type DiaryEntryBodyInput = z.input<typeof diaryEntryBody>;

export const diaryReplyBody = z.object({ body: visibleText({ max: diaryLimits.reply, multiline: true, messages: { empty: 'Must not be empty.' } }) }).strict();
export type DiaryReplyBodyInput = z.input<typeof diaryReplyBody>;

export const diaryPageQuery = pageQuery;

export const nssDiaryQuery = pageQuery.extend({ status: z.enum(['unanswered']).default('unanswered') });

export const diaryExportQuery = z.object({ format: z.enum(['md', 'html']).default('md') });

const person = z.object({ userId: z.string(), displayName: z.string(), country: z.string() });

export const diaryReply = z.object({
  replyId: z.string(),
  author: person.extend({ role: z.enum(['nss', 'teacher']) }),
  body: z.string(),
  createdAt: z.string(),
});

export const diaryEntry = z.object({
  entryId: z.string(),
  projectId: z.string(),
  kind: z.enum(diaryKinds),
  visibility: z.enum(diaryVisibilities),
  title: z.string(),
  ...documentResponseFields(diaryLimits.body),
  author: person,
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  replies: z.array(diaryReply),
});

export const diaryPage = z.object({
  /** How the caller reads this diary: 'team' (its teachers), 'nss' (a partner country's NSS), 'open' (any other teacher). */
  view: z.enum(['team', 'nss', 'open']),
  items: z.array(diaryEntry),
  nextCursor: z.string().nullable(),
});

export const unansweredDoubt = z.object({
  entryId: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  title: z.string(),
  author: person,
  createdAt: z.string(),
});

export const nssDiaryPage = z.object({ items: z.array(unansweredDoubt), nextCursor: z.string().nullable() });

export type DiaryEntryResponse = z.infer<typeof diaryEntry>;
export type DiaryPage = z.infer<typeof diaryPage>;
export type NssDiaryPage = z.infer<typeof nssDiaryPage>;
