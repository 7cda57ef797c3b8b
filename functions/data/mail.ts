/**
 * Desktop mail between teachers (keys.ts patterns D4–D6). Each mail is two
 * copies, one in the recipient's inbox (MAILIN#) and one in the sender's
 * sent folder (MAILOUT#), plus the recipient's unread mark (MAILUNREAD#):
 * all three are put in one TransactWriteItems, and reading the mail sets
 * readAt and deletes the mark in another, so the count never disagrees with
 * the inbox. All three expire together (`expiresAt` TTL, the deployment's
 * mail retention: data/mail-retention.ts), and reads leave out what is past
 * it: an unread mail that expires takes its mark with it, so the unread
 * count (the marks not expired, counted) stays the inbox's own.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { hasExpired } from '../domain/retention.ts';
import { keys, prefixes, withAuthor, withoutKeys } from './keys.ts';
import { mailTtl, notExpiredFilter, nowSeconds } from './mail-retention.ts';
import { notificationPut, type Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';
import { getUserProfile, toUserProfile, type UserProfile } from './users.ts';

export type MailFolder = 'inbox' | 'sent';

export interface MailParty {
  userId: string;
  displayName: string;
  country: string;
}

export interface DesktopMail {
  mailId: string;
  from: MailParty;
  to: MailParty;
  subject: string;
  body: string;
  sentAt: string;
  /** Inbox copies only: when the recipient first opened it. */
  readAt?: string;
}

export interface StoredMail extends DesktopMail {
  folder: MailFolder;
}

const folderPrefix: Record<MailFolder, string> = { inbox: prefixes.mailInbox, sent: prefixes.mailSent };
export const mailFolderPrefix = (folder: MailFolder) => folderPrefix[folder];

function toStoredMail(item: Record<string, unknown>): StoredMail {
  const { entity: _entity, ownerId: _ownerId, expiresAt: _expiresAt, ...mail } = withoutKeys(item);
  return mail as unknown as StoredMail;
}

/**
 * Stores both copies, the recipient's unread mark and their notification,
 * in one transaction. 'exists': a copy with this mail id is already there (guard
 * 'exists'), nothing was written.
 */
export async function sendDesktopMail(store: TableStore, mail: DesktopMail, notice: Notification): Promise<'sent' | 'exists'> {
  const expiresAt = mailTtl(mail.sentAt);
  const copy = (folder: MailFolder, ownerId: string) => ({ entity: 'desktopMail', ownerId, folder, ...mail, expiresAt });
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        // Author index: the inbox copy under its sender (their words), the sent copy under its recipient (it names them).
        Item: { ...withAuthor(keys.mailInbox(mail.to.userId, mail.mailId), mail.from.userId, mail.sentAt), ...copy('inbox', mail.to.userId) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(keys.mailSent(mail.from.userId, mail.mailId), mail.to.userId, mail.sentAt), ...copy('sent', mail.from.userId) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    // Unread until first read; it expires with the copies, so an unread mail that expires stops counting.
    { Put: { TableName: store.tableName, Item: { ...keys.mailUnread(mail.to.userId, mail.mailId), entity: 'mailUnread', expiresAt } } },
    // The recipient's notification ('desktop-mail').
    notificationPut(store, notice),
  ]);
  return outcome.written ? 'sent' : 'exists';
}

/** The owner's profile and unread count, read at once (pattern 2 + D5). */
export async function getProfileAndUnread(store: TableStore, userId: string, now = new Date()): Promise<{ profile?: UserProfile; unread: number }> {
  const [profile, unread] = await Promise.all([getUserProfile(store, userId), countUnreadMail(store, userId, now)]);
  return { profile, unread };
}

/**
 * My unread mails: the unread marks not past their TTL (D5). A mark is a key
 * and a number, so one page of the Query holds thousands: the count costs
 * about one read unit, however long the mails are.
 */
export async function countUnreadMail(store: TableStore, userId: string, now = new Date()): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await store.db.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :unread)',
        FilterExpression: notExpiredFilter,
        ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':unread': prefixes.mailUnread, ':now': nowSeconds(now) },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** One page of a folder, newest first (D4: ULIDs sort by time), without expired mail (a page may be short). */
export async function listMailFolder(
  store: TableStore,
  userId: string,
  folder: MailFolder,
  page: { limit: number; startKey?: Record<string, unknown> },
  now = new Date(),
): Promise<{ mails: StoredMail[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :folder)',
      FilterExpression: notExpiredFilter,
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':folder': folderPrefix[folder], ':now': nowSeconds(now) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { mails: (result.Items ?? []).map(toStoredMail), lastKey: result.LastEvaluatedKey };
}

/**
 * The reader's copies of one mail and their profile, in one BatchGet (D6):
 * only the sender and the recipient have a copy, so anyone else finds none;
 * nor does anyone find a copy past its TTL.
 */
export async function getMailCopies(
  store: TableStore,
  userId: string,
  mailId: string,
  now = new Date(),
): Promise<{ profile?: UserProfile; inbox?: StoredMail; sent?: StoredMail }> {
  const result = await store.db.send(
    new BatchGetCommand({
      RequestItems: {
        [store.tableName]: { Keys: [keys.userProfile(userId), keys.mailInbox(userId, mailId), keys.mailSent(userId, mailId)] },
      },
    }),
  );
  const found: { profile?: UserProfile; inbox?: StoredMail; sent?: StoredMail } = {};
  for (const item of result.Responses?.[store.tableName] ?? []) {
    if (item.SK === 'PROFILE') found.profile = toUserProfile(item);
    else if (hasExpired(item, now)) continue;
    else if (String(item.SK).startsWith(prefixes.mailInbox)) found.inbox = toStoredMail(item);
    else if (String(item.SK).startsWith(prefixes.mailSent)) found.sent = toStoredMail(item);
  }
  return found;
}

/**
 * Marks an inbox mail read and deletes its unread mark, in one conditional
 * transaction: only the first reading counts (two tabs opening it at once
 * write once). 'already-read': it was (guard 'alreadyRead'), or it is gone.
 */
export async function markMailRead(store: TableStore, userId: string, mailId: string, readAt: string): Promise<'marked' | 'already-read'> {
  const outcome = await transact(store, [
    {
      guard: 'alreadyRead',
      Update: {
        TableName: store.tableName,
        Key: keys.mailInbox(userId, mailId),
        UpdateExpression: 'SET readAt = :readAt',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(readAt)',
        ExpressionAttributeValues: { ':readAt': readAt },
      },
    },
    { Delete: { TableName: store.tableName, Key: keys.mailUnread(userId, mailId) } },
  ]);
  return outcome.written ? 'marked' : 'already-read';
}
