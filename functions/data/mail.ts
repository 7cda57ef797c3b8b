/**
 * Desktop mail between teachers (keys.ts patterns D4–D6). Each mail is two
 * copies, one in the recipient's inbox (MAILIN#) and one in the sender's
 * sent folder (MAILOUT#), plus the recipient's unread counter (MAILBOX):
 * all three change in one TransactWriteItems, so the count never disagrees
 * with the inbox.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys, prefixes, withAuthor, withoutKeys } from './keys.ts';
import { notificationPut, type Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';
import { toUserProfile, type UserProfile } from './users.ts';

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
  const { entity: _entity, ownerId: _ownerId, ...mail } = withoutKeys(item);
  return mail as unknown as StoredMail;
}

/**
 * Stores both copies, bumps the recipient's unread count and writes their
 * notification, in one transaction. 'exists': a copy with this mail id is already there (guard
 * 'exists'), nothing was written.
 */
export async function sendDesktopMail(store: TableStore, mail: DesktopMail, notice: Notification): Promise<'sent' | 'exists'> {
  const copy = (folder: MailFolder, ownerId: string) => ({ entity: 'desktopMail', ownerId, folder, ...mail });
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
    {
      Update: {
        TableName: store.tableName,
        Key: keys.mailbox(mail.to.userId),
        UpdateExpression: 'SET entity = :entity ADD unread :one',
        ExpressionAttributeValues: { ':entity': 'mailbox', ':one': 1 },
      },
    },
    // The recipient's notification ('desktop-mail').
    notificationPut(store, notice),
  ]);
  return outcome.written ? 'sent' : 'exists';
}

/** The owner's profile and unread count in one BatchGet (pattern 2 + D5). */
export async function getProfileAndUnread(store: TableStore, userId: string): Promise<{ profile?: UserProfile; unread: number }> {
  const result = await store.db.send(
    new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: [keys.userProfile(userId), keys.mailbox(userId)] } } }),
  );
  let profile: UserProfile | undefined;
  let unread = 0;
  for (const item of result.Responses?.[store.tableName] ?? []) {
    if (item.SK === 'PROFILE') profile = toUserProfile(item);
    else if (item.SK === 'MAILBOX') unread = Math.max(0, Number(item.unread ?? 0));
  }
  return { profile, unread };
}

/** One page of a folder, newest first (D4: ULIDs sort by time). */
export async function listMailFolder(
  store: TableStore,
  userId: string,
  folder: MailFolder,
  page: { limit: number; startKey?: Record<string, unknown> },
): Promise<{ mails: StoredMail[]; lastKey?: Record<string, unknown> }> {
  const result = await store.db.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :folder)',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':folder': folderPrefix[folder] },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { mails: (result.Items ?? []).map(toStoredMail), lastKey: result.LastEvaluatedKey };
}

/**
 * The reader's copies of one mail and their profile, in one BatchGet (D6):
 * only the sender and the recipient have a copy, so anyone else finds none.
 */
export async function getMailCopies(
  store: TableStore,
  userId: string,
  mailId: string,
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
    else if (String(item.SK).startsWith(prefixes.mailInbox)) found.inbox = toStoredMail(item);
    else if (String(item.SK).startsWith(prefixes.mailSent)) found.sent = toStoredMail(item);
  }
  return found;
}

/**
 * Marks an inbox mail read and takes one off the unread count, in one
 * conditional transaction: only the first reading counts (two tabs opening
 * it at once decrement once). 'already-read': it was (guard 'alreadyRead');
 * 'count-empty': the count is at 0 already (guard 'countEmpty'), so nothing
 * is written rather than a count below zero.
 */
export async function markMailRead(store: TableStore, userId: string, mailId: string, readAt: string): Promise<'marked' | 'already-read' | 'count-empty'> {
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
    {
      guard: 'countEmpty',
      Update: {
        TableName: store.tableName,
        Key: keys.mailbox(userId),
        UpdateExpression: 'ADD unread :minusOne',
        ConditionExpression: 'unread > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      },
    },
  ]);
  if (outcome.written) return 'marked';
  return outcome.failed.includes('alreadyRead') ? 'already-read' : 'count-empty';
}
