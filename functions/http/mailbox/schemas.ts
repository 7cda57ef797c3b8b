/** The TwinSpace mailbox's request and response shapes (handlers and the OpenAPI document). */
import * as z from 'zod';
import { visibleText } from '../visible-text.ts';
import { mailboxBoxes, mailboxLimits } from '../../domain/mailbox.ts';
import { twinspaceTypes } from '../../domain/twinspace-types.ts';
import { pageQuery } from '../../lib/cursor.ts';
import { personalDataAcknowledgement } from '../moderation/schemas.ts';

export const mailboxSendBody = z
  .object({
    /** A member's userId, as GET /projects/{projectId}/members lists them. */
    toUserId: z.string().trim().min(1).max(128),
    subject: visibleText({ max: mailboxLimits.subject }),
    body: visibleText({ max: mailboxLimits.body, multiline: true }),
    ...personalDataAcknowledgement,
  })
  .strict();
export type MailboxSendBodyInput = z.input<typeof mailboxSendBody>;

export const mailboxQuery = pageQuery.extend({ box: z.enum(mailboxBoxes).default('inbox') });

const mailboxParty = z.object({ userId: z.string(), displayName: z.string(), type: z.enum(twinspaceTypes) });

export const mailboxMessageResponse = z.object({
  messageId: z.string(),
  projectId: z.string(),
  from: mailboxParty,
  to: mailboxParty,
  subject: z.string(),
  body: z.string(),
  sentAt: z.string(),
});
export type MailboxMessageResponse = z.infer<typeof mailboxMessageResponse>;

export const mailboxPage = z.object({ items: z.array(mailboxMessageResponse), nextCursor: z.string().nullable() });
export type MailboxPage = z.infer<typeof mailboxPage>;
