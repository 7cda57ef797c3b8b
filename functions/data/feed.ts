/**
 * The TwinSpace home (keys.ts, patterns H1–H8): every entry under its
 * project in time order (`FEED#<ulid>`), members' posts and the automatic
 * entries alike; a pinned post also on the sparse pinned index; comments and
 * likes under their post; the teachers' board beside the feed.
 *
 * Automatic entries are written in the SAME transaction as the event that
 * causes them: the repositories of pages (publish), the forum (a thread), the
 * agenda (an event), memberships (a member added) and labels (a label
 * granted) append `automaticEntry(...)` to their own TransactWriteItems. Each
 * entry stores the area it belongs to, so the home shows it only to the types
 * that read that area.
 *
 * Writes go through transact(), each condition naming its guard: 'gone' (the
 * post is no longer there), 'changed' (its pinned state is not the one read),
 * 'full' (ten posts are pinned), 'liked' / 'notLiked' (the like is already
 * there / not there), 'closed' and 'typeChanged' (write-guards.ts), 'taken' (a
 * fresh ULID met an item: a bug, thrown).
 */
import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { FeedArea } from '../domain/feed.ts';
import { feedLimits } from '../domain/feed.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { feedIndex, feedKeys, gsi1, keys, withAuthor, withoutKeys, type ItemKey } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { transact, type GuardedItem } from './transact.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';
import { withStoredDocument, type StoredDocument } from './stored-document.ts';

/** ULIDs from one factory are strictly increasing: two entries of one millisecond keep their order. */
export const newFeedId = monotonicFactory();

export interface HomePerson {
  userId: string;
  /** Pupils by first name only (written so, once). */
  name: string;
}

export interface HomeAuthor extends HomePerson {
  type: TwinspaceType;
}

interface EntryBase {
  entryId: string;
  projectId: string;
  area: FeedArea;
  createdAt: string;
}

/** A member's post holds a rich-text document (stored-document.ts); comments and board notes stay plain text. */
export interface PostEntry extends EntryBase, StoredDocument {
  kind: 'post';
  author: HomeAuthor;
  likeCount: number;
  commentCount: number;
  pinnedAt?: string;
}

export type AutomaticFields =
  | { kind: 'page-published'; page: { pageId: string; title: string }; by: HomePerson }
  | { kind: 'thread-opened'; thread: { threadId: string; discussionId: string; title: string }; by: HomePerson }
  | { kind: 'event-added'; event: { eventId: string; title: string; startsAt: string }; by: HomePerson }
  | { kind: 'member-joined'; member: HomePerson & { type: TwinspaceType } }
  | { kind: 'label-granted'; label: { labelId: string; country: string } };

export type AutomaticEntry = EntryBase & AutomaticFields & { pinnedAt?: undefined };
export type FeedEntry = PostEntry | AutomaticEntry;

export interface HomeComment {
  commentId: string;
  postId: string;
  projectId: string;
  body: string;
  author: HomeAuthor;
  createdAt: string;
}

export interface BoardNote {
  noteId: string;
  projectId: string;
  body: string;
  author: HomeAuthor;
  createdAt: string;
}

type Page = { limit: number; startKey?: Record<string, unknown> };

function fromItem<T>(item: Record<string, unknown>): T {
  const { entity: _entity, ...fields } = withoutKeys(item);
  return fields as unknown as T;
}

/** A stored home entry; a post written before rich text (a plain `body`) reads as paragraphs. */
function toEntry(item: Record<string, unknown>): FeedEntry {
  const entry = fromItem<Record<string, unknown>>(item);
  return (entry.kind === 'post' ? withStoredDocument(entry) : entry) as unknown as FeedEntry;
}

/**
 * The automatic entry to append to the transaction of the event that causes
 * it (a fresh ULID, so its Put needs no condition).
 */
export function automaticEntry(store: TableStore, projectId: string, area: FeedArea, fields: AutomaticFields, at = new Date().toISOString()): GuardedItem<never> {
  const entryId = newFeedId();
  const entry = { entryId, projectId, area, createdAt: at, ...fields };
  // Indexed under the person it names (who did it, or who joined); a label's entry names nobody.
  const named = 'by' in fields ? fields.by.userId : 'member' in fields ? fields.member.userId : undefined;
  const key = feedKeys.entry(projectId, entryId);
  return { Put: { TableName: store.tableName, Item: { ...(named ? withAuthor(key, named, at) : key), entity: 'feedEntry', ...entry } } };
}

/** The entry among items the gate read (H3), or undefined. */
export function entryAmong(found: Record<string, unknown>[], projectId: string, entryId: string): FeedEntry | undefined {
  const key = feedKeys.entry(projectId, entryId);
  const item = found.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
  return item ? toEntry(item) : undefined;
}

