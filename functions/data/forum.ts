/**
 * The forum's items (keys.ts, patterns F1–F5): discussions under their
 * project by area, threads under their discussion (listing) and under their
 * own id (header), replies under their thread. Every partition key carries
 * the project id, so a lookup through one project's path never finds another
 * project's thread. Counters and last activity change in the same
 * transaction as the item that changes them.
 */
import { BatchWriteCommand, PutCommand, TransactWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { ForumArea } from '../domain/forum.ts';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { forumKeys, keys, withoutKeys, type ItemKey } from './keys.ts';
import { isCancelledWrite } from './memberships.ts';
import { queryAll, queryPage } from './query.ts';
import type { TableStore } from './store.ts';

export interface ForumAuthor {
  authorId: string;
  /** Pupils by first name only (written so, once). */
  authorName: string;
  authorType: TwinspaceType;
}

export interface Discussion extends ForumAuthor {
  discussionId: string;
  projectId: string;
  area: ForumArea;
  title: string;
  body: string;
  createdAt: string;
  threadCount: number;
  lastActivityAt: string;
}

export interface Thread extends ForumAuthor {
  threadId: string;
  discussionId: string;
  projectId: string;
  area: ForumArea;
  title: string;
  body: string;
  createdAt: string;
  replyCount: number;
  lastActivityAt: string;
}

export interface Reply extends ForumAuthor {
  replyId: string;
  threadId: string;
  projectId: string;
  body: string;
  createdAt: string;
}

type Page = { limit: number; startKey?: Record<string, unknown> };

function fromItem<T>(item: Record<string, unknown>): T {
  const { entity: _entity, ...fields } = withoutKeys(item);
  return fields as unknown as T;
}

export async function putDiscussion(store: TableStore, discussion: Discussion): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...forumKeys.discussion(discussion.projectId, discussion.area, discussion.discussionId), entity: 'discussion', ...discussion },
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


/** A thread: its listing, its header and the discussion's counter in one transaction. False when the discussion is gone. */
export async function putThread(store: TableStore, thread: Thread): Promise<boolean> {
  const { projectId, discussionId, threadId } = thread;
  try {
    await store.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.tableName,
              Item: { ...forumKeys.threadListing(projectId, discussionId, threadId), entity: 'threadListing', ...thread },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: store.tableName,
              Item: { ...forumKeys.thread(projectId, threadId), entity: 'thread', ...thread },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: store.tableName,
              Key: forumKeys.discussion(projectId, thread.area, discussionId),
              UpdateExpression: 'ADD threadCount :one SET lastActivityAt = :at',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':one': 1, ':at': thread.createdAt },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isCancelledWrite(error)) return false;
    throw error;
  }
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


/** A reply, with both copies of its thread's counters and the discussion's last activity. False when the thread is gone. */
export async function putReply(store: TableStore, thread: Thread, reply: Reply): Promise<boolean> {
  const { projectId, threadId } = thread;
  const touch = (Key: Record<string, unknown>, counter?: string) => ({
    Update: {
      TableName: store.tableName,
      Key,
      UpdateExpression: counter ? `ADD ${counter} :one SET lastActivityAt = :at` : 'SET lastActivityAt = :at',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: counter ? { ':one': 1, ':at': reply.createdAt } : { ':at': reply.createdAt },
    },
  });
  try {
    await store.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.tableName,
              Item: { ...forumKeys.reply(projectId, threadId, reply.replyId), entity: 'reply', ...reply },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          touch(forumKeys.thread(projectId, threadId), 'replyCount'),
          touch(forumKeys.threadListing(projectId, thread.discussionId, threadId), 'replyCount'),
          touch(forumKeys.discussion(projectId, thread.area, thread.discussionId)),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isCancelledWrite(error)) return false;
    throw error;
  }
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

/** Moderation: a reply goes, and both copies of its thread count one fewer. False when there was no such reply. */
export async function deleteReply(store: TableStore, thread: Thread, replyId: string): Promise<boolean> {
  const { projectId, threadId } = thread;
  const uncount = (Key: Record<string, unknown>) => ({
    Update: {
      TableName: store.tableName,
      Key,
      UpdateExpression: 'ADD replyCount :minusOne',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':minusOne': -1 },
    },
  });
  try {
    await store.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: store.tableName, Key: forumKeys.reply(projectId, threadId, replyId), ConditionExpression: 'attribute_exists(PK)' } },
          uncount(forumKeys.thread(projectId, threadId)),
          uncount(forumKeys.threadListing(projectId, thread.discussionId, threadId)),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isCancelledWrite(error)) return false;
    throw error;
  }
}

/**
 * Moderation: a thread goes (its header, its listing and one off the
 * discussion's count, in one transaction), then its replies, which nothing
 * reaches once the header is gone. False when there was no such thread.
 */
export async function deleteThread(store: TableStore, thread: Thread): Promise<boolean> {
  const { projectId, threadId, discussionId } = thread;
  try {
    await store.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: store.tableName, Key: forumKeys.thread(projectId, threadId), ConditionExpression: 'attribute_exists(PK)' } },
          { Delete: { TableName: store.tableName, Key: forumKeys.threadListing(projectId, discussionId, threadId) } },
          {
            Update: {
              TableName: store.tableName,
              Key: forumKeys.discussion(projectId, thread.area, discussionId),
              UpdateExpression: 'ADD threadCount :minusOne',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':minusOne': -1 },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (isCancelledWrite(error)) return false;
    throw error;
  }
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
  return true;
}
