/**
 * The forum's items (keys.ts, patterns F1–F5): discussions under their
 * project by area, threads under their discussion (listing) and under their
 * own id (header), replies under their thread. Every partition key carries
 * the project id, so a lookup through one project's path never finds another
 * project's thread. Counters and last activity change in the same
 * transaction as the item that changes them, written through transact()
 * (data/transact.ts): each condition names its guard, and a conflict with a
 * concurrent write (many replies to one thread) is sent again, never taken
 * for a missing thread.
 */
import { BatchWriteCommand, PutCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ForumArea } from '../domain/forum.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { forumKeys, keys, withAuthor, withoutKeys, type ItemKey } from './keys.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';
import { automaticEntry } from './feed.ts';
import { transact, type GuardedItem } from './transact.ts';
import { withStoredDocument, type StoredDocument } from './stored-document.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';

export interface ForumAuthor {
  authorId: string;
  /** Pupils by first name only (written so, once). */
  authorName: string;
  authorType: TwinspaceType;
}

/** Discussions, threads and replies hold a rich-text document (stored-document.ts): `content`, and `media` when it shows images. */
export interface Discussion extends ForumAuthor, StoredDocument {
  discussionId: string;
  projectId: string;
  area: ForumArea;
  title: string;
  createdAt: string;
  threadCount: number;
  lastActivityAt: string;
}

export interface Thread extends ForumAuthor, StoredDocument {
  threadId: string;
  discussionId: string;
  projectId: string;
  area: ForumArea;
  title: string;
  createdAt: string;
  replyCount: number;
  lastActivityAt: string;
}

export interface Reply extends ForumAuthor, StoredDocument {
  replyId: string;
  threadId: string;
  projectId: string;
  createdAt: string;
}

type Page = { limit: number; startKey?: Record<string, unknown> };

/** A stored post; one written before rich text (a plain `body`) reads as paragraphs. */
function fromItem<T>(item: Record<string, unknown>): T {
  const { entity: _entity, ...fields } = withoutKeys(item);
  return withStoredDocument(fields) as unknown as T;
}

export async function putDiscussion(store: TableStore, discussion: Discussion): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...withAuthor(forumKeys.discussion(discussion.projectId, discussion.area, discussion.discussionId), discussion.authorId, discussion.createdAt), entity: 'discussion', ...discussion },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** F1: one page of an area's discussions, newest first. */
export async function listDiscussions(store: TableStore, projectId: string, area: ForumArea, page: Page) {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :forum)',
      ExpressionAttributeValues: { ':pk': keys.projectPartition(projectId), ':forum': forumKeys.discussionPrefix(area) },
      ScanIndexForward: false,
    },
    page,
  );
  return { discussions: items.map((item) => fromItem<Discussion>(item)), lastKey };
}

/** F2's keys: a discussion of this project may be in either area. Read with the gate (alongWith), in its BatchGetItem. */
export const discussionLookup = (projectId: string, discussionId: string): ItemKey[] => [
  forumKeys.discussion(projectId, 'pupils', discussionId),
  forumKeys.discussion(projectId, 'teachers', discussionId),
];

const isOneOf = (item: Record<string, unknown>, wanted: ItemKey[]) => wanted.some((key) => item.PK === key.PK && item.SK === key.SK);

/** The discussion among items read with discussionLookup's keys. */
export function discussionAmong(found: Record<string, unknown>[], projectId: string, discussionId: string): Discussion | undefined {
  const item = found.find((candidate) => isOneOf(candidate, discussionLookup(projectId, discussionId)));
  return item ? fromItem<Discussion>(item) : undefined;
}

/** F4's key: a thread of this project by its id, read with the gate. */
export const threadLookup = (projectId: string, threadId: string): ItemKey[] => [forumKeys.thread(projectId, threadId)];

/** The thread among items read by threadLookup's key. */
export function threadAmong(found: Record<string, unknown>[], projectId: string, threadId: string): Thread | undefined {
  const item = found.find((candidate) => isOneOf(candidate, threadLookup(projectId, threadId)));
  return item ? fromItem<Thread>(item) : undefined;
}