/** The comment among items the gate read. */
export function commentAmong(found: Record<string, unknown>[], projectId: string, postId: string, commentId: string): HomeComment | undefined {
  const key = feedKeys.comment(projectId, postId, commentId);
  const item = found.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
  return item ? fromItem<HomeComment>(item) : undefined;
}

/** The board note among items the gate read (H8). */
export function noteAmong(found: Record<string, unknown>[], projectId: string, noteId: string): BoardNote | undefined {
  const key = feedKeys.note(projectId, noteId);
  const item = found.find((candidate) => candidate.PK === key.PK && candidate.SK === key.SK);
  return item ? fromItem<BoardNote>(item) : undefined;
}

/** H1: one page of the home, newest first (every area; the handler keeps what the reader may see). */
export async function listFeed(store: TableStore, projectId: string, page: Page): Promise<{ entries: FeedEntry[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :feed)',
      ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':feed': feedKeys.entryPrefix },
      ScanIndexForward: false,
    },
    page,
  );
  return { entries: items.map(toEntry), lastKey };
}

/** H2: the pinned posts, most recently pinned first (at most ten are ever pinned). */
export async function listPinned(store: TableStore, projectId: string): Promise<PostEntry[]> {
  const { items } = await queryPage(
    store,
    {
      IndexName: gsi1.indexName,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': feedIndex.pinnedPartition(projectId) },
      ScanIndexForward: false,
    },
    { limit: feedLimits.pinned * 2 },
  );
  return items.map((item) => toEntry(item) as PostEntry);
}

/** H5: which of these posts this member has liked (one BatchGetItem per 100 posts, sent at once). */
export async function likedAmong(store: TableStore, projectId: string, postIds: string[], userId: string): Promise<Set<string>> {
  const liked = new Set<string>();
  const chunks: string[][] = [];
  for (let start = 0; start < postIds.length; start += 100) chunks.push(postIds.slice(start, start + 100));
  await Promise.all(
    chunks.map(async (chunk) => {
      let request: Record<string, { Keys: ItemKey[]; ProjectionExpression?: string }> | undefined = {
        [store.tableName]: { Keys: chunk.map((postId) => feedKeys.like(projectId, postId, userId)), ProjectionExpression: 'PK' },
      };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        if (attempt > 5) throw new Error('DynamoDB left likes unread after retries');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
        const result = await store.db.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[store.tableName] ?? []) {
          const pk = item.PK as string;
          liked.add(pk.slice(pk.lastIndexOf('#') + 1));
        }
        request = result.UnprocessedKeys as typeof request;
      }
    }),
  );
  return liked;
}

/** What a home write met: done, or why nothing was written. */
export type HomeWriteOutcome = 'written' | 'gone' | 'changed' | 'full' | 'closed' | 'typeChanged';

type HomeGuard = 'gone' | 'changed' | 'full' | 'closed' | 'typeChanged' | 'taken';

/** Runs a home transaction; the first failed guard (in the order the post's own state first) is the outcome. */
async function homeTransaction(store: TableStore, items: GuardedItem<HomeGuard>[]): Promise<HomeWriteOutcome> {
  const outcome = await transact(store, items);
  if (outcome.written) return 'written';
  if (outcome.failed.includes('taken')) throw new Error('A new home item met an existing item with its key.');
  for (const guard of ['gone', 'changed', 'full', 'closed', 'typeChanged'] as const) if (outcome.failed.includes(guard)) return guard;
  return 'changed';
}

