/**
 * In-app notifications (keys.ts pattern 14) and the evaluators' digest marks
 * (pattern 13: at most one digest per evaluator per day).
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { keys, prefixes, withoutKeys } from './keys.ts';
import type { TableStore } from './store.ts';

/** What the project lifecycle tells a teacher about (functions/http/projects/, functions/http/approvals/). */
export type ProjectLifecycleTopic = 'project-declined' | 'project-accepted' | 'project-approved' | 'project-rejected';

export interface Notification {
  notificationId: string;
  userId: string;
  /** 'diary-reply': an NSS answer or a teacher's comment on my Project Diary entry (functions/http/diary-replies.ts). */
  topic: 'evaluator-digest' | ProjectLifecycleTopic | 'diary-reply' | 'label-result' | 'chat-report';
  /** The project it is about, for a link (project lifecycle topics, diary replies, a label's result). */
  projectId?: string;
  /** What in the project it is about ('chat-report': the reported message's id). */
  subjectId?: string;
  title: string;
  body: string;
  createdAt: string;
}

export async function putNotification(store: TableStore, notification: Notification): Promise<void> {
  await store.db.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.notification(notification.userId, notification.notificationId), entity: 'notification', ...notification },
    }),
  );
}

export async function listNotifications(store: TableStore, userId: string, limit: number): Promise<Notification[]> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :notification)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':notification': prefixes.notification },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => {
    const { entity: _entity, ...notification } = withoutKeys(item);
    return notification as unknown as Notification;
  });
}

/** How long a digest mark is kept: long enough to cover the day it guards. */
const digestMarkTtlSeconds = 3 * 24 * 60 * 60;

/**
 * Claims today's digest for this evaluator. True the first time on a given
 * day, false every later time (the conditional put is the dedup, so two
 * schedule firings racing each other still send one digest).
 */
export async function claimDigestDay(store: TableStore, userId: string, day: string, now: Date): Promise<boolean> {
  try {
    await store.db.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.digestMark(userId, day),
          entity: 'digestMark',
          userId,
          day,
          expiresAt: Math.floor(now.getTime() / 1000) + digestMarkTtlSeconds,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Gives the day back (the digest could not be delivered), so a later firing may send it. */
export async function releaseDigestDay(store: TableStore, userId: string, day: string): Promise<void> {
  await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.digestMark(userId, day) }));
}

/** One page of my notifications, newest first (pattern 14), for GET /me/notifications. */
export async function listNotificationPage(
  store: TableStore,
  userId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ notifications: Notification[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :notification)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':notification': prefixes.notification },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  const notifications = (result.Items ?? []).map((item) => {
    const { entity: _entity, ...notification } = withoutKeys(item);
    return notification as unknown as Notification;
  });
  return { notifications, lastKey: result.LastEvaluatedKey };
}
