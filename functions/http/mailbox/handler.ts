/**
 * The TwinSpace mailbox's function (routes.ts): messages between the members
 * of one project. GET lists my inbox or sent box here, newest first; POST
 * writes to one member (teachers to any member, pupils to the project's
 * teachers only, visitors never). Pupils read other pupils by first name; no
 * e-mail address is ever part of a message. A pupil's subject or text with
 * personal data or abuse is held for a teacher (guarded-write.ts: 202,
 * nothing sent; the release sends it through send-message.ts, as here); a
 * teacher's to a pupil is a 409 warning until acknowledged.
 */
import { keys, mailboxKeys } from '../../data/keys.ts';
import { listMailbox, mailboxBoxPrefix } from '../../data/mailbox.ts';
import { membershipAmong } from '../../data/memberships.ts';
import { checkRecipient, messageAsSeenBy, readByPupil } from '../../domain/mailbox.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { guardWrite } from '../guarded-write.ts';
import { gated } from '../router.ts';
import { mailboxRoutes } from './routes.ts';
import { deliverMessage, messageBetween } from './send-message.ts';

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

  // The recipient's membership in the gate's own read (writing to oneself reads it there already): one round trip.
  sendMailboxMessage: gated({
    alongWith: ({ caller, params: { projectId }, body }) => (body.toUserId === caller.userId ? [] : [keys.membership(projectId, body.toUserId)]),
    handle: async ({ caller, params: { projectId }, body: { acknowledgePersonalData, ...text }, twinspace: { project, membership, permission, alongside }, store }) => {
      const recipient = text.toUserId === caller.userId ? membership : membershipAmong(alongside, projectId, text.toUserId);
      const check = checkRecipient(permission, caller.userId, recipient);
      if (!check.ok) {
        if (check.status === 403) throw forbidden(check.message);
        throw validationFailed('The recipient is not valid.', [{ field: 'body.toUserId', message: check.message }]);
      }
      const guarded = await guardWrite({
        store,
        project,
        caller: { userId: caller.userId, type: membership.type, displayName: membership.displayName },
        surface: 'mailbox-message',
        target: { recipientIds: [recipient!.userId] },
        draft: { ...text },
        texts: { subject: text.subject, body: text.body },
        pupilsRead: readByPupil(recipient!),
        acknowledgePersonalData,
      });
      if (guarded.outcome === 'held') return { status: 202, body: { held: guarded.held } };
      const message = messageBetween(
        projectId,
        { userId: caller.userId, displayName: membership.displayName, type: membership.type },
        { userId: recipient!.userId, displayName: recipient!.displayName, type: recipient!.type },
        text,
      );
      const outcome = await deliverMessage(store, message);
      if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
      if (outcome === 'recipient-changed') throw conflict('The recipient left the project or changed type meanwhile: check the member list and try again.');
      countOf('MailboxMessagesSent');
      return { status: 201, body: messageAsSeenBy(membership.type, message) };
    },
  }),
});
