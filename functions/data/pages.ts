/**
 * TwinSpace pages (keys.ts, patterns G1–G5). A page's index keys follow its
 * status: a draft is listed under its area's draft partition by author, a
 * published page under the published partition by publication time. Every
 * write replaces the whole item in one TransactWriteItems (transact()),
 * conditional on the version read (or on being new), with checks that the
 * project is still approved and the writer still has the type the decision
 * was made on; the outcome names which held not.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../domain/areas.ts';
import type { PageStatus } from '../domain/pages.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { cursorRefused, parseCursorKey } from '../lib/cursor.ts';
import * as z from 'zod';
import { gsi1, pageIndex, pageKeys, withAuthor, withoutKeys } from './keys.ts';
import { queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { automaticEntry } from './feed.ts';
import { noticesFor, type Notification } from './notifications.ts';
import { transact, type GuardedItem } from './transact.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';
import { withStoredDocument, type StoredDocument } from './stored-document.ts';

/** A page's text is a rich-text document (stored-document.ts): `content`, and `media` when it shows images. */
export interface Page extends StoredDocument {
  pageId: string;
  projectId: string;
  area: Area;
  title: string;
  status: PageStatus;
  authorId: string;
  /** Pupils by first name (as other members see them). */
  authorName: string;
  /** A pupil member's request that a teacher or pupil administrator publish it; cleared on publishing. */
  submittedForPublishing: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
}

/** What a page write met: done, or why nothing was written (the page changed or went, the project closed, the writer's type changed). */
export type PageWriteOutcome = 'written' | 'stale' | 'closed' | 'typeChanged';

/** The writer, as the decision was made: their id and their type in the project. */
export interface PageWriter {
  userId: string;
  type: TwinspaceType;
}

/** A stored page; one written before rich text (a plain `body`) reads as paragraphs. */
const toPage = (item: Record<string, unknown>): Page => {
  const { entity: _entity, ...page } = withoutKeys(item);
  return withStoredDocument(page) as unknown as Page;
};

const indexKeysOf = (page: Page) =>
  page.status === 'published'
    ? pageIndex.published(page.projectId, page.area, page.publishedAt ?? page.updatedAt, page.pageId)
    : pageIndex.draft(page.projectId, page.area, page.authorId, page.pageId);

export async function getPage(store: TableStore, projectId: string, pageId: string): Promise<Page | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: pageKeys.page(projectId, pageId) }));
  return result.Item ? toPage(result.Item) : undefined;
}

/**
 * Runs a page write (guard 'stale': the page is at the version read, or new)
 * with the guards that the project is still approved ('closed') and the writer
 * still of the type read ('typeChanged'): a decision made on a read still
 * holds. When several fail, the page's own state is said first.
 */
async function guardedWrite(
  store: TableStore,
  projectId: string,
  writer: PageWriter,
  pageWrite: GuardedItem<'stale'>,
  feedEntry: GuardedItem<never>[] = [],
  notices: readonly Notification[] = [],
): Promise<PageWriteOutcome> {
  const items = [pageWrite, projectStillApproved(store, projectId), memberStillOfType(store, projectId, writer.userId, writer.type), ...feedEntry];
  // The teachers' notifications of a page submitted for publishing: in the same transaction (those that fit).
  const told = noticesFor(store, items.length, notices);
  const outcome = await transact(store, [...items, ...told.items]);
  if (outcome.written) {
    await told.writeRest();
    return 'written';
  }
  if (outcome.failed.includes('stale')) return 'stale';
  return outcome.failed.includes('closed') ? 'closed' : 'typeChanged';
}

const itemOf = (page: Page) => ({ ...withAuthor(pageKeys.page(page.projectId, page.pageId), page.authorId, page.createdAt), ...indexKeysOf(page), entity: 'page', ...page });

/** A new page; `notices` (a pupil's page submitted for publishing: its teachers') are written with it. */
export function createPage(store: TableStore, page: Page, writer: PageWriter, notices: readonly Notification[] = []): Promise<PageWriteOutcome> {
  return guardedWrite(
    store,
    page.projectId,
    writer,
    { guard: 'stale', Put: { TableName: store.tableName, Item: itemOf(page), ConditionExpression: 'attribute_not_exists(PK)' } },
    [],
    notices,
  );
}

