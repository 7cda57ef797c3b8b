/**
 * In-app notifications (keys.ts pattern 14) and the evaluators' digest marks
 * (pattern 13: at most one digest per evaluator per day).
 *
 * Every notification is written through `notificationPut` (inside its
 * event's transaction) or `putNotification` (on its own): both set
 * `entity = notification` (the stream's filter) and `expiresAt`, the TTL of
 * 90 days (domain/notifications.ts). Read state: `readAt`, set once.
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { notificationExpiresAt, splitNotices, type NotificationTopic } from '../domain/notifications.ts';
import { keys, prefixes, withAuthor, withoutKeys } from './keys.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import type { GuardedItem } from './transact.ts';
import { writtenIfHolds } from './conditional-write.ts';

export type { NotificationTopic } from '../domain/notifications.ts';

/** What the project lifecycle tells a teacher about (functions/http/projects/, functions/http/approvals/). */
export type ProjectLifecycleTopic = 'project-invited' | 'project-declined' | 'project-accepted' | 'project-approved' | 'project-rejected';

export interface Notification {
  notificationId: string;
  userId: string;
  topic: NotificationTopic;
  /** The project it is about, for a link. */
  projectId?: string;
  /** What it is about inside that: a page, a mailbox message, a desktop mail, a diary entry, a label, an encounter, a chat message. */
  subjectId?: string;
  /** The names the site's own sentence for this topic needs (a project's title, a sender's name), so it renders in the reader's language. */
  params?: Record<string, string | number>;
  /** English sentences: the fallback when the site has no sentence for the topic (and the e-mail's text). */
  title: string;
  body: string;
  createdAt: string;
  /** When its person marked it read; absent while unread. */
  readAt?: string;
  /** TTL (epoch seconds): createdAt + 90 days. Set by notificationPut, never by a producer. */
  expiresAt?: number;
  /**
   * The person whose name `params` or the sentences carry (a mail's sender, a material's author): the notification is
   * indexed under them (the author index), so their erasure deletes it. Never on the wire.
   */
  about?: string;
}

/** The stored item of a notification: its keys, the stream's entity, the TTL. */
function notificationItem(notification: Notification): Record<string, unknown> {
  const key = keys.notification(notification.userId, notification.notificationId);
  return {
    ...(notification.about ? withAuthor(key, notification.about, notification.createdAt) : key),
    entity: 'notification',
    ...notification,
    expiresAt: notificationExpiresAt(notification.createdAt),
  };
}

/** A notification as one item of its event's TransactWriteItems. */
export function notificationPut(store: TableStore, notification: Notification): GuardedItem<never> {
  return { Put: { TableName: store.tableName, Item: notificationItem(notification) } };
}

/**
 * Notifications for a transaction that already holds `taken` items: those
 * that fit go in (`items`), the rest are written by `writeRest` once the
 * transaction succeeded (a project with very many teachers).
 */
export function noticesFor(store: TableStore, taken: number, notices: readonly Notification[]) {
  const { inTransaction, after } = splitNotices(taken, notices);
  return {
    items: inTransaction.map((notice) => notificationPut(store, notice)),
    writeRest: () => Promise.all(after.map((notice) => putNotification(store, notice))).then(() => undefined),
  };
}

export async function putNotification(store: TableStore, notification: Notification): Promise<void> {
  await store.db.send(new PutCommand({ TableName: store.tableName, Item: notificationItem(notification) }));
}

/** A stored item (a Query's, or a stream record's NEW_IMAGE unmarshalled) as a Notification. */
export function toNotification(item: Record<string, unknown>): Notification {
  const { entity: _entity, ...notification } = withoutKeys(item);
  return notification as unknown as Notification;
}

/** A notification as GET /me/notifications lists it and the live `notification` frame carries it (NotificationResponse). */
export interface NotificationView {
  notificationId: string;
  topic: NotificationTopic;
  title: string;
  body: string;
  createdAt: string;
  projectId?: string;
  subjectId?: string;
  params?: Record<string, string | number>;
  read: boolean;
}

/** The wire shape: read or not, never its owner, keys or TTL. */
export function notificationView(notification: Notification): NotificationView {
  const { notificationId, topic, title, body, createdAt, projectId, subjectId, params, readAt } = notification;
  return {
    notificationId,
    topic,
    title,
    body,
    createdAt,
    ...(projectId ? { projectId } : {}),
    ...(subjectId ? { subjectId } : {}),
    ...(params ? { params } : {}),
    read: readAt !== undefined,
  };
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
  return (result.Items ?? []).map(toNotification);
}

/** Pattern 14 narrowed to the unread ones (N2): a FilterExpression, bounded by the 90-day TTL. */
const unreadQuery = (userId: string) => ({
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :notification)',
  FilterExpression: 'attribute_not_exists(readAt)',
  ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':notification': prefixes.notification },
});

/** How many of my notifications are unread (Select COUNT, every page). */
export async function countUnreadNotifications(store: TableStore, userId: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await store.db.send(
      new QueryCommand({ TableName: store.tableName, ...unreadQuery(userId), Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * Marks one of my notifications read (N1: UpdateItem on its key, so only its
 * own person reaches it). The first reading's time stays. 'unknown' when I
 * have no notification of this id.
 */
export async function markNotificationRead(store: TableStore, userId: string, notificationId: string, readAt: string): Promise<'marked' | 'unknown'> {
  try {
    await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.notification(userId, notificationId),
        UpdateExpression: 'SET readAt = if_not_exists(readAt, :readAt)',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':readAt': readAt },
      }),
    );
    return 'marked';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'unknown';
    throw error;
  }
}

/** Updates at once while marking all read. */
const markConcurrency = 10;

/** Marks every unread notification of mine read (N2, then one UpdateItem each); returns how many. */
export async function markAllNotificationsRead(store: TableStore, userId: string, readAt: string): Promise<number> {
  const unread = await queryAll(store, { ...unreadQuery(userId), ProjectionExpression: 'notificationId' });
  const ids = unread.map((item) => item.notificationId as string);
  for (let start = 0; start < ids.length; start += markConcurrency) {
    // One that expired meanwhile is simply 'unknown': nothing to mark.
    await Promise.all(ids.slice(start, start + markConcurrency).map((id) => markNotificationRead(store, userId, id, readAt)));
  }
  return ids.length;
}

/** How long a digest mark is kept: long enough to cover the day it guards. */
const digestMarkTtlSeconds = 3 * 24 * 60 * 60;

/**
 * Claims today's digest for this evaluator. True the first time on a given
 * day, false every later time (the conditional put is the dedup, so two
 * schedule firings racing each other still send one digest).
 */
export async function claimDigestDay(store: TableStore, userId: string, day: string, now: Date): Promise<boolean> {
  return writtenIfHolds(
    store.db.send(
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
    ),
  );
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
  const notifications = (result.Items ?? []).map(toNotification);
  return { notifications, lastKey: result.LastEvaluatedKey };
}
