/**
 * The TwinSpace mailbox (DOMAIN.md: messages between members; 'write-mailbox':
 * teachers to any member, pupils to the project's teachers, visitors not at
 * all). Pure rules, no I/O: who may receive what the sender writes, and how a
 * message's people are named to the one reading it.
 */
import type { Permission } from './policy.ts';
import { firstName } from './roster.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/** Lengths are counted as code points (an emoji is one character). */
export const mailboxLimits = { subject: 200, body: 5000 } as const;

export const mailboxBoxes = ['inbox', 'sent'] as const;
export type MailboxBox = (typeof mailboxBoxes)[number];

export interface MailboxParty {
  userId: string;
  displayName: string;
  /** The member's type when the message was sent. */
  type: TwinspaceType;
}

export interface MailboxMessage {
  messageId: string;
  projectId: string;
  from: MailboxParty;
  to: MailboxParty;
  subject: string;
  body: string;
  sentAt: string;
}

const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];
const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];

const typeInWords: Record<TwinspaceType, string> = {
  'teacher-admin': 'a teacher',
  'member-teacher': 'a teacher',
  'pupil-admin': 'a pupil',
  'pupil-member': 'a pupil',
  visitor: 'a visitor',
};

export type RecipientCheck = { ok: true } | { ok: false; status: 400 | 403; message: string };

/**
 * May a sender with this permission write to this recipient? `recipient` is
 * their membership in the same project, undefined when they are not a member
 * (400: the form named nobody it may name; it reveals nothing beyond the
 * project's own member list). A pupil writing to a pupil or a visitor: 403.
 */
export function checkRecipient(
  permission: Exclude<Permission, 'deny'>,
  senderId: string,
  recipient: { userId: string; type: TwinspaceType } | undefined,
): RecipientCheck {
  if (!recipient) return { ok: false, status: 400, message: 'No member of this project has this id.' };
  if (recipient.userId === senderId) return { ok: false, status: 400, message: 'You cannot write to yourself.' };
  if (permission === "to the project's teachers" && !teacherTypes.includes(recipient.type)) {
    return { ok: false, status: 403, message: `Pupils write only to the project's teachers; this member is ${typeInWords[recipient.type]}.` };
  }
  return { ok: true };
}

/** As the roster names them: a pupil reading sees other pupils by first name; teachers and visitors see names as given. */
export function messageAsSeenBy(viewer: TwinspaceType, message: MailboxMessage): MailboxMessage {
  if (!pupilTypes.includes(viewer)) return message;
  const named = (party: MailboxParty): MailboxParty =>
    pupilTypes.includes(party.type) ? { ...party, displayName: firstName(party.displayName) } : party;
  return { ...message, from: named(message.from), to: named(message.to) };
}

/** A message to a pupil is read by a pupil: a teacher's personal data in it is warned about first (the pupil guard). */
export const readByPupil = (recipient: { type: TwinspaceType }): boolean => pupilTypes.includes(recipient.type);
