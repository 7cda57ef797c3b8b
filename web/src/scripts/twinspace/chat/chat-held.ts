/**
 * A pupil's chat messages the guard held for a teacher (issue 12), as her own
 * window shows them, pure (no DOM; unit-tested in node): held bubbles from the
 * `held` frame or, after a reload, from GET /projects/{id}/moderation/mine;
 * a decision turns one into nothing (released or edited: the message itself
 * arrives in the room) or into "deleted"; and the log's one order, messages
 * and held bubbles together by time. Nobody else ever sees these.
 */
import type { ChatMessageBody, HeldFrame } from '../../../../../events/chat-frames.ts';
import { kindsInOrder, type FindingKind } from '../../common/held-words.ts';

/** A held message in the pupil's window: waiting, or deleted by a teacher (said once, until the page is left). */
export interface HeldBubble {
  heldId: string;
  clientId?: string;
  text: string;
  kinds: FindingKind[];
  heldAt: string;
  deleted?: boolean;
}

/** A held text as GET …/moderation/mine lists it: the fields the chat reads. */
export interface MyHeldText {
  heldId: string;
  surface: string;
  status: string;
  heldAt: string;
  kinds: readonly string[];
  clientId?: string;
  draft?: { text?: unknown };
  fields?: readonly { field: string; text: string }[];
}

export function bubbleOf(held: HeldFrame['held']): HeldBubble {
  return { heldId: held.heldId, ...(held.clientId ? { clientId: held.clientId } : {}), text: held.text, kinds: kindsInOrder(held.kinds), heldAt: held.heldAt };
}

/** The pupil's chat messages still waiting for a teacher, from her list (other surfaces and decided ones left out). */
export function waitingBubbles(items: readonly MyHeldText[]): HeldBubble[] {
  return items
    .filter((item) => item.surface === 'chat-message' && item.status === 'held')
    .map((item) => {
      const text = typeof item.draft?.text === 'string' ? item.draft.text : (item.fields?.find((field) => field.field === 'text')?.text ?? '');
      return { heldId: item.heldId, ...(item.clientId ? { clientId: item.clientId } : {}), text, kinds: kindsInOrder(item.kinds), heldAt: item.heldAt };
    });
}

/** The bubbles with new ones in: one per heldId (the one shown first stays, so a later copy never undoes "deleted"). */
export function mergeHeld(shown: readonly HeldBubble[], incoming: readonly HeldBubble[]): HeldBubble[] {
  const known = new Set(shown.map((bubble) => bubble.heldId));
  return [...shown, ...incoming.filter((bubble) => !known.has(bubble.heldId))];
}

/**
 * The bubbles after a teacher's decision: released or edited, the bubble goes
 * (the message comes in the room like any other); deleted, it stays, saying so,
 * without the text (the teacher decided it is not shared).
 */
export function decide(shown: readonly HeldBubble[], heldId: string, outcome: 'released' | 'edited' | 'deleted'): HeldBubble[] {
  if (outcome !== 'deleted') return shown.filter((bubble) => bubble.heldId !== heldId);
  return shown.map((bubble) => (bubble.heldId === heldId ? { ...bubble, text: '', deleted: true } : bubble));
}

export type LogEntry = { message: ChatMessageBody } | { held: HeldBubble };

const at = (entry: LogEntry) => ('message' in entry ? `${entry.message.sentAt}|${entry.message.id}` : `${entry.held.heldAt}|${entry.held.heldId}`);

/** Messages and held bubbles in one list, oldest first (a held message sits where it was sent). */
export function logEntries(messages: readonly ChatMessageBody[], held: readonly HeldBubble[]): LogEntry[] {
  const entries: LogEntry[] = [...messages.map((message) => ({ message })), ...held.map((bubble) => ({ held: bubble }))];
  return entries.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}
