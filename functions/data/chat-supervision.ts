/**
 * Chat supervision's items, all under the room of their project (keys.ts:
 * roomSettings, roomMute, messageReport; the room's partition ROOM#<id> also
 * holds the messages and the room connections):
 *
 * - room settings `ROOM#<id>` / `SETTINGS`: pupilsOpen (absent item = open), changedBy, changedAt.
 * - mute `ROOM#<id>` / `MUTE#<userId>`: until (ISO), by, name (the pupil's shared name), expiresAt (TTL = until).
 * - report `ROOM#<id>` / `REPORT#<messageId>#<reporterId>`: one per member and message (conditional Put),
 *   written in ONE transaction with a notification to each teacher administrator.
 *
 * Every write carries the project's "still approved" check (write-guards.ts), so a closed TwinSpace is
 * never written even when it closed between the gate's read and the write.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TwinspaceType } from '../domain/twinspace-types.ts';
import { keys, withAuthor } from './keys.ts';
import type { Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { transact, type TransactOutcome } from './transact.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';

/** How long a chat message is kept (issue 9: eTwinning keeps three months): CHAT_RETENTION_DAYS, 90 by default. */
export function chatRetentionDays(): number {
  const configured = Number(process.env.CHAT_RETENTION_DAYS);
  return Number.isInteger(configured) && configured > 0 ? configured : 90;
}

/** Notifications are kept 90 days (their `expiresAt`, the table's TTL). */
const notificationTtlSeconds = 90 * 24 * 60 * 60;

export interface RoomSettings {
  pupilsOpen: boolean;
  changedBy?: string;
  changedAt?: string;
}

export interface RoomMute {
  userId: string;
  until: string;
  by: string;
  /** The muted pupil's name as the room shows it (first name). */
  name?: string;
}

/** The room's settings from its item (read in the gate's round trip); no item: the pupils' chat is open. */
export function roomSettingsOf(item: Record<string, unknown> | undefined): RoomSettings {
  if (!item) return { pupilsOpen: true };
  return { pupilsOpen: item.pupilsOpen !== false, changedBy: item.changedBy as string | undefined, changedAt: item.changedAt as string | undefined };
}

/** Opens or closes the pupils' chat. */
export function setPupilsOpen(store: TableStore, projectId: string, open: boolean, by: string, at: Date): Promise<TransactOutcome<'closed'>> {
  return transact(store, [
    {
      Put: {
        TableName: store.tableName,
        Item: { ...keys.roomSettings(projectId), entity: 'roomSettings', projectId, pupilsOpen: open, changedBy: by, changedAt: at.toISOString() },
      },
    },
    projectStillApproved(store, projectId),
  ]);
}

/** Mutes a member until a time, while they are still of the type the decision was made on (a pupil). */
export function putMute(
  store: TableStore,
  projectId: string,
  mute: RoomMute,
  targetType: TwinspaceType,
): Promise<TransactOutcome<'closed' | 'typeChanged'>> {
  return transact(store, [
    {
      Put: {
        TableName: store.tableName,
        Item: {
          ...keys.roomMute(projectId, mute.userId),
          entity: 'roomMute',
          projectId,
          ...mute,
          expiresAt: Math.ceil(Date.parse(mute.until) / 1000),
        },
      },
    },
    memberStillOfType(store, projectId, mute.userId, targetType),
    projectStillApproved(store, projectId),
  ]);
}

/** Lifts a mute (none: nothing to do, still written as a success). */
export function deleteMute(store: TableStore, projectId: string, userId: string): Promise<TransactOutcome<'closed'>> {
  return transact(store, [
    { Delete: { TableName: store.tableName, Key: keys.roomMute(projectId, userId) } },
    projectStillApproved(store, projectId),
  ]);
}

/** The room's mutes that still hold (one Query of the room's MUTE# items; expired ones the TTL has not deleted yet are left out). */
export async function listMutes(store: TableStore, projectId: string, now: Date): Promise<RoomMute[]> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :mute)',
      ExpressionAttributeValues: { ':pk': keys.roomPartition(projectId), ':mute': 'MUTE#' },
    }),
  );
  const nowIso = now.toISOString();
  return (result.Items ?? [])
    .filter((item) => typeof item.until === 'string' && item.until > nowIso)
    .map((item) => ({ userId: item.userId as string, until: item.until as string, by: item.by as string, name: item.name as string | undefined }));
}

/** Deletes a message, only if it is still there (guard 'gone') and the project still approved. */
export function deleteMessage(store: TableStore, projectId: string, messageId: string): Promise<TransactOutcome<'closed' | 'gone'>> {
  return transact(store, [
    {
      guard: 'gone',
      Delete: { TableName: store.tableName, Key: keys.chatMessage(projectId, messageId), ConditionExpression: 'attribute_exists(PK)' },
    },
    projectStillApproved(store, projectId),
  ]);
}

export interface MessageReport {
  projectId: string;
  messageId: string;
  reporterId: string;
  reason?: string;
  createdAt: string;
  /** The message's own TTL: a report goes with the message it is about. */
  expiresAt?: number;
}

/**
 * Records one member's report of one message and, in the same transaction,
 * a notification to each of `notified` (the project's teacher
 * administrators). Guards: 'reported' (this member already reported it:
 * nothing new is written), 'gone' (the message no longer exists), 'closed'.
 */
export function reportMessage(
  store: TableStore,
  report: MessageReport,
  notifications: Notification[],
): Promise<TransactOutcome<'reported' | 'gone' | 'closed'>> {
  const { projectId, messageId, reporterId } = report;
  return transact(store, [
    {
      guard: 'reported',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(keys.messageReport(projectId, messageId, reporterId), reporterId, report.createdAt), entity: 'messageReport', ...report },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'gone',
      ConditionCheck: { TableName: store.tableName, Key: keys.chatMessage(projectId, messageId), ConditionExpression: 'attribute_exists(PK)' },
    },
    projectStillApproved(store, projectId),
    ...notifications.map((notification) => ({
      Put: {
        TableName: store.tableName,
        Item: {
          ...keys.notification(notification.userId, notification.notificationId),
          entity: 'notification',
          ...notification,
          expiresAt: Math.floor(Date.parse(notification.createdAt) / 1000) + notificationTtlSeconds,
        },
      },
    })),
  ]);
}
