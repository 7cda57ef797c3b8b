/**
 * Chat rules (API.md, "Chat over WebSocket"; DOMAIN.md): a message is 1 to
 * 2,000 characters once trimmed, characters counted as the user sees them
 * (code points, so an emoji is one). Only members whose type may chat take
 * part, and only while the TwinSpace is writable.
 */
import { mayAtAll } from './policy.ts';
import { isWritable, type ProjectState } from './project-lifecycle.ts';
import type { TwinspaceType } from './twinspace-types.ts';

export const chatMessageMaxLength = 2000;

export type ChatTextCheck = { ok: true; text: string } | { ok: false; code: 'EMPTY_MESSAGE' | 'TOO_LONG'; message: string };

export function checkChatText(raw: string): ChatTextCheck {
  const text = raw.trim();
  const length = [...text].length;
  if (length === 0) return { ok: false, code: 'EMPTY_MESSAGE', message: 'A message needs some text.' };
  if (length > chatMessageMaxLength) {
    return { ok: false, code: 'TOO_LONG', message: `A message is at most ${chatMessageMaxLength} characters.` };
  }
  return { ok: true, text };
}

/** May this member read the chat? (Also of a closed project: history stays readable.) */
export function mayReadChat(type: TwinspaceType): boolean {
  return mayAtAll(type, 'chat');
}

/** May this member be connected to the live chat and send? Not in a closed project. */
export function mayJoinChat(type: TwinspaceType, state: ProjectState): boolean {
  return mayAtAll(type, 'chat') && isWritable(state);
}

export function mayDeleteChatMessage(type: TwinspaceType, state: ProjectState): boolean {
  return mayAtAll(type, 'moderate') && isWritable(state);
}

/** Pupils' types: their chat closes when a teacher administrator closes the pupils' chat (teachers still chat). */
export function isPupilType(type: TwinspaceType): boolean {
  return type === 'pupil-admin' || type === 'pupil-member';
}

/** May this member send now, given the room's settings? Teachers always; pupils while the pupils' chat is open. */
export function mayTalkWhilePupilsChat(type: TwinspaceType, pupilsOpen: boolean): boolean {
  return pupilsOpen || !isPupilType(type);
}

/** Is a mute (its end, ISO) still in force at `now`? The table's TTL deletes it later, not at once. */
export function isMuted(until: string | undefined, now: Date): boolean {
  return until !== undefined && Date.parse(until) > now.getTime();
}
