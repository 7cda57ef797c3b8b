/**
 * The TwinSpace mailbox (keys.ts X1, X2). Each message is two copies, the
 * recipient's inbox copy and the sender's sent copy, each in the owner's own
 * partition for this project, written in one TransactWriteItems with checks
 * that the project is still approved and the recipient still a member of the
 * type the sending rule was decided on. Both copies expire (`expiresAt` TTL)
 * after the deployment's mail retention (data/mail-retention.ts); lists leave
 * out copies past it that DynamoDB has not deleted yet.
 */
import type { MailboxBox, MailboxMessage } from '../domain/mailbox.ts';
import { mailboxKeys, withAuthor, withoutKeys } from './keys.ts';
import { mailTtl, notExpiredFilter, nowSeconds } from './mail-retention.ts';
import { queryPage } from './query.ts';
import { notificationPut, type Notification } from './notifications.ts';
import type { TableStore } from './store.ts';
import { transact } from './transact.ts';
import { memberStillOfType, projectStillApproved } from './write-guards.ts';

const boxPrefix: Record<MailboxBox, string> = { inbox: mailboxKeys.inboxPrefix, sent: mailboxKeys.sentPrefix };
export const mailboxBoxPrefix = (box: MailboxBox) => boxPrefix[box];

function toMailboxMessage(item: Record<string, unknown>): MailboxMessage {
  const { entity: _entity, box: _box, ownerId: _ownerId, expiresAt: _expiresAt, ...message } = withoutKeys(item);
  return message as unknown as MailboxMessage;
}

/** 'sent', or why the write was refused: the project closed, or the recipient left or changed type meanwhile. */
export type MailboxSendOutcome = 'sent' | 'closed' | 'recipient-changed';

/** Both copies, with the recipient's notification ('mailbox-message') in the same transaction. */
export async function putMailboxMessage(store: TableStore, message: MailboxMessage, notice: Notification): Promise<MailboxSendOutcome> {
  const expiresAt = mailTtl(message.sentAt);
  const copy = (box: MailboxBox, ownerId: string) => ({ entity: 'mailboxMessage', box, ownerId, ...message, expiresAt });
  const outcome = await transact(store, [
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        // Author index: the inbox copy under its sender (their words), the sent copy under its recipient (it names them).
        Item: { ...withAuthor(mailboxKeys.inbox(message.projectId, message.to.userId, message.messageId), message.from.userId, message.sentAt), ...copy('inbox', message.to.userId) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      guard: 'exists',
      Put: {
        TableName: store.tableName,
        Item: { ...withAuthor(mailboxKeys.sent(message.projectId, message.from.userId, message.messageId), message.to.userId, message.sentAt), ...copy('sent', message.from.userId) },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    projectStillApproved(store, message.projectId),
    memberStillOfType(store, message.projectId, message.to.userId, message.to.type),
    notificationPut(store, notice),
  ]);
  if (outcome.written) return 'sent';
  if (outcome.failed.includes('closed')) return 'closed';
  if (outcome.failed.includes('typeChanged')) return 'recipient-changed';
  // A new ULID that is already taken: not a state the sender can act on.
  throw new Error(`Mailbox message ${message.messageId} already exists.`);
}

/** One page of my inbox or sent box in this project, newest first (X1: ULIDs sort by time), without expired messages (a page may be short). */
export async function listMailbox(
  store: TableStore,
  projectId: string,
  userId: string,
  box: MailboxBox,
  page: { limit: number; startKey?: Record<string, unknown> },
  now = new Date(),
): Promise<{ messages: MailboxMessage[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    store,
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :box)',
      FilterExpression: notExpiredFilter,
      ExpressionAttributeValues: { ':pk': mailboxKeys.partition(projectId, userId), ':box': boxPrefix[box], ':now': nowSeconds(now) },
      ScanIndexForward: false,
    },
    page,
  );
  return { messages: items.map(toMailboxMessage), lastKey };
}
