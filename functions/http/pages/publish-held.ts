/**
 * The pages' publishers (functions/moderation/publishers.ts): when a teacher
 * releases a pupil's held page, the write the pupil asked for happens now, as
 * the pupil, through the route's own functions (page-writes.ts): the same
 * checks of its images, the same teachers told of a submission. The draft is
 * parsed with the route's own schema, so a teacher's edit obeys the same
 * limits (a 400 naming the field). Nothing is written when the project
 * closed ('closed'), the page went ('gone'), or it or the pupil's type
 * changed since the pupil saved ('changed').
 */
import type { HeldText } from '../../data/moderation.ts';
import { getPage, type Page, type PageWriteOutcome } from '../../data/pages.ts';
import type { TableStore } from '../../data/store.ts';
import { editRefusal } from '../../domain/pages.ts';
import { HttpError, parseOr400 } from '../../lib/errors.ts';
import type { PublishResult } from '../../moderation/publishers.ts';
import { editedPage, newPage, writePage, type PageAuthor } from './page-writes.ts';
import { pageCreateBody, pageUpdateBody } from './schemas.ts';

const authorOf = (held: HeldText): PageAuthor => ({ userId: held.authorId, type: held.authorType, name: held.authorName });

const refused = (outcome: Exclude<PageWriteOutcome, 'written'>): PublishResult => ({ published: false, reason: outcome === 'closed' ? 'closed' : 'changed' });

/** A page's images that are no longer fit for it (deleted, moved) make the document a 400 of the route: the page changed meanwhile. */
async function unlessImagesChanged(prepare: () => Promise<Page>): Promise<Page | undefined> {
  try {
    return await prepare();
  } catch (error) {
    if (error instanceof HttpError && error.code === 'VALIDATION_FAILED' && error.details.some((detail) => detail.field.startsWith('body.body'))) return undefined;
    throw error;
  }
}

/** 'page-create': the pupil's new page, written as theirs. */
export async function publishHeldPageCreate(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { acknowledgePersonalData: _none, ...creation } = parseOr400(pageCreateBody, draft, 'body');
  const author = authorOf(held);
  const page = await unlessImagesChanged(() => newPage(store, held.projectId, author, creation));
  if (!page) return { published: false, reason: 'changed' };
  const outcome = await writePage(store, page, undefined, author);
  return outcome === 'written' ? { published: true, itemId: page.pageId } : refused(outcome);
}

/** 'page-update': the pupil's edit, on condition the page is still at the version they edited (target.version). */
export async function publishHeldPageUpdate(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  const { acknowledgePersonalData: _none, ...edit } = parseOr400(pageUpdateBody, draft, 'body');
  const { pageId, version } = held.target as { pageId: string; version: number };
  const page = await getPage(store, held.projectId, pageId);
  if (!page) return { published: false, reason: 'gone' };
  const author = authorOf(held);
  if (page.version !== version || editRefusal(author.type, author.userId, page)) return { published: false, reason: 'changed' };
  const next = await unlessImagesChanged(() => editedPage(store, page, author.type, edit));
  if (!next) return { published: false, reason: 'changed' };
  const outcome = await writePage(store, next, page, author);
  return outcome === 'written' ? { published: true, itemId: page.pageId } : refused(outcome);
}
