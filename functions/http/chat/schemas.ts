/**
 * Chat supervision's request and response shapes (issue 9; API.md, "Chat
 * supervision"): delete a message, mute and unmute a pupil, the room's state,
 * close and reopen the pupils' chat, report a message.
 */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { isTimeZone, muteDurations } from '../../domain/chat-supervision.ts';
import { userIdString } from '../members/schemas.ts';
import { ulidString } from '../schemas.ts';
import { chatMessageSchema } from '../../../events/chat-frames.ts';

export const chatMessagePathParams = z.object({ projectId: ulidString, messageId: ulidString });
export const chatMutePathParams = z.object({ projectId: ulidString, userId: userIdString });

/** A mute: 10 minutes, an hour, or the rest of the day in `timeZone` (the teacher's IANA zone; UTC when absent). */
export const muteBody = z.strictObject({
  duration: z.enum(muteDurations, { message: 'Expected "10m", "1h" or "day".' }),
  timeZone: z.string().max(64).refine(isTimeZone, 'Expected an IANA time zone, e.g. Europe/Madrid.').optional(),
});
export type MuteBodyInput = z.input<typeof muteBody>;

export const muteResponse = z.object({ userId: z.string(), until: z.string().describe('ISO 8601 UTC: the member may send again from then') });
export type MuteResponse = z.infer<typeof muteResponse>;

export const chatMuteEntry = z.object({
  userId: z.string(),
  until: z.string(),
  /** The muted pupil's name as the room shows it (first name), when known. */
  name: z.string().optional(),
});

export const chatStateResponse = z.object({
  pupilsOpen: z.boolean(),
  retentionDays: z.number().int(),
  /** The mutes still running; only for those who supervise the chat (others get []). */
  mutes: z.array(chatMuteEntry),
});
export type ChatStateResponse = z.infer<typeof chatStateResponse>;

export const pupilsChatBody = z.strictObject({ open: z.boolean({ message: 'Expected "open": true or false.' }) });
export type PupilsChatBodyInput = z.input<typeof pupilsChatBody>;

export const pupilsChatResponse = z.object({ pupilsOpen: z.boolean() });
export type PupilsChatResponse = z.infer<typeof pupilsChatResponse>;

/** Why, in the reporter's words (optional); no body at all is a report without a reason. */
export const reportBody = z.strictObject({ reason: visibleText({ max: 500, multiline: true, allowEmpty: true }).optional() });
export type ReportBodyInput = z.input<typeof reportBody>;

export const reportResponse = z.object({ messageId: z.string() });
export type ReportResponse = z.infer<typeof reportResponse>;

/** The chat's history, newest first. Here and not in ../schemas.ts, so the other areas do not carry the frames' schemas. */
export const chatMessagesPage = z.object({ items: z.array(chatMessageSchema), nextCursor: z.string().nullable() });
export type ChatMessagesPage = z.infer<typeof chatMessagesPage>;