const putNew = (store: TableStore, Item: Record<string, unknown>): GuardedItem<'taken'> => ({
  guard: 'taken',
  Put: { TableName: store.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** The writer, as the gate read them: the write holds only while they keep that type. */
export interface HomeWriter {
  userId: string;
  type: TwinspaceType;
}

const writerGuards = (store: TableStore, projectId: string, writer: HomeWriter): GuardedItem<HomeGuard>[] => [
  projectStillApproved(store, projectId),
  memberStillOfType(store, projectId, writer.userId, writer.type),
];

/** A member's post, with the guards that the project is approved and the writer still of their type. */
export function createPost(store: TableStore, post: PostEntry, writer: HomeWriter): Promise<HomeWriteOutcome> {
  return homeTransaction(store, [
    putNew(store, { ...withAuthor(feedKeys.entry(post.projectId, post.entryId), post.author.userId, post.createdAt), entity: 'feedEntry', ...post }),
    ...writerGuards(store, post.projectId, writer),
  ]);
}

/** The entry's pinned state as read: the write holds only if it is still so (guard 'changed'), and the entry is still there ('gone'). */
function asRead(entry: FeedEntry) {
  return entry.pinnedAt === undefined
    ? { ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(pinnedAt)', values: {} }
    : { ConditionExpression: 'attribute_exists(PK) AND pinnedAt = :readPinnedAt', values: { ':readPinnedAt': entry.pinnedAt } };
}

const pinsCounter = (store: TableStore, projectId: string, delta: 1 | -1): GuardedItem<HomeGuard> => ({
  guard: 'full',
  Update: {
    TableName: store.tableName,
    Key: feedKeys.pins(projectId),
    UpdateExpression: 'ADD pinned :delta',
    ...(delta === 1 ? { ConditionExpression: 'attribute_not_exists(pinned) OR pinned < :max' } : {}),
    ExpressionAttributeValues: { ':delta': delta, ...(delta === 1 ? { ':max': feedLimits.pinned } : {}) },
  },
});

/**
 * A change conditioned on the entry's state as read. A failed condition is
 * 'gone' when the entry is no longer there, 'changed' when it is but pinned
 * otherwise: transact() names one guard per item, so the item says 'changed'
 * and a consistent re-read tells the two apart.
 */
async function onEntryAsRead(store: TableStore, entry: FeedEntry, write: (condition: { ConditionExpression: string; values: Record<string, unknown> }) => GuardedItem<HomeGuard>, others: GuardedItem<HomeGuard>[]): Promise<HomeWriteOutcome> {
  const outcome = await homeTransaction(store, [write(asRead(entry)), ...others]);
  if (outcome !== 'changed') return outcome;
  const { Responses } = await store.db.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: [feedKeys.entry(entry.projectId, entry.entryId)], ConsistentRead: true } } }));
  return (Responses?.[store.tableName]?.length ?? 0) > 0 ? 'changed' : 'gone';
}

/** Pins a post: its pinned keys (H2) and the project's pin counter (at most ten: 'full') in one transaction. */
export function pinPost(store: TableStore, post: PostEntry, pinnedAt: string): Promise<HomeWriteOutcome> {
  return onEntryAsRead(
    store,
    post,
    (condition) => ({
      guard: 'changed',
      Update: {
        TableName: store.tableName,
        Key: feedKeys.entry(post.projectId, post.entryId),
        UpdateExpression: 'SET pinnedAt = :at, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk',
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeValues: { ...condition.values, ':at': pinnedAt, ...prefixed(feedIndex.pinned(post.projectId, pinnedAt, post.entryId)) },
      },
    }),
    [pinsCounter(store, post.projectId, 1), projectStillApproved(store, post.projectId)],
  );
}

const prefixed = ({ GSI1PK, GSI1SK }: { GSI1PK: string; GSI1SK: string }) => ({ ':gsi1pk': GSI1PK, ':gsi1sk': GSI1SK });

/** Unpins a post: its pinned keys go and the counter counts one fewer, in one transaction. */
export function unpinPost(store: TableStore, post: PostEntry): Promise<HomeWriteOutcome> {
  return onEntryAsRead(
    store,
    post,
    (condition) => ({
      guard: 'changed',
      Update: {
        TableName: store.tableName,
        Key: feedKeys.entry(post.projectId, post.entryId),
        UpdateExpression: 'REMOVE pinnedAt, GSI1PK, GSI1SK',
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeValues: condition.values,
      },
    }),
    [pinsCounter(store, post.projectId, -1), projectStillApproved(store, post.projectId)],
  );
}

/**
 * Deletes an entry (a pinned one also counts off the pins) in one
 * transaction, then a post's comments and likes, which nothing reaches once
 * the post is gone.
 */
export async function deleteEntry(store: TableStore, entry: FeedEntry): Promise<HomeWriteOutcome> {
  const removed = await onEntryAsRead(
    store,
    entry,
    (condition) => ({
      guard: 'changed',
      Delete: {
        TableName: store.tableName,
        Key: feedKeys.entry(entry.projectId, entry.entryId),
        ConditionExpression: condition.ConditionExpression,
        ...(Object.keys(condition.values).length > 0 ? { ExpressionAttributeValues: condition.values } : {}),
      },
    }),
    [...(entry.pinnedAt === undefined ? [] : [pinsCounter(store, entry.projectId, -1)]), projectStillApproved(store, entry.projectId)],
  );
  if (removed !== 'written' || entry.kind !== 'post') return removed;
  const underPost = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': feedKeys.postPartition(entry.projectId, entry.entryId) },
    ProjectionExpression: 'PK, SK',
  });
  await deleteKeys(store, underPost as ItemKey[]);
  return 'written';
}

async function deleteKeys(store: TableStore, itemKeys: ItemKey[]): Promise<void> {
  for (let start = 0; start < itemKeys.length; start += 25) {
    let requests: BatchWriteCommandInput['RequestItems'] = {
      [store.tableName]: itemKeys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } })),
    };
    // BatchWrite may leave some unprocessed under throttling; send those again.
    for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB left home items undeleted after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await store.db.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  }
}

