/**
 * Chat supervision's rules on the page, pure (no DOM; unit-tested in node,
 * tests/unit/chat-supervision-page.test.ts): what each TwinSpace type sees on
 * whose message (delete, report, mute), which room controls a type gets
 * (close / reopen the pupils' chat, the muted pupils with Unmute), the bodies
 * sent to the API, and the dictionary keys the components read. The
 * components are chat-supervision.tsx; the server decides again
 * (functions/http/chat/, the policy table).
 */
import type { ChatMessageBody } from '../../../../../events/chat-frames.ts';
import { mayBeMuted } from '../../../../../functions/domain/chat-supervision.ts';
import type { MuteDuration } from '../../../../../functions/domain/chat-supervision.ts';
import { mayAtAll } from '../../../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MuteBodyInput } from '../../../../../functions/http/chat/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** Every dictionary entry the two components read: the chat page adds them to its own (`strings`). */
export const chatSupervisionStrings = [
  'common.busy',
  'common.error',
  'common.unreachable',
  'common.sessionExpired',
  'chatSupervision.cancel',
  'chatSupervision.actions',
  'chatSupervision.delete',
  'chatSupervision.deleteOf',
  'chatSupervision.deleteQuestion',
  'chatSupervision.deleted',
  'chatSupervision.report',
  'chatSupervision.reportOf',
  'chatSupervision.reported',
  'chatSupervision.muteOf',
  'chatSupervision.muteFor',
  'chatSupervision.mute',
  'chatSupervision.muted',
  'chatSupervision.duration.10m',
  'chatSupervision.duration.1h',
  'chatSupervision.duration.day',
  'chatSupervision.controls',
  'chatSupervision.pupilsOpen',
  'chatSupervision.pupilsClosed',
  'chatSupervision.closePupils',
  'chatSupervision.reopenPupils',
  'chatSupervision.closedPupils',
  'chatSupervision.reopenedPupils',
  'chatSupervision.mutedPupils',
  'chatSupervision.noMutes',
  'chatSupervision.mutedUntil',
  'chatSupervision.unmute',
  'chatSupervision.unmuteOf',
  'chatSupervision.unmuted',
  'chatSupervision.someone',
] as const satisfies readonly MessageKey[];

export interface MessageActionsAllowed {
  /** Delete: a teacher any message, anyone who chats their own. */
  delete: boolean;
  /** Report to the teacher administrators: any member who chats, never one's own message. */
  report: boolean;
  /** Mute the author: the project's teachers, when the author is a pupil (and not oneself). */
  mute: boolean;
}

const nothing: MessageActionsAllowed = { delete: false, report: false, mute: false };

/** What this reader (`me`, of `myType`) may do with this message; nothing while the TwinSpace is not writable. */
export function messageActionsFor(message: Pick<ChatMessageBody, 'authorId' | 'authorType'>, me: string, myType: TwinspaceType, writable: boolean): MessageActionsAllowed {
  if (!writable || !mayAtAll(myType, 'chat')) return nothing;
  const own = message.authorId === me;
  const supervises = mayAtAll(myType, 'supervise-chat');
  return {
    delete: supervises || own,
    report: !own && mayAtAll(myType, 'report-chat-message'),
    mute: supervises && !own && mayBeMuted(message.authorType),
  };
}

/** Whether any action shows on this message (else the component renders nothing). */
export const anyAction = (allowed: MessageActionsAllowed): boolean => allowed.delete || allowed.report || allowed.mute;

export interface ChatControlsAllowed {
  /** Close / reopen the pupils' chat: teacher administrators. */
  pupilsChat: boolean;
  /** The muted pupils with Unmute: the project's teachers. */
  mutes: boolean;
}

/** Which room controls this type gets; none while the TwinSpace is not writable. */
export function chatControlsFor(myType: TwinspaceType, writable: boolean): ChatControlsAllowed {
  if (!writable) return { pupilsChat: false, mutes: false };
  return { pupilsChat: mayAtAll(myType, 'open-pupils-chat'), mutes: mayAtAll(myType, 'supervise-chat') };
}

/** The mute durations in the order offered, with their words. */
export const muteChoices: readonly { value: MuteDuration; label: MessageKey }[] = [
  { value: '10m', label: 'chatSupervision.duration.10m' },
  { value: '1h', label: 'chatSupervision.duration.1h' },
  { value: 'day', label: 'chatSupervision.duration.day' },
];

/** The body of a mute: "the rest of the day" is the reader's day, so their time zone goes with it. */
export function muteBody(duration: MuteDuration, readerTimeZone: string | undefined): MuteBodyInput {
  return duration === 'day' && readerTimeZone ? { duration, timeZone: readerTimeZone } : { duration };
}

/** What the pupils' chat button does next, and its words. */
export function pupilsChatToggle(pupilsOpen: boolean): { open: boolean; label: MessageKey; done: MessageKey; state: MessageKey } {
  return pupilsOpen
    ? { open: false, label: 'chatSupervision.closePupils', done: 'chatSupervision.closedPupils', state: 'chatSupervision.pupilsOpen' }
    : { open: true, label: 'chatSupervision.reopenPupils', done: 'chatSupervision.reopenedPupils', state: 'chatSupervision.pupilsClosed' };
}

/** The event a mute made here sends through the window, so the tab's muted pupils list reads the state again. */
export const mutedEvent = 'twinspace:chat-muted';
