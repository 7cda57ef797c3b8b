/**
 * The TwinSpace mailbox: messages between the members of one project.
 * GET lists my inbox or sent box here, newest first (every member, as the
 * public area: 'read-public-area'); POST writes to one member
 * ('write-mailbox': teachers to any member, pupils to the project's teachers
 * only, visitors never). Pupils read other pupils by first name; no e-mail
 * address is ever part of a message.
 */
import { ulid } from 'ulid';
import { checkRecipient, messageAsSeenBy, type MailboxMessage } from '../domain/mailbox.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { conflict, forbidden, parseOr400, validationFailed } from '../lib/errors.ts';
import { httpHandler, json } from '../lib/http.ts';
import { mailboxKeys } from '../data/keys.ts';
import { listMailbox, mailboxBoxPrefix, putMailboxMessage } from '../data/mailbox.ts';
import { getMembership } from '../data/memberships.ts';
import { mailboxQuery, mailboxSendBody, type MailboxMessageResponse, type MailboxPage } from './mailbox-schemas.ts';
import { projectPathParams } from './schemas.ts';
import { requireTwinspaceAction } from './twinspace-access.ts';

export const listMailboxMessages = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership } = await requireTwinspaceAction(store, projectId, caller, 'read-public-area', { write: false });
  const query = parseOr400(mailboxQuery, event.queryStringParameters ?? {}, 'query');
  const startKey = decodeCursor(query.cursor, mailboxKeys.partition(projectId, caller.userId), mailboxBoxPrefix(query.box));
  const { messages, lastKey } = await listMailbox(store, projectId, caller.userId, query.box, { limit: query.limit, startKey });
  const body: MailboxPage = { items: messages.map((message) => messageAsSeenBy(membership.type, message)), nextCursor: encodeCursor(lastKey) };
  return json(200, body);
});

export const sendMailboxMessage = httpHandler(async (event) => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(projectPathParams, event.pathParameters ?? {}, 'path');
  const store = tableStore();
  const { membership, permission } = await requireTwinspaceAction(store, projectId, caller, 'write-mailbox', { write: true });
  const input = parseOr400(mailboxSendBody, event.body ?? {}, 'body');
  const recipient = await getMembership(store, projectId, input.toUserId);
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
    subject: input.subject,
    body: input.body,
    sentAt: new Date().toISOString(),
  };
  const outcome = await putMailboxMessage(store, message);
  if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
  if (outcome === 'recipient-changed') throw conflict('The recipient left the project or changed type meanwhile: check the member list and try again.');
  const sent: MailboxMessageResponse = messageAsSeenBy(membership.type, message);
  return json(201, sent);
});

