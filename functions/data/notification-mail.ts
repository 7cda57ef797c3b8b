/**
 * What delivering a notification reads and writes (keys.ts N1–N4): the
 * person's live connections, their e-mail preference, the instant e-mail
 * (outbox R3 + a MAILED# mark, one transaction, so a record handled twice is
 * mailed once), the day's digest mark, and the digest job's reads and its
 * queued summary (outbox + `sentAt`, one transaction: once per person and day).
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { MailReader } from '../domain/notification-mail.ts';
import { dayRange } from '../domain/notification-mail.ts';
import type { AccountMail } from './account-mail.ts';
import { accountMailPut } from './account-mail.ts';
import { keys, notificationMailKeys, prefixes, withoutKeys } from './keys.ts';
import type { Notification } from './notifications.ts';
import { queryAll } from './query.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';

/** Marks and due-digest items outlive the stream's 24 h of retries, then go. */
const markTtlSeconds = 7 * 24 * 60 * 60;
const expiresAtFrom = (now: Date) => Math.floor(now.getTime() / 1000) + markTtlSeconds;

/** The ids of a person's live connections, one per open tab (N1). */
export async function listLiveConnectionIds(store: TableStore, userId: string): Promise<string[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :conn)',
    ExpressionAttributeValues: { ':pk': keys.livePartition(userId), ':conn': prefixes.chatConnection },
    ProjectionExpression: 'SK',
  });
  return items.map((item) => String(item.SK).slice(prefixes.chatConnection.length));
}

/** Forgets a live connection that no longer exists (the @connections API answered 410). */
export async function deleteLiveConnection(store: TableStore, userId: string, connectionId: string): Promise<void> {
  await store.db.send(new DeleteCommand({ TableName: store.tableName, Key: keys.liveConnection(userId, connectionId) }));
}

/** What the e-mail decision needs from a profile (pattern 2, projected). */
export async function getMailReader(store: TableStore, userId: string): Promise<MailReader | undefined> {
  const result = await store.db.send(
    new GetCommand({
      TableName: store.tableName,
      Key: keys.userProfile(userId),
      ProjectionExpression: '#kind, email, notificationMail',
      ExpressionAttributeNames: { '#kind': 'kind' },
    }),
  );
  return result.Item as MailReader | undefined;
}

/**
 * Queues the e-mail of one notification (N2 + R3 in one transaction). False
 * when it was queued before: a stream record handled twice sends one e-mail,
 * even after the send job has taken the first one out of the outbox.
 */
export async function queueInstantMail(
  store: TableStore,
  notification: Pick<Notification, 'notificationId' | 'userId'>,
  mail: Omit<AccountMail, 'mailId'>,
  now: Date,
): Promise<boolean> {
  const outcome = await transact(store, [
    {
      guard: 'mailed',
      Put: {
        TableName: store.tableName,
        Item: {
          ...notificationMailKeys.mailedMark(notification.userId, notification.notificationId),
          entity: 'notificationMailed',
          notificationId: notification.notificationId,
          mailedAt: now.toISOString(),
          expiresAt: expiresAtFrom(now),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'queued',
      Put: {
        ...accountMailPut(store, { mailId: notificationMailKeys.instantMailId(notification.notificationId), ...mail }).Put,
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  return outcome.written;
}

/**
 * Marks the person's digest of `day` due and adds the notification to it
 * (N3). Idempotent (a string set); 'alreadySent' when that day's digest has
 * been queued already (the notification then goes by no e-mail).
 */
export async function markDigestDue(
  store: TableStore,
  day: string,
  notification: Pick<Notification, 'notificationId' | 'userId'>,
  now: Date,
): Promise<'marked' | 'alreadySent'> {
  try {
    await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: notificationMailKeys.digestDue(day, notification.userId),
        UpdateExpression: 'SET entity = :entity, userId = :userId, #day = :day, expiresAt = if_not_exists(expiresAt, :expiresAt) ADD notificationIds :ids',
        ConditionExpression: 'attribute_not_exists(sentAt)',
        ExpressionAttributeNames: { '#day': 'day' },
        ExpressionAttributeValues: {
          ':entity': 'notificationDigestDue',
          ':userId': notification.userId,
          ':day': day,
          ':expiresAt': expiresAtFrom(now),
          ':ids': new Set([notification.notificationId]),
        },
      }),
    );
    return 'marked';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return 'alreadySent';
    throw error;
  }
}

export interface DigestDue {
  userId: string;
  day: string;
  notificationIds: string[];
}

/** Everyone whose digest of `day` is due and not yet queued (N3, every page). */
export async function listDigestsDue(store: TableStore, day: string): Promise<DigestDue[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk',
    FilterExpression: 'attribute_not_exists(sentAt)',
    ExpressionAttributeValues: { ':pk': notificationMailKeys.digestDuePartition(day) },
  });
  return items.map((item) => ({ userId: String(item.userId), day, notificationIds: [...((item.notificationIds as Set<string> | undefined) ?? [])] }));
}

/** A person's notifications of one UTC day, oldest first (N4: the ULID range of the day). */
export async function listNotificationsOfDay(store: TableStore, userId: string, day: string): Promise<Notification[]> {
  const { from, to } = dayRange(day);
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':from': `${prefixes.notification}${from}`, ':to': `${prefixes.notification}${to}` },
  });
  return items.map((item) => {
    const { entity: _entity, ...notification } = withoutKeys(item);
    return notification as unknown as Notification;
  });
}

/** Queues a person's digest of a day (R3 + `sentAt` on N3, one transaction); false when it was queued before. */
export async function queueDigestMail(store: TableStore, due: Pick<DigestDue, 'userId' | 'day'>, mail: Omit<AccountMail, 'mailId'>, now: Date): Promise<boolean> {
  const outcome = await transact(store, [
    {
      guard: 'sent',
      Update: {
        TableName: store.tableName,
        Key: notificationMailKeys.digestDue(due.day, due.userId),
        UpdateExpression: 'SET sentAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      },
    },
    {
      guard: 'queued',
      Put: {
        ...accountMailPut(store, { mailId: notificationMailKeys.digestMailId(due.day, due.userId), ...mail }).Put,
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ]);
  return outcome.written;
}

/** Closes a due digest that will not be sent (the person turned e-mail off since, or has no address): later runs skip it. */
export async function dropDigestDue(store: TableStore, due: Pick<DigestDue, 'userId' | 'day'>, now: Date): Promise<void> {
  try {
    await store.db.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: notificationMailKeys.digestDue(due.day, due.userId),
        UpdateExpression: 'SET sentAt = :now, skipped = :true',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':true': true },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
