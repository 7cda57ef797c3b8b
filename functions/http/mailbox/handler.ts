/**
 * The TwinSpace mailbox's function (routes.ts): messages between the members
 * of one project. GET lists my inbox or sent box here, newest first; POST
 * writes to one member (teachers to any member, pupils to the project's
 * teachers only, visitors never). Pupils read other pupils by first name; no
 * e-mail address is ever part of a message.
 */
import { ulid } from 'ulid';
import { mailboxKeys } from '../../data/keys.ts';
import { listMailbox, mailboxBoxPrefix, putMailboxMessage } from '../../data/mailbox.ts';
import { getMembership } from '../../data/memberships.ts';
import { checkRecipient, messageAsSeenBy, type MailboxMessage } from '../../domain/mailbox.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { gated } from '../router.ts';
import { mailboxRoutes } from './routes.ts';

export const handler = areaHandler(mailboxRoutes, {
  // The caller's own box is read while the gate checks them: one round trip of time for both.
  listMailboxMessages: gated({
    whileGated: async ({ caller, params: { projectId }, query, store }) => {
      const startKey = decodeCursor(query.cursor, mailboxKeys.partition(projectId, caller.userId), mailboxBoxPrefix(query.box));
      return listMailbox(store, projectId, caller.userId, query.box, { limit: query.limit, startKey });
    },
    handle: async ({ twinspace: { membership } }, { messages, lastKey }) => ({
      status: 200,
      body: { items: messages.map((message) => messageAsSeenBy(membership.type, message)), nextCursor: encodeCursor(lastKey) },
    }),
  }),

  sendMailboxMessage: async ({ caller, params: { projectId }, body, twinspace: { membership, permission }, store }) => {
    const recipient = await getMembership(store, projectId, body.toUserId);
    const check = checkRecipient(permission, caller.userId, recipient);
    if (!check.ok) {
      if (check.status === 403) throw forbidden(check.message);
      throw validationFailed('The recipient is not valid.', [{ field: 'body.toUserId', message: check.message }]);
    }
    const message: MailboxMessage = {
      messageId: ulid(),
      projectId,
      from: { userId: caller.userId, displayName: membership.displayName, type: membership.type },
      to: { userId: recipient!.userId, displayName: recipient!.displayName, type: recipient!.type },
      subject: body.subject,
      body: body.body,
      sentAt: new Date().toISOString(),
    };
    // The recipient sees the sender as their type lets them (domain/mailbox.ts).
    const seen = messageAsSeenBy(message.to.type, message);
    const outcome = await putMailboxMessage(store, message, {
      notificationId: ulid(),
      userId: message.to.userId,
      topic: 'mailbox-message',
      projectId,
      subjectId: message.messageId,
      params: { from: seen.from.displayName, subject: message.subject },
      about: message.from.userId,
      title: `${seen.from.displayName} wrote to you: “${message.subject}”`,
      body: `A new message in the TwinSpace mailbox from ${seen.from.displayName}: “${message.subject}”.`,
      createdAt: message.sentAt,
    });
    if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
    if (outcome === 'recipient-changed') throw conflict('The recipient left the project or changed type meanwhile: check the member list and try again.');
    countOf('MailboxMessagesSent');
    return { status: 201, body: messageAsSeenBy(membership.type, message) };
  },
});
