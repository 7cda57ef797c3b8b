/**
 * The mailbox's publisher (functions/moderation/publishers.ts): when a
 * teacher releases a pupil's held message, it is sent now, from the pupil,
 * through the route's own functions (send-message.ts): both copies and the
 * recipient's notification. The sending rule is decided again on both
 * memberships as they are now (one BatchGetItem): a recipient who left is
 * 'gone'; a sender or recipient whose type changed, so the rule the pupil
 * wrote under no longer holds, is 'changed'; a closed project 'closed'.
 */
import { keys } from '../../data/keys.ts';
import type { HeldText } from '../../data/moderation.ts';
import { membershipAmong } from '../../data/memberships.ts';
import { batchGet } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import { checkRecipient } from '../../domain/mailbox.ts';
import { may } from '../../domain/policy.ts';
import { parseOr400 } from '../../lib/errors.ts';
import type { PublishResult } from '../../moderation/publishers.ts';
import { mailboxSendBody } from './schemas.ts';
import { deliverMessage, messageBetween } from './send-message.ts';

/** 'mailbox-message': the pupil's message to one of the project's teachers, sent as theirs. */
export async function publishHeldMailboxMessage(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  // The route's own schema: a teacher's edit obeys the same limits.
  const { acknowledgePersonalData: _none, ...text } = parseOr400(mailboxSendBody, draft, 'body');
  const { projectId, authorId } = held;
  const found = await batchGet(store, [keys.membership(projectId, authorId), keys.membership(projectId, text.toUserId)]);
  const sender = membershipAmong(found, projectId, authorId);
  const recipient = membershipAmong(found, projectId, text.toUserId);
  if (!recipient) return { published: false, reason: 'gone' };
  const permission = sender?.type === held.authorType ? may(sender.type, 'write-mailbox') : 'deny';
  if (!sender || permission === 'deny' || !checkRecipient(permission, authorId, recipient).ok) return { published: false, reason: 'changed' };
  const message = messageBetween(
    projectId,
    { userId: authorId, displayName: sender.displayName, type: sender.type },
    { userId: recipient.userId, displayName: recipient.displayName, type: recipient.type },
    text,
  );
  const outcome = await deliverMessage(store, message);
  if (outcome === 'sent') return { published: true, itemId: message.messageId };
  return { published: false, reason: outcome === 'closed' ? 'closed' : 'changed' };
}