/**
 * The page was published by this very write: only publishing sets publishedAt
 * (edits keep it and move updatedAt on), so the two are equal exactly then.
 */
const publishedNow = (page: Page) => page.status === 'published' && page.publishedAt !== undefined && page.publishedAt === page.updatedAt;

/** The home's automatic entry (data/feed.ts) of a page published, in the page's area: written with the publishing. */
const pagePublishedEntry = (store: TableStore, page: Page) =>
  automaticEntry(store, page.projectId, page.area, { kind: 'page-published', page: { pageId: page.pageId, title: page.title }, by: { userId: page.authorId, name: page.authorName } }, page.publishedAt);

/** Replaces the page (edit or publish), on condition it still has the version `readVersion`; publishing also writes the home's entry. */
export function replacePage(store: TableStore, next: Page, readVersion: number, writer: PageWriter, notices: readonly Notification[] = []): Promise<PageWriteOutcome> {
  const feedEntry = publishedNow(next) ? [pagePublishedEntry(store, next)] : [];
  return guardedWrite(store, next.projectId, writer, {
    guard: 'stale',
    Put: {
      TableName: store.tableName,
      Item: itemOf(next),
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': readVersion },
    },
  }, feedEntry, notices);
}

/** Deletes the page, on condition it still has the version read. */
export function deletePage(store: TableStore, page: Page, writer: PageWriter): Promise<PageWriteOutcome> {
  return guardedWrite(store, page.projectId, writer, {
    guard: 'stale',
    Delete: {
      TableName: store.tableName,
      Key: pageKeys.page(page.projectId, page.pageId),
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': page.version },
    },
  });
}

/** Which pages a list shows: an area's published pages, all its drafts, or one author's drafts. */
export type PageListScope =
  | { status: 'published' }
  | { status: 'draft'; authorId?: string };

function scopeRange(projectId: string, area: Area, scope: PageListScope) {
  return {
    gsi1pk: pageIndex.partition(projectId, area, scope.status),
    gsi1skPrefix: scope.status === 'draft' && scope.authorId ? `${scope.authorId}#` : '',
  };
}

const indexKey = z.object({ PK: z.string(), SK: z.string(), GSI1PK: z.string(), GSI1SK: z.string() }).strict();

/**
 * A list cursor back into its key, or the 400: it must point into the same
 * index partition and range, and name the same page in both keys.
 */
export function decodePageCursor(cursor: string | undefined, projectId: string, area: Area, scope: PageListScope) {
  if (cursor === undefined) return undefined;
  const key = parseCursorKey(cursor, indexKey);
  const { gsi1pk, gsi1skPrefix } = scopeRange(projectId, area, scope);
  const pageId = key.GSI1SK.slice(key.GSI1SK.lastIndexOf('#') + 1);
  const own = pageKeys.page(projectId, pageId);
  const inScope = key.GSI1PK === gsi1pk && key.GSI1SK.startsWith(gsi1skPrefix) && pageId.length > 0 && key.PK === own.PK && key.SK === own.SK;
  if (!inScope) throw cursorRefused();
  return key;
}

/** One page of a list, newest first (published: by publication; drafts: by author, then newest). */
export async function listPages(
  store: TableStore,
  projectId: string,
  area: Area,
  scope: PageListScope,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ pages: Page[]; lastKey?: Record<string, unknown> }> {
  const { gsi1pk, gsi1skPrefix } = scopeRange(projectId, area, scope);
  const { items, lastKey } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: gsi1skPrefix ? 'GSI1PK = :pk AND begins_with(GSI1SK, :range)' : 'GSI1PK = :pk',
      ExpressionAttributeValues: gsi1skPrefix ? { ':pk': gsi1pk, ':range': gsi1skPrefix } : { ':pk': gsi1pk },
      ScanIndexForward: false,
    },
    page,
  );
  return { pages: items.map(toPage), lastKey };
}

