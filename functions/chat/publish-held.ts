/**
 * The chat's publisher (issue 12; functions/moderation/publishers.ts calls it
 * when a teacher releases or edits a pupil's held message): the message goes
 * into the room as if the pupil had sent it then — stored in ROOM# history
 * with the pupil as author (first name, as the room shows pupils), then
 * posted to the room as a normal `message` frame (with the pupil's clientId,
 * so her tab knows its own). And, on every decision, the pupil's own tabs get
 * `held-decided`, so her window turns the held bubble into the message, or
 * says it was deleted.
 *
 * The table is the truth and is written first: a frame that cannot be posted
 * is logged, the decision stands (a tab that missed it reads the history and
 * GET …/moderation/mine again when it comes back).
 */
import { ulid } from 'ulid';
import { putReleasedChatMessage, type ChatMessage } from '../data/chat.ts';
import type { HeldText } from '../data/moderation.ts';
import type { TableStore } from '../data/store.ts';
import { checkChatText } from '../domain/chat-rules.ts';
import type { HeldOutcome } from '../domain/moderation.ts';
import { HttpError } from '../lib/errors.ts';
import { logger } from '../lib/logger.ts';
import type { PublishResult } from '../moderation/publishers.ts';
import { broadcast, liveRoom, postToPerson } from './broadcast.ts';

/** Stores the held message (the teacher's text when edited) in the room's history and posts it to the room. */
export async function publishHeldChatMessage(store: TableStore, held: HeldText, draft: Record<string, unknown>): Promise<PublishResult> {
  // A teacher's edit follows the chat's own text rule (1..2,000 characters, trimmed), as the pupil's frame did.
  const check = checkChatText(typeof draft.text === 'string' ? draft.text : '');
  if (!check.ok) throw new HttpError('VALIDATION_FAILED', check.message, [{ field: 'text', message: check.message }]);
  const message: ChatMessage = {
    id: ulid(),
    projectId: held.projectId,
    authorId: held.authorId,
    authorName: held.authorName,
    authorType: held.authorType,
    text: check.text,
    sentAt: new Date().toISOString(),
  };
  if ((await putReleasedChatMessage(store, message)) === 'closed') return { published: false, reason: 'closed' };
  try {
    await broadcast(held.projectId, { type: 'message', message: { ...message, ...(held.clientId ? { clientId: held.clientId } : {}) } }, liveRoom(held.projectId, undefined, store));
  } catch (error) {
    logger.warn('A released chat message could not be posted to the room', { projectId: held.projectId, heldId: held.heldId, error: error as Error });
  }
  return { published: true, itemId: message.id };
}

/** Tells the pupil's open tabs what a teacher decided on her held message. Never throws. */
export async function tellHeldChatDecided(store: TableStore, held: HeldText, outcome: HeldOutcome): Promise<void> {
  try {
    await postToPerson(held.authorId, { type: 'held-decided', projectId: held.projectId, heldId: held.heldId, outcome }, store);
  } catch (error) {
    logger.warn("A held chat message's decision could not be posted to its author", { projectId: held.projectId, heldId: held.heldId, error: error as Error });
  }
}
