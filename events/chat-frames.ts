/**
 * The live connection's frames, protocol v2 (README, "Live connection and
 * chat protocol"), as zod schemas with their TypeScript types. One WebSocket
 * per signed-in tab carries the person's notifications; a chat room is
 * joined with a frame. The $default handler validates every client frame
 * with these; the site imports their types (`import type`).
 */
import * as z from 'zod';
import { checkChatText } from '../functions/domain/chat-rules.ts';
// The kinds alone (types.ts), not the guard: the HTTP functions that import these schemas stay without its libraries.
import { findingKinds } from '../functions/domain/pupil-guard/types.ts';
import { twinspaceTypes } from '../functions/domain/twinspace-types.ts';

/** Error codes the server sends to the sender only; the socket stays open after every one. */
export const chatErrorCodes = [
  'BAD_FRAME',
  'UNKNOWN_ACTION',
  'TOO_LARGE',
  'EMPTY_MESSAGE',
  'TOO_LONG',
  'FORBIDDEN',
  'NOT_FOUND',
  'MUTED',
  'CHAT_CLOSED',
  'RATE_LIMITED',
  'INTERNAL',
  /** A teacher's message with personal data in it (issue 12): not sent; sent again with acknowledgePersonalData it goes. */
  'PERSONAL_DATA_WARNING',
] as const;
export type ChatErrorCode = (typeof chatErrorCodes)[number];

/** A client frame larger than this (UTF-8 bytes) is answered TOO_LARGE and not read. */
export const maxFrameBytes = 8 * 1024;

/** Message text: 1..2,000 characters after trimming; the parsed value is the trimmed text. */
export const chatText = z.string().transform((raw, context) => {
  const check = checkChatText(raw);
  if (!check.ok) {
    context.addIssue({ code: 'custom', message: check.message, params: { chatErrorCode: check.code } });
    return z.NEVER;
  }
  return check.text;
});

/** A project id as the table keys it (ULID-like, letters and digits). */
export const roomProjectId = z.string().regex(/^[0-9A-Za-z]{1,64}$/, 'A projectId is 1 to 64 letters or digits.');

// Client → server (route selection `$request.body.action`; every frame lands on $default).
export const joinFrame = z.object({ action: z.literal('join'), projectId: roomProjectId });
export const leaveFrame = z.object({ action: z.literal('leave'), projectId: roomProjectId });
export const sendMessageFrame = z.object({
  action: z.literal('sendMessage'),
  projectId: roomProjectId,
  text: chatText,
  /** The tab's id for the message, echoed in the broadcast so the tab knows its own (queued) message. */
  clientId: z.string().min(1).max(64).optional(),
  /** A teacher who was warned about personal data in the text sends it anyway (issue 12). */
  acknowledgePersonalData: z.literal(true).optional(),
});
export const pingFrame = z.object({ action: z.literal('ping') });
export const clientFrame = z.discriminatedUnion('action', [joinFrame, leaveFrame, sendMessageFrame, pingFrame]);
export const clientActions = ['join', 'leave', 'sendMessage', 'ping'] as const;
export type JoinFrame = z.infer<typeof joinFrame>;
export type LeaveFrame = z.infer<typeof leaveFrame>;
export type SendMessageFrame = z.infer<typeof sendMessageFrame>;
export type PingFrame = z.infer<typeof pingFrame>;
/** What a client sends (the text before trimming: z.input). */
export type ClientFrame = z.input<typeof clientFrame>;

// Server → clients.
export const chatMessageSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorType: z.enum(twinspaceTypes),
  text: z.string(),
  sentAt: z.string(),
  /** Only in the live broadcast of a message sent with one. */
  clientId: z.string().optional(),
});
export type ChatMessageBody = z.infer<typeof chatMessageSchema>;

/** Who is in a room now: pupils by first name. */
export const presentMember = z.object({ userId: z.string(), name: z.string(), type: z.enum(twinspaceTypes) });
export type PresentMember = z.infer<typeof presentMember>;

/** A notification as GET /me/notifications lists it (the notifications part owns its meaning). */
export const liveNotification = z.object({
  notificationId: z.string(),
  topic: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  projectId: z.string().optional(),
  subjectId: z.string().optional(),
  read: z.boolean(),
});