/**
 * What a forum write met: done, or the discussion or thread it belongs to is
 * gone (deleted by a moderator since the gate read it).
 */
export type ForumWriteOutcome = 'written' | 'not-found';

/**
 * What a new thread or reply met besides: the project was closed, or the
 * author's type changed, since the permission was decided (by the gate, or
 * by a teacher releasing a pupil's held text some time later).
 */
export type ForumPostOutcome = ForumWriteOutcome | 'closed' | 'typeChanged';

type ForumGuard = 'gone' | 'taken' | 'closed' | 'typeChanged';

/**
 * A transaction of forum items. 'gone' guards the items a write needs to
 * exist (the discussion, the thread); 'taken' guards a new item's key, which
 * a fresh ULID never meets: if it does, that is a bug, not an answer.
 */
async function forumTransaction(store: TableStore, items: GuardedItem<ForumGuard>[]): Promise<ForumPostOutcome> {
  const outcome = await transact(store, items);
  if (outcome.written) return 'written';
  if (outcome.failed.includes('taken')) throw new Error('A new forum item met an existing item with its key.');
  if (outcome.failed.includes('gone')) return 'not-found';
  if (outcome.failed.includes('closed')) return 'closed';
  return 'typeChanged';
}

/** The project still approved and the author still of the type the write was allowed for. */
const authorGuards = (store: TableStore, projectId: string, author: ForumAuthor): GuardedItem<ForumGuard>[] => [
  projectStillApproved(store, projectId),
  memberStillOfType(store, projectId, author.authorId, author.authorType),
];

const putNew = (store: TableStore, Item: Record<string, unknown>): GuardedItem<'taken'> => ({
  guard: 'taken',
  Put: { TableName: store.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** An update of an item that must still be there (guard 'gone'). */
const updateExisting = (store: TableStore, Key: ItemKey, UpdateExpression: string, ExpressionAttributeValues: Record<string, unknown>): GuardedItem<'gone'> => ({
  guard: 'gone',
  Update: { TableName: store.tableName, Key, UpdateExpression, ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues },
});

/**
 * A thread: its listing, its header, the discussion's counter and the home's
 * automatic entry (data/feed.ts; in the forum's area, so the teachers' forum
 * stays the teachers') in one transaction, with the author's guards.
 * 'not-found' when the discussion is gone.
 */
export function putThread(store: TableStore, thread: Thread): Promise<ForumPostOutcome> {
  const { projectId, discussionId, threadId } = thread;
  return forumTransaction(store, [
    automaticEntry(store, projectId, thread.area, { kind: 'thread-opened', thread: { threadId, discussionId, title: thread.title }, by: { userId: thread.authorId, name: thread.authorName } }, thread.createdAt),
    putNew(store, { ...withAuthor(forumKeys.threadListing(projectId, discussionId, threadId), thread.authorId, thread.createdAt), entity: 'threadListing', ...thread }),
    putNew(store, { ...withAuthor(forumKeys.thread(projectId, threadId), thread.authorId, thread.createdAt), entity: 'thread', ...thread }),
    updateExisting(store, forumKeys.discussion(projectId, thread.area, discussionId), 'ADD threadCount :one SET lastActivityAt = :at', {
      ':one': 1,
      ':at': thread.createdAt,
    }),
    ...authorGuards(store, projectId, thread),
  ]);
}

/** F3: one page of a discussion's threads, newest first. */
export async function listThreads(store: TableStore, projectId: string, discussionId: string, page: Page) {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :thread)',
      ExpressionAttributeValues: { ':pk': forumKeys.discussionPartition(projectId, discussionId), ':thread': forumKeys.threadPrefix },
      ScanIndexForward: false,
    },
    page,
  );
  return { threads: items.map((item) => fromItem<Thread>(item)), lastKey };
}

/**
 * A reply, with both copies of its thread's counters and the discussion's
 * last activity, in one transaction (transact(): a conflict with another
 * reply on the same thread is sent again, never taken for a missing thread).
 * 'not-found' when the thread is gone.
 */
