/**
 * The shapes of the TwinSpace pages routes and of the public project page:
 * handlers parse with them, the OpenAPI document is generated from them.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { areas } from '../../domain/areas.ts';
import { diaryKinds, diaryLimits } from '../../domain/diary.ts';
import { pageBodyMaxLength, pageStatuses, pageTitleMaxLength } from '../../domain/pages.ts';
import type { RichDoc } from '../../domain/rich-text.ts';
import { projectStates } from '../../domain/project-lifecycle.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { documentResponseFields, richBody } from '../rich-text-schemas.ts';
import { ulidString } from '../schemas.ts';
import { personalDataAcknowledgement } from '../moderation/schemas.ts';

const pageTitle = visibleText({
  max: pageTitleMaxLength,
  messages: { empty: 'A page needs a title.', tooLong: `A title is at most ${pageTitleMaxLength} characters.` },
});

/** A page's text: a rich-text document, or plain text (read as paragraphs); it may be empty. */
const pageBody = richBody(pageBodyMaxLength);
const emptyDoc = (): RichDoc => ({ type: 'doc', content: [] });

export const pagePathParams = z.object({ projectId: ulidString, pageId: ulidString });

export const pagesQuery = pageQuery.extend({
  area: z.enum(areas),
  /** published (default): what the area's readers see; draft: the drafts I may see (my own, or all if I edit or publish any). */
  status: z.enum(pageStatuses).default('published'),
});

export const pageCreateBody = z
  .object({
    area: z.enum(areas),
    title: pageTitle,
    body: pageBody.default(emptyDoc),
    submittedForPublishing: z.boolean().default(false),
    ...personalDataAcknowledgement,
  })
  .strict();
export type PageCreateBodyInput = z.input<typeof pageCreateBody>;

/** An edit sends the version it read; omitted fields stay as they are. The area of a page never changes. */
export const pageUpdateBody = z
  .object({
    version: z.number().int().min(1),
    title: pageTitle.optional(),
    body: pageBody.optional(),
    submittedForPublishing: z.boolean().optional(),
    ...personalDataAcknowledgement,
  })
  .strict();
export type PageUpdateBodyInput = z.input<typeof pageUpdateBody>;

export const pageResponse = z.object({
  pageId: z.string(),
  projectId: z.string(),
  area: z.enum(areas),
  title: z.string(),
  ...documentResponseFields(pageBodyMaxLength),
  status: z.enum(pageStatuses),
  authorId: z.string(),
  /** Pupils by first name. */
  authorName: z.string(),
  submittedForPublishing: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
});
export type PageResponse = z.infer<typeof pageResponse>;

export const pagesPage = z.object({ items: z.array(pageResponse), nextCursor: z.string().nullable() });
export type PagesPage = z.output<typeof pagesPage>;

export const publicProjectPathParams = z.object({ projectId: ulidString });
/** `limit` pages both lists; `cursor` continues the pages, `diaryCursor` the public diary entries. */
export const publicProjectQuery = pageQuery.extend({
  diaryCursor: z.string().min(1).optional(),
});

/** A published public page as anyone sees it: no author (no names of members reach the public); its images' URLs in `media`. */
export const publicPage = z.object({
  pageId: z.string(),
  title: z.string(),
  ...documentResponseFields(pageBodyMaxLength),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

const { media: _noMedia, ...diaryDocumentFields } = documentResponseFields(diaryLimits.body);

/**
 * A public diary entry as anyone sees it: kind, text and the replies' roles (nss/teacher), never a name. Its
 * document but no `media`: the public page issues URLs only for the images of published public pages, so an
 * entry's images show as their alt text.
 */
export const publicDiaryEntry = z.object({
  entryId: z.string(),
  kind: z.enum(diaryKinds),
  title: z.string(),
  ...diaryDocumentFields,
  createdAt: z.string(),
  /** Doubts: when the NSS first answered; null while unanswered (and for other kinds). */
  answeredAt: z.string().nullable(),
  replies: z.array(z.object({ role: z.enum(['nss', 'teacher']), body: z.string(), createdAt: z.string() })),
});

/** The Quality Label levels a project may hold. */
export const publicLabelLevels = ['national', 'european'] as const;

/**
 * A label as a badge, never naming the applicant: a National Quality Label with the country that granted it; a
 * European Quality Label (proposed by the yearly selection, domain/european-label.ts) with the countries whose
 * national labels it rests on.
 */
export const publicLabel = z.discriminatedUnion('level', [
  z.object({ level: z.literal('national'), country: z.string(), schoolYear: z.string(), grantedAt: z.string() }),
  z.object({ level: z.literal('european'), countries: z.array(z.string()), schoolYear: z.string(), grantedAt: z.string() }),
]);
export type PublicLabel = z.infer<typeof publicLabel>;

export const publicProjectResponse = z.object({
  project: z.object({
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    state: z.enum(projectStates),
    subjects: z.array(z.string()),
    ages: z.object({ min: z.number().int(), max: z.number().int() }),
    languages: z.array(z.string()),
    /** The partner schools' countries (and school names when known): never a person's name. */
    partners: z.array(z.object({ country: z.string(), school: z.string().optional() })),
  }),
  pages: z.object({ items: z.array(publicPage), nextCursor: z.string().nullable() }),
  /** The Project Diary's PUBLIC entries, newest first, paged by diaryCursor: no author's or replier's name. */
  diary: z.object({ items: z.array(publicDiaryEntry), nextCursor: z.string().nullable() }),
  /** The project's Quality Labels, oldest first: one national badge per country, then one European badge per school year. */
  labels: z.array(publicLabel),
});
export type PublicProjectResponse = z.infer<typeof publicProjectResponse>;
