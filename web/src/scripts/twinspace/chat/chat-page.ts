/**
 * The Chat tab's rules, pure (no DOM; unit-tested in node): the strings its
 * island needs, who may take part (and else why not, in words), what a
 * server error says, the typed text checked as the server checks it, and the
 * list of messages kept in order (history and live frames merged by id). The
 * page itself is the Preact island chat-island.tsx; the connection is the
 * tab's one live socket (common/live.ts).
 */
import { checkChatText } from '../../../../../functions/domain/chat-rules.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { ChatErrorCode, ChatMessageBody } from '../../../../../events/chat-frames.ts';
import { labelKeys } from '../../../i18n/labels.ts';
import { heldNoticeStrings, personalDataWarningStrings } from '../../common/held-words.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const chatStrings = [
  ...labelKeys,
  'twinspace.title',
  'twinspace.missingId',
  'twinspace.notFound',
  'twinspace.closed',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'chat.title',
  'chat.history',
  'chat.empty',
  'chat.message',
  'chat.send',
  'chat.hint',
  'chat.connecting',
  'chat.connected',
  'chat.reconnecting',
  'chat.offline',
  'chat.mutedUntil',
  'chat.pupilsClosed',
  'chat.pupilsClosedTeacher',
  'chat.rateLimitedFor',
  'chat.unsent',
  'chat.queued',
  'chat.retention',
  'chat.present',
  'chat.removed',
  'chat.visitor',
  'chat.refused',
  'chat.tooLong',
  'chat.muted',
  'chat.rateLimited',
  'chat.emptyMessage',
  'chat.sendFailed',
  'chat.deleted',
  'chat.newMessage',
  'chat.closed',
  'chat.you',
  'chat.held',
  'chat.backInBox',
  // Issue 12: a pupil's held message and its reason; a teacher's warning before personal data goes out.
  ...heldNoticeStrings,
  ...personalDataWarningStrings,
] as const satisfies readonly MessageKey[];

/** What the sender reads for each error the server can send; the rest get the generic message. */
const errorMessages: Partial<Record<ChatErrorCode, MessageKey>> = {
  TOO_LONG: 'chat.tooLong',
  EMPTY_MESSAGE: 'chat.emptyMessage',
  MUTED: 'chat.muted',
  CHAT_CLOSED: 'chat.pupilsClosed',
  RATE_LIMITED: 'chat.rateLimited',
  FORBIDDEN: 'chat.refused',
};

export const errorMessage = (code: ChatErrorCode): MessageKey => errorMessages[code] ?? 'chat.sendFailed';

/**
 * An error frame in words, with what it says: until when a mute lasts
 * (`until`, formatted by the page) and in how many seconds to try again.
 */
export function errorWords(
  frame: { code: ChatErrorCode; retryAfter?: number; until?: string },
  formatTime: (iso: string) => string,
): { key: MessageKey; values: Record<string, string> } {
  if (frame.code === 'MUTED' && frame.until) return { key: 'chat.mutedUntil', values: { time: formatTime(frame.until) } };
  if (frame.code === 'RATE_LIMITED' && frame.retryAfter) return { key: 'chat.rateLimitedFor', values: { seconds: String(frame.retryAfter) } };
  return { key: errorMessage(frame.code), values: {} };
}

/**
 * Whether the chat opens for this member, or why not: only in an open project
 * (closed: it says so), never for a visitor nor someone without a type in it.
 * The server still decides when the socket opens.
 */
export function chatAccess(type: TwinspaceType | null | undefined, state: string): { open: true } | { open: false; reason: MessageKey } {
  if (state !== 'approved') return { open: false, reason: state === 'closed' ? 'chat.closed' : 'chat.refused' };
  if (!type || type === 'visitor') return { open: false, reason: type === 'visitor' ? 'chat.visitor' : 'chat.refused' };
  return { open: true };
}

/** The typed text as it will be sent (trimmed), or what is wrong with it, as the server counts it. */
export function checkedText(raw: string): { text: string } | { problem: MessageKey } {
  const check = checkChatText(raw);
  if (check.ok) return { text: check.text };
  return { problem: check.code === 'TOO_LONG' ? 'chat.tooLong' : 'chat.emptyMessage' };
}

const order = (message: ChatMessageBody) => `${message.sentAt}|${message.id}`;

/**
 * The messages shown with the new ones merged in: a message is never shown
 * twice (by id; the first copy stays), oldest first by (sentAt, id), ids
 * being time-sortable.
 */
export function mergeMessages(shown: readonly ChatMessageBody[], incoming: readonly ChatMessageBody[]): ChatMessageBody[] {
  const byId = new Map(shown.map((message) => [message.id, message]));
  for (const message of incoming) if (!byId.has(message.id)) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