/** An update of the post that must still be there (guard 'gone'). */
const postCount = (store: TableStore, projectId: string, postId: string, counter: 'likeCount' | 'commentCount', delta: 1 | -1): GuardedItem<HomeGuard> => ({
  guard: 'gone',
  Update: {
    TableName: store.tableName,
    Key: feedKeys.entry(projectId, postId),
    UpdateExpression: `ADD ${counter} :delta`,
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':delta': delta },
  },
});

/** What a like or an unlike met: done, already so (nothing to do), or why not. */
export type LikeOutcome = 'written' | 'unchanged' | 'gone' | 'closed' | 'typeChanged';

/**
 * A like: the like item (one per member and post: 'liked' when it is there
 * already) and the post's likeCount + 1 in one transaction, so concurrent
 * likes of one member count once; an unlike the reverse.
 */
export async function setLike(store: TableStore, projectId: string, postId: string, writer: HomeWriter, like: boolean): Promise<LikeOutcome> {
  const key = feedKeys.like(projectId, postId, writer.userId);
  const likeItem: GuardedItem<'liked' | 'notLiked'> = like
    ? { guard: 'liked', Put: { TableName: store.tableName, Item: { ...withAuthor(key, writer.userId, new Date().toISOString()), entity: 'feedLike', userId: writer.userId, likedAt: new Date().toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' } }
    : { guard: 'notLiked', Delete: { TableName: store.tableName, Key: key, ConditionExpression: 'attribute_exists(PK)' } };
  const outcome = await transact<HomeGuard | 'liked' | 'notLiked'>(store, [
    likeItem,
    postCount(store, projectId, postId, 'likeCount', like ? 1 : -1),
    ...writerGuards(store, projectId, writer),
  ]);
  if (outcome.written) return 'written';
  if (outcome.failed.includes('gone')) return 'gone';
  if (outcome.failed.includes('closed')) return 'closed';
  if (outcome.failed.includes('typeChanged')) return 'typeChanged';
  return 'unchanged';
}

/** A comment and the post's commentCount + 1, in one transaction. */
export function createComment(store: TableStore, comment: HomeComment, writer: HomeWriter): Promise<HomeWriteOutcome> {
  return homeTransaction(store, [
    putNew(store, { ...withAuthor(feedKeys.comment(comment.projectId, comment.postId, comment.commentId), comment.author.userId, comment.createdAt), entity: 'feedComment', ...comment }),
    postCount(store, comment.projectId, comment.postId, 'commentCount', 1),
    ...writerGuards(store, comment.projectId, writer),
  ]);
}

/** A comment goes and the post counts one fewer, in one transaction ('gone': the comment or the post is no longer there). */
export function deleteComment(store: TableStore, comment: HomeComment): Promise<HomeWriteOutcome> {
  return homeTransaction(store, [
    {
      guard: 'gone',
      Delete: { TableName: store.tableName, Key: feedKeys.comment(comment.projectId, comment.postId, comment.commentId), ConditionExpression: 'attribute_exists(PK)' },
    },
    postCount(store, comment.projectId, comment.postId, 'commentCount', -1),
    projectStillApproved(store, comment.projectId),
  ]);
}

/** H4: one page of a post's comments, oldest first (a conversation reads from the top). */
export async function listComments(store: TableStore, projectId: string, postId: string, page: Page): Promise<{ comments: HomeComment[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :comment)',
      ExpressionAttributeValues: { ':pk': feedKeys.postPartition(projectId, postId), ':comment': feedKeys.commentPrefix },
    },
    page,
  );
  return { comments: items.map((item) => fromItem<HomeComment>(item)), lastKey };
}

/** A note of the teachers' board, with the writer's guards. */
export function createNote(store: TableStore, note: BoardNote, writer: HomeWriter): Promise<HomeWriteOutcome> {
  return homeTransaction(store, [
    putNew(store, { ...withAuthor(feedKeys.note(note.projectId, note.noteId), note.author.userId, note.createdAt), entity: 'boardNote', ...note }),
    ...writerGuards(store, note.projectId, writer),
  ]);
}

export function deleteNote(store: TableStore, note: BoardNote): Promise<HomeWriteOutcome> {
  return homeTransaction(store, [
    { guard: 'gone', Delete: { TableName: store.tableName, Key: feedKeys.note(note.projectId, note.noteId), ConditionExpression: 'attribute_exists(PK)' } },
    projectStillApproved(store, note.projectId),
  ]);
}

/** H7: one page of the teachers' board, newest first. */
export async function listNotes(store: TableStore, projectId: string, page: Page): Promise<{ notes: BoardNote[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :note)',
      ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':note': feedKeys.notePrefix },
      ScanIndexForward: false,
    },
    page,
  );
  return { notes: items.map((item) => fromItem<BoardNote>(item)), lastKey };
}
