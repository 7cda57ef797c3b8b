/**
 * A TwinSpace mailbox message sent as one member, shared by the route
 * (handler.ts, once the guard let the text through) and the moderation
 * publisher (publish-held.ts, when a teacher releases a pupil's held
 * message): the same message, both copies and the recipient's notification
 * ('mailbox-message', their unread mark) in one transaction.
 */
import { ulid } from 'ulid';
import { putMailboxMessage, type MailboxSendOutcome } from '../../data/mailbox.ts';
import type { TableStore } from '../../data/store.ts';
import { messageAsSeenBy, type MailboxMessage, type MailboxParty } from '../../domain/mailbox.ts';

/** The message from `from` to `to`, sent now. */
export function messageBetween(projectId: string, from: MailboxParty, to: MailboxParty, text: { subject: string; body: string }): MailboxMessage {
  return { messageId: ulid(), projectId, from, to, subject: text.subject, body: text.body, sentAt: new Date().toISOString() };
}

/** Writes both copies with the recipient's notification: 'sent', or why not (the project closed, the recipient left or changed type). */
export function deliverMessage(store: TableStore, message: MailboxMessage): Promise<MailboxSendOutcome> {
  // The recipient sees the sender as their type lets them (domain/mailbox.ts).
  const seen = messageAsSeenBy(message.to.type, message);
  return putMailboxMessage(store, message, {
    notificationId: ulid(),
    userId: message.to.userId,
    topic: 'mailbox-message',
    projectId: message.projectId,
    subjectId: message.messageId,
    params: { from: seen.from.displayName, subject: message.subject },
    about: message.from.userId,
    title: `${seen.from.displayName} wrote to you: “${message.subject}”`,
    body: `A new message in the TwinSpace mailbox from ${seen.from.displayName}: “${message.subject}”.`,
    createdAt: message.sentAt,
  });
}
