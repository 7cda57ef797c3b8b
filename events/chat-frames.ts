/**
 * The chat's frames over the WebSocket (API.md, "Chat over WebSocket"), as
 * zod schemas with their TypeScript types. The $default handler validates
 * every client frame with these; the site builds and reads frames with them.
 */
import * as z from 'zod';
import { checkChatText } from '../functions/domain/chat-rules.ts';
import { twinspaceTypes } from '../functions/domain/twinspace-types.ts';

/** Error codes the server sends to the sender only. */
export const chatErrorCodes = ['BAD_FRAME', 'EMPTY_MESSAGE', 'TOO_LONG', 'FORBIDDEN', 'NOT_FOUND', 'MUTED', 'RATE_LIMITED', 'INTERNAL'] as const;
export type ChatErrorCode = (typeof chatErrorCodes)[number];

/** Message text: 1..2,000 characters after trimming; the parsed value is the trimmed text. */
export const chatText = z.string().transform((raw, context) => {
  const check = checkChatText(raw);
  if (!check.ok) {
    context.addIssue({ code: 'custom', message: check.message, params: { chatErrorCode: check.code } });
    return z.NEVER;
  }
  return check.text;
});

// Client → server (route selection `$request.body.action`).
export const sendMessageFrame = z.object({ action: z.literal('sendMessage'), text: chatText });
export const deleteMessageFrame = z.object({ action: z.literal('deleteMessage'), messageId: z.string().min(1).max(64) });
export const clientFrame = z.discriminatedUnion('action', [sendMessageFrame, deleteMessageFrame]);
export type SendMessageFrame = z.infer<typeof sendMessageFrame>;
export type DeleteMessageFrame = z.infer<typeof deleteMessageFrame>;
export type ClientFrame = z.infer<typeof clientFrame>;

// Server → clients.
export const chatMessageSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorType: z.enum(twinspaceTypes),
  text: z.string(),
  sentAt: z.string(),
});
export type ChatMessageBody = z.infer<typeof chatMessageSchema>;

export const messageFrame = z.object({ type: z.literal('message'), message: chatMessageSchema });
export const messageDeletedFrame = z.object({ type: z.literal('messageDeleted'), messageId: z.string() });
export const errorFrame = z.object({ type: z.literal('error'), code: z.enum(chatErrorCodes), message: z.string() });
export const serverFrame = z.discriminatedUnion('type', [messageFrame, messageDeletedFrame, errorFrame]);
export type MessageFrame = z.infer<typeof messageFrame>;
export type MessageDeletedFrame = z.infer<typeof messageDeletedFrame>;
export type ErrorFrame = z.infer<typeof errorFrame>;
export type ServerFrame = z.infer<typeof serverFrame>;

/** The error code a failed client frame deserves: a text rule's own code, else BAD_FRAME. */
export function frameErrorCode(error: z.ZodError): ChatErrorCode {
  for (const issue of error.issues) {
    const code = issue.code === 'custom' ? (issue.params as { chatErrorCode?: ChatErrorCode } | undefined)?.chatErrorCode : undefined;
    if (code) return code;
  }
  return 'BAD_FRAME';
}
