/**
 * TwinSpace pages (keys.ts, patterns G1–G5). A page's index keys follow its
 * status: a draft is listed under its area's draft partition by author, a
 * published page under the published partition by publication time. Every
 * write replaces the whole item in one TransactWriteItems, conditional on the
 * version read (or on being new), with checks that the project is still
 * approved and the writer still has the type the decision was made on.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../domain/areas.ts';
import type { PageStatus } from '../domain/pages.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { cursorRefused, parseCursorKey } from '../lib/cursor.ts';
import * as z from 'zod';
import { gsi1, keys, pageIndex, pageKeys, withoutKeys } from './keys.ts';
import { queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';

export interface Page {
  pageId: string;
  projectId: string;
  area: Area;
  title: string;
  body: string;
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

/** Why a page write did not happen: the page changed or went, the project closed, or the writer's type changed. */
export class PageWriteConflict extends Error {
  constructor(readonly reason: 'stale' | 'closed' | 'type-changed') {
    super(`page write refused: ${reason}`);
    this.name = 'PageWriteConflict';
  }
}

/** The writer, as the decision was made: their id and their type in the project. */
export interface PageWriter {
  userId: string;
  type: TwinspaceType;
}

const toPage = (item: Record<string, unknown>): Page => {
  const { entity: _entity, ...page } = withoutKeys(item);
  return page as unknown as Page;
};

const indexKeysOf = (page: Page) =>
  page.status === 'published'
    ? pageIndex.published(page.projectId, page.area, page.publishedAt ?? page.updatedAt, page.pageId)
    : pageIndex.draft(page.projectId, page.area, page.authorId, page.pageId);

export async function getPage(store: TableStore, projectId: string, pageId: string): Promise<Page | undefined> {
  const result = await store.db.send(new GetCommand({ TableName: store.tableName, Key: pageKeys.page(projectId, pageId) }));
  return result.Item ? toPage(result.Item) : undefined;
}

/** The project still approved and the writer still of the type read: a decision made on a read still holds. */
function guards(store: TableStore, projectId: string, writer: PageWriter) {
  return [projectStillApproved(store, projectId), memberStillOfType(store, projectId, writer.userId, writer.type)];
}

/** Runs a page write with its guards; a failed condition becomes a PageWriteConflict naming which. */
async function guardedWrite(store: TableStore, projectId: string, writer: PageWriter, pageWrite: Record<string, unknown>): Promise<void> {
  try {
    await store.db.send(new TransactWriteCommand({ TransactItems: [pageWrite, ...guards(store, projectId, writer)] as never }));
  } catch (error) {
    const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
    const failed = (index: number) => reasons[index]?.Code === 'ConditionalCheckFailed';
    if (failed(0)) throw new PageWriteConflict('stale');
    if (failed(1)) throw new PageWriteConflict('closed');
    if (failed(2)) throw new PageWriteConflict('type-changed');
    throw error;
  }
}

const itemOf = (page: Page) => ({ ...pageKeys.page(page.projectId, page.pageId), ...indexKeysOf(page), entity: 'page', ...page });

export async function createPage(store: TableStore, page: Page, writer: PageWriter): Promise<void> {
  await guardedWrite(store, page.projectId, writer, {
    Put: { TableName: store.tableName, Item: itemOf(page), ConditionExpression: 'attribute_not_exists(PK)' },
  });
}

/** Replaces the page (edit or publish), on condition it still has the version `readVersion`. */
export async function replacePage(store: TableStore, next: Page, readVersion: number, writer: PageWriter): Promise<void> {
  await guardedWrite(store, next.projectId, writer, {
    Put: {
      TableName: store.tableName,
      Item: itemOf(next),
      ConditionExpression: '#version = :read',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':read': readVersion },
    },
  });
}

export async function deletePage(store: TableStore, page: Page, writer: PageWriter): Promise<void> {
  await guardedWrite(store, page.projectId, writer, {
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