export function putReply(store: TableStore, thread: Pick<Thread, 'projectId' | 'threadId' | 'discussionId' | 'area'>, reply: Reply): Promise<ForumPostOutcome> {
  const { projectId, threadId } = thread;
  const counted = { ':one': 1, ':at': reply.createdAt };
  return forumTransaction(store, [
    putNew(store, { ...withAuthor(forumKeys.reply(projectId, threadId, reply.replyId), reply.authorId, reply.createdAt), entity: 'reply', ...reply }),
    updateExisting(store, forumKeys.thread(projectId, threadId), 'ADD replyCount :one SET lastActivityAt = :at', counted),
    updateExisting(store, forumKeys.threadListing(projectId, thread.discussionId, threadId), 'ADD replyCount :one SET lastActivityAt = :at', counted),
    updateExisting(store, forumKeys.discussion(projectId, thread.area, thread.discussionId), 'SET lastActivityAt = :at', { ':at': reply.createdAt }),
    ...authorGuards(store, projectId, reply),
  ]);
}

/** F5: one page of a thread's replies, oldest first (a conversation reads from the top). */
export async function listReplies(store: TableStore, projectId: string, threadId: string, page: Page) {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reply)',
      ExpressionAttributeValues: { ':pk': forumKeys.threadPartition(projectId, threadId), ':reply': forumKeys.replyPrefix },
    },
    page,
  );
  return { replies: items.map((item) => fromItem<Reply>(item)), lastKey };
}

/** What deleting a reply met: done, no such reply, or its thread is gone. */
export type ReplyDeleteOutcome = 'deleted' | 'no-reply' | 'no-thread';

/** Moderation: a reply goes, and both copies of its thread count one fewer. */
export async function deleteReply(store: TableStore, thread: Thread, replyId: string): Promise<ReplyDeleteOutcome> {
  const { projectId, threadId } = thread;
  const uncount = (Key: ItemKey) => updateExisting(store, Key, 'ADD replyCount :minusOne', { ':minusOne': -1 });
  const outcome = await transact<'reply' | 'gone'>(store, [
    {
      guard: 'reply',
      Delete: { TableName: store.tableName, Key: forumKeys.reply(projectId, threadId, replyId), ConditionExpression: 'attribute_exists(PK)' },
    },
    uncount(forumKeys.thread(projectId, threadId)),
    uncount(forumKeys.threadListing(projectId, thread.discussionId, threadId)),
  ]);
  if (outcome.written) return 'deleted';
  return outcome.failed.includes('reply') ? 'no-reply' : 'no-thread';
}

/**
 * Moderation: a thread goes (its header, its listing and one off the
 * discussion's count, in one transaction), then its replies, which nothing
 * reaches once the header is gone. 'not-found' when there was no such thread.
 */
export async function deleteThread(store: TableStore, thread: Thread): Promise<ForumWriteOutcome> {
  const { projectId, threadId, discussionId } = thread;
  const removed = await forumTransaction(store, [
    { guard: 'gone', Delete: { TableName: store.tableName, Key: forumKeys.thread(projectId, threadId), ConditionExpression: 'attribute_exists(PK)' } },
    { Delete: { TableName: store.tableName, Key: forumKeys.threadListing(projectId, discussionId, threadId) } },
    updateExisting(store, forumKeys.discussion(projectId, thread.area, discussionId), 'ADD threadCount :minusOne', { ':minusOne': -1 }),
  ]);
  // Only 'gone' is guarded here: any refusal is a thread no longer there.
  if (removed !== 'written') return 'not-found';
  const replyKeys = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reply)',
    ExpressionAttributeValues: { ':pk': forumKeys.threadPartition(projectId, threadId), ':reply': forumKeys.replyPrefix },
    ProjectionExpression: 'PK, SK',
  });
  for (let start = 0; start < replyKeys.length; start += 25) {
    let requests: BatchWriteCommandInput['RequestItems'] = {
      [store.tableName]: replyKeys.slice(start, start + 25).map((Key) => ({ DeleteRequest: { Key } })),
    };
    // BatchWrite may leave some unprocessed under throttling; send those again.
    for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB left forum replies undeleted after retries');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result: BatchWriteCommandOutput = await store.db.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  }
  return 'written';
}
