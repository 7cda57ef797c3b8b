/**
 * A page's creation and edit as one author makes them, shared by the route
 * (handler.ts, once the guard let the text through) and the moderation
 * publisher (publish-held.ts, when a teacher releases a pupil's held text):
 * the same page, the same checks of its images, the same teachers told when
 * a pupil submits it for publishing, the same conditional write.
 */
import { ulid } from 'ulid';
import { createPage, replacePage, type Page, type PageWriteOutcome } from '../../data/pages.ts';
import { listTeacherIds } from '../../data/memberships.ts';
import type { Notification } from '../../data/notifications.ts';
import type { StoredDocument } from '../../data/stored-document.ts';
import type { TableStore } from '../../data/store.ts';
import { mayReadArea, type Area } from '../../domain/areas.ts';
import { isNewSubmission } from '../../domain/notifications.ts';
import { statusAfterEdit } from '../../domain/pages.ts';
import { documentAreaOf } from '../../domain/rich-documents.ts';
import type { RichDoc } from '../../domain/rich-text-core.ts';
import { guardedTextOf } from '../../domain/rich-text-guarded.ts';
import type { TwinspaceType } from '../../domain/twinspace-types.ts';
import { documentToSave } from '../rich-document.ts';

/** Who writes the page: their id, their type in the project, and the name the page shows (pupils by first name). */
export interface PageAuthor {
  userId: string;
  type: TwinspaceType;
  name: string;
}

/** A new page as the request (validated) asks for it. */
export interface PageCreation {
  area: Area;
  title: string;
  body: RichDoc;
  submittedForPublishing: boolean;
}

/** An edit as the request (validated) asks for it: omitted fields stay. */
export interface PageEdit {
  version: number;
  title?: string;
  body?: RichDoc;
  submittedForPublishing?: boolean;
}

/** The document a page of `area` stores: its images checked (a 400 naming the node when one is not fit for the area's readers). */
const pageDocument = (store: TableStore, projectId: string, area: Area, body: RichDoc): Promise<StoredDocument> =>
  documentToSave(store, projectId, body, { surface: 'page', area: documentAreaOf('page', area) });

/** The new page, its document checked; nothing is written yet. */
export async function newPage(store: TableStore, projectId: string, author: PageAuthor, creation: PageCreation): Promise<Page> {
  const now = new Date().toISOString();
  const document = await pageDocument(store, projectId, creation.area, creation.body);
  return {
    pageId: ulid(),
    projectId,
    area: creation.area,
    title: creation.title,
    ...document,
    status: 'draft',
    authorId: author.userId,
    authorName: author.name,
    submittedForPublishing: creation.submittedForPublishing,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The page after `editor`'s edit, nothing written yet: a new text is checked
 * (its images); an edit that leaves the text keeps it as stored. A published
 * page edited by someone who may not publish it goes back to draft.
 */
export async function editedPage(store: TableStore, page: Page, editorType: TwinspaceType, edit: PageEdit): Promise<Page> {
  const { publishedAt, content, media, ...unpublished } = page;
  const status = statusAfterEdit(editorType, page);
  const document = edit.body === undefined ? { content, media } : await pageDocument(store, page.projectId, page.area, edit.body);
  return {
    ...unpublished,
    ...(status === 'published' ? { publishedAt } : {}),
    ...document,
    title: edit.title ?? page.title,
    submittedForPublishing: edit.submittedForPublishing ?? page.submittedForPublishing,
    status,
    version: page.version + 1,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * A pupil's page newly submitted for publishing tells each of the project's
 * teachers ('page-submitted', subjectId = the page); anything else tells nobody.
 */
export async function submissionNotices(store: TableStore, before: Page | undefined, after: Page, writerType: TwinspaceType): Promise<Notification[]> {
  if (!isNewSubmission(before, after, writerType)) return [];
  const teacherIds = await listTeacherIds(store, after.projectId);
  const createdAt = new Date().toISOString();
  return teacherIds.map((userId) => ({
    notificationId: ulid(),
    userId,
    topic: 'page-submitted' as const,
    projectId: after.projectId,
    subjectId: after.pageId,
    params: { page: after.title, author: after.authorName, area: after.area },
    about: after.authorId,
    title: `${after.authorName} submitted “${after.title}” for publishing`,
    body: `${after.authorName} asks a teacher to publish the page “${after.title}”. Read it and publish it, or tell them what to change.`,
    createdAt,
  }));
}

/**
 * Writes the new page (or the edit over `before`, on condition it is still at
 * its version) with the teachers' notifications of a submission. `notices`:
 * the route reads them while the guard runs; without, they are read here.
 */
export async function writePage(
  store: TableStore,
  page: Page,
  before: Page | undefined,
  author: Pick<PageAuthor, 'userId' | 'type'>,
  notices?: Notification[],
): Promise<PageWriteOutcome> {
  const writer = { userId: author.userId, type: author.type };
  const told = notices ?? (await submissionNotices(store, before, page, author.type));
  return before ? replacePage(store, page, before.version, writer, told) : createPage(store, page, writer, told);
}

/** The texts the pupil guard reads of a page write, by the request's field names: the title, and the text as the guard reads a document (its words and the addresses its links hide, not its videos). */
export function pageTexts(fields: { title?: string; body?: RichDoc }): Record<string, string> {
  return {
    ...(fields.title !== undefined ? { title: fields.title } : {}),
    ...(fields.body !== undefined ? { body: guardedTextOf(fields.body) } : {}),
  };
}

/** Pupils read the public and the pupils' areas: a teacher's personal data there is warned about first. */
export const pupilsReadPagesOf = (area: Area): boolean => mayReadArea('pupil-member', area);
