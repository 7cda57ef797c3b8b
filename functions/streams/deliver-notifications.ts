/**
 * The table's stream → a new notification reaches its person (issue 9,
 * "Live" and "E-mail"). Invoked with the INSERTs of notification items only
 * (the filter of functions/routes.ts streamHandlers, applied by the event
 * source mapping on AWS and by infra/local/streams.ts locally).
 *
 * For each notification, first the e-mail by the person's preference (keys.ts
 * N2/N3; each write conditional, so a record handled twice queues one e-mail),
 * then the live frame to every open tab (N1; a 410 deletes that connection
 * item). A failed e-mail write fails only its record (ReportBatchItemFailures),
 * which Lambda retries; live posting never fails a record: a tab that missed
 * the frame reads the notification on its next GET /me/notifications.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { deleteLiveConnection, getMailReader, listLiveConnectionIds, markDigestDue, queueInstantMail } from '../data/notification-mail.ts';
import type { Notification } from '../data/notifications.ts';
import type { TableStore } from '../data/store.ts';
import { instantMail, mailChoice, notificationDay, type MailReader } from '../domain/notification-mail.ts';
import { tableStore } from '../lib/clients.ts';
import { isGoneConnection, postToConnection } from '../lib/connections-api.ts';
import { logger, observedHandler } from '../lib/observability.ts';

/** A notification as its item holds it (pattern 14); producers may add projectId and subjectId. */
export type StoredNotification = Notification & { subjectId?: string; readAt?: string };

/** The `notification` frame (events/chat-frames.ts, issue 9): the same fields as GET /me/notifications items. */
export function notificationFrame(notification: StoredNotification) {
  const { notificationId, topic, title, body, createdAt, projectId, subjectId } = notification;
  return {
    type: 'notification' as const,
    notification: {
      notificationId,
      topic,
      title,
      body,
      createdAt,
      ...(projectId ? { projectId } : {}),
      ...(subjectId ? { subjectId } : {}),
      read: false,
    },
  };
}

/** What delivering needs from the world: the table and the @connections API by default, fakes in the unit tests. */
export interface DeliveryWorld {
  connections(userId: string): Promise<string[]>;
  /** Posts to one connection; throws as the @connections API does (410 GoneException when it no longer exists). */
  send(connectionId: string, payload: string): Promise<void>;
  forget(userId: string, connectionId: string): Promise<void>;
  reader(userId: string): Promise<MailReader | undefined>;
  queueInstant(notification: StoredNotification, mail: { to: string; subject: string; text: string; createdAt: string }, now: Date): Promise<boolean>;
  markDigest(day: string, notification: StoredNotification, now: Date): Promise<'marked' | 'alreadySent'>;
}

export function tableWorld(store: TableStore = tableStore()): DeliveryWorld {
  return {
    connections: (userId) => listLiveConnectionIds(store, userId),
    // The same small signed client as the chat's broadcast (functions/lib/connections-api.ts).
    send: postToConnection,
    forget: (userId, connectionId) => deleteLiveConnection(store, userId, connectionId),
    reader: (userId) => getMailReader(store, userId),
    queueInstant: (notification, mail, now) => queueInstantMail(store, notification, mail, now),
    markDigest: (day, notification, now) => markDigestDue(store, day, notification, now),
  };
}

export interface Delivery {
  live: { sent: number; gone: number; failed: number };
  mail: 'instant' | 'instant-already-queued' | 'daily' | 'daily-already-sent' | 'none';
}

async function mailOf(notification: StoredNotification, world: DeliveryWorld, now: Date): Promise<Delivery['mail']> {
  const reader = await world.reader(notification.userId);
  const choice = mailChoice(reader, notification.topic);
  if (choice === 'none') return 'none';
  if (choice === 'instant') {
    const mail = { to: reader!.email!, ...instantMail(notification), createdAt: now.toISOString() };
    return (await world.queueInstant(notification, mail, now)) ? 'instant' : 'instant-already-queued';
  }
  return (await world.markDigest(notificationDay(notification), notification, now)) === 'marked' ? 'daily' : 'daily-already-sent';
}

async function live(notification: StoredNotification, world: DeliveryWorld): Promise<Delivery['live']> {
  const payload = JSON.stringify(notificationFrame(notification));
  const outcome = { sent: 0, gone: 0, failed: 0 };
  await Promise.all(
    (await world.connections(notification.userId)).map(async (connectionId) => {
      try {
        await world.send(connectionId, payload);
        outcome.sent += 1;
      } catch (error) {
        if (isGoneConnection(error)) {
          outcome.gone += 1;
          await world.forget(notification.userId, connectionId);
        } else {
          outcome.failed += 1;
          logger.warn('Posting a notification to a live connection failed', { connectionId, error: error as Error });
        }
      }
    }),
  );
  return outcome;
}

/** One notification: its e-mail (by preference), then every open tab of its person. */
export async function deliverNotification(notification: StoredNotification, world: DeliveryWorld, now = new Date()): Promise<Delivery> {
  const mail = await mailOf(notification, world, now);
  return { mail, live: await live(notification, world) };
}

type StreamValue = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean; SS?: string[]; NS?: string[]; L?: StreamValue[]; M?: Record<string, StreamValue> };

/** A stream image's attribute as a plain value (the types a notification item uses). */
function plain(value: StreamValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL) return null;
  if (value.SS) return value.SS;
  if (value.NS) return value.NS.map(Number);
  if (value.L) return value.L.map(plain);
  if (value.M) return imageOf(value.M);
  return undefined;
}

export function imageOf(image: Record<string, StreamValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, plain(value)]));
}

/** The notification a record carries, or undefined for anything else (the filter should have kept those away). */
export function notificationOf(record: DynamoDBRecord): StoredNotification | undefined {
  const image = record.dynamodb?.NewImage as Record<string, StreamValue> | undefined;
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'notification') return undefined;
  const item = imageOf(image);
  if (typeof item.userId !== 'string' || typeof item.notificationId !== 'string') return undefined;
  const { PK: _pk, SK: _sk, entity: _entity, ...notification } = item;
  return notification as unknown as StoredNotification;
}

export async function deliverRecords(event: DynamoDBStreamEvent, world: DeliveryWorld): Promise<DynamoDBBatchResponse> {
  const outcomes = await Promise.all(
    event.Records.map(async (record) => {
      const notification = notificationOf(record);
      if (!notification) return undefined;
      try {
        const delivery = await deliverNotification(notification, world);
        logger.info('Notification delivered', { notificationId: notification.notificationId, topic: notification.topic, ...delivery.live, mail: delivery.mail });
        return undefined;
      } catch (error) {
        logger.error('A notification could not be delivered; its record is retried', { notificationId: notification.notificationId, error: error as Error });
        return record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
      }
    }),
  );
  return { batchItemFailures: outcomes.filter((id): id is string => id !== undefined).map((itemIdentifier) => ({ itemIdentifier })) };
}

export const handler = observedHandler((event: DynamoDBStreamEvent) => deliverRecords(event, tableWorld()));