export const joinedFrame = z.object({
  type: z.literal('joined'),
  projectId: z.string(),
  present: z.array(presentMember),
  pupilsOpen: z.boolean(),
  mutedUntil: z.string().optional(),
  retentionDays: z.number().int().positive(),
});
export const leftFrame = z.object({ type: z.literal('left'), projectId: z.string(), reason: z.enum(['left', 'removed']) });
export const presenceFrame = z.object({ type: z.literal('presence'), projectId: z.string(), present: z.array(presentMember) });
export const messageFrame = z.object({ type: z.literal('message'), message: chatMessageSchema });
export const messageDeletedFrame = z.object({ type: z.literal('messageDeleted'), projectId: z.string(), messageId: z.string() });
export const chatStateFrame = z.object({ type: z.literal('chatState'), projectId: z.string(), pupilsOpen: z.boolean() });
export const mutedFrame = z.object({ type: z.literal('muted'), projectId: z.string(), until: z.string().nullable() });
export const notificationFrame = z.object({ type: z.literal('notification'), notification: liveNotification });
export const pongFrame = z.object({ type: z.literal('pong') });
/** A pupil's message the guard held for a teacher (issue 12): to the pupil's own connections only, never the room. */
export const heldFrame = z.object({
  type: z.literal('held'),
  projectId: z.string(),
  held: z.object({
    heldId: z.string(),
    /** The sending tab's id for the message, so that tab turns its own message into the held one. */
    clientId: z.string().optional(),
    text: z.string(),
    kinds: z.array(z.enum(findingKinds)),
    heldAt: z.string(),
  }),
});
/** A teacher's decision on a held message, to the pupil's connections; a released or edited one also reaches the room as `message`. */
export const heldDecidedFrame = z.object({
  type: z.literal('held-decided'),
  projectId: z.string(),
  heldId: z.string(),
  outcome: z.enum(['released', 'edited', 'deleted']),
});
export const errorFrame = z.object({
  type: z.literal('error'),
  code: z.enum(chatErrorCodes),
  message: z.string(),
  projectId: z.string().optional(),
  /** RATE_LIMITED: seconds until a message is accepted again. */
  retryAfter: z.number().int().positive().optional(),
  /** MUTED: when the mute ends (ISO). */
  until: z.string().optional(),
  /** PERSONAL_DATA_WARNING: what the guard found in the teacher's text. */
  kinds: z.array(z.enum(findingKinds)).optional(),
  /** PERSONAL_DATA_WARNING: the clientId of the message not sent, when it had one. */
  clientId: z.string().optional(),
});
export const serverFrame = z.discriminatedUnion('type', [
  joinedFrame,
  leftFrame,
  presenceFrame,
  messageFrame,
  messageDeletedFrame,
  chatStateFrame,
  mutedFrame,
  notificationFrame,
  pongFrame,
  errorFrame,
  heldFrame,
  heldDecidedFrame,
]);
export type JoinedFrame = z.infer<typeof joinedFrame>;
export type LeftFrame = z.infer<typeof leftFrame>;
export type PresenceFrame = z.infer<typeof presenceFrame>;
export type MessageFrame = z.infer<typeof messageFrame>;
export type MessageDeletedFrame = z.infer<typeof messageDeletedFrame>;
export type ChatStateFrame = z.infer<typeof chatStateFrame>;
export type MutedFrame = z.infer<typeof mutedFrame>;
export type NotificationFrame = z.infer<typeof notificationFrame>;
export type ErrorFrame = z.infer<typeof errorFrame>;
export type HeldFrame = z.infer<typeof heldFrame>;
export type HeldDecidedFrame = z.infer<typeof heldDecidedFrame>;
export type ServerFrame = z.infer<typeof serverFrame>;

/** The error code a failed client frame deserves: a text rule's own code, an unknown action's, else BAD_FRAME. */
export function frameErrorCode(error: z.ZodError, body?: unknown): ChatErrorCode {
  for (const issue of error.issues) {
    const code = issue.code === 'custom' ? (issue.params as { chatErrorCode?: ChatErrorCode } | undefined)?.chatErrorCode : undefined;
    if (code) return code;
  }
  const action = (body as { action?: unknown } | null | undefined)?.action;
  if (typeof action === 'string' && !(clientActions as readonly string[]).includes(action)) return 'UNKNOWN_ACTION';
  return 'BAD_FRAME';
}
