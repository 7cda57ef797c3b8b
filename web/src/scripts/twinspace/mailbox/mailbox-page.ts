/**
 * The mailbox page's rules, pure (no DOM; unit-tested in node): the strings
 * its island (mailbox-island.tsx) reads, which box the address asks for, who
 * may be written to (the one rule, functions/domain/mailbox.ts: pupils to the
 * project's teachers), why there is no form, and the form → the API's body.
 */
import { checkRecipient, type MailboxBox } from '../../../../../functions/domain/mailbox.ts';
import { may, type Permission } from '../../../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MailboxSendBodyInput } from '../../../../../functions/http/mailbox/schemas.ts';
import type { MembersPage } from '../../../../../functions/http/schemas.ts';
import { labelKeys } from '../../../i18n/labels.ts';
import { heldNoticeStrings, personalDataWarningStrings } from '../../common/held-words.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const mailboxStrings = [
  ...labelKeys,
  ...heldNoticeStrings,
  ...personalDataWarningStrings,
  'site.name',
  'twinspace.missingId',
  'twinspace.notFound',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'agendaMailbox.back',
  'agendaMailbox.closed',
  'agendaMailbox.more',
  'agendaMailbox.required',
  'agendaMailbox.checkFields',
  'mailbox.titleOf',
  'mailbox.intro',
  'mailbox.boxes',
  'mailbox.inbox',
  'mailbox.sent',
  'mailbox.empty',
  'mailbox.from',
  'mailbox.to',
  'mailbox.date',
  'mailbox.fromLine',
  'mailbox.toLine',
  'mailbox.write',
  'mailbox.recipient',
  'mailbox.choose',
  'mailbox.pupilsHint',
  'mailbox.subject',
  'mailbox.body',
  'mailbox.send',
  'mailbox.sending',
  'mailbox.sentDone',
  'mailbox.reply',
  'mailbox.nobody',
  'mailbox.visitor',
  'mailbox.closed',
] as const satisfies readonly MessageKey[];

type Member = MembersPage['items'][number];

/** The box the address asks for (?box=sent), the inbox otherwise. */
export const boxOf = (search: string): MailboxBox => (new URLSearchParams(search).get('box') === 'sent' ? 'sent' : 'inbox');

/** A reply's subject: "Re: " once. */
export const replySubject = (subject: string): string => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/** Who may write here and to whom, or why nobody is offered (a dictionary key). */
export type Writing = { permission: Exclude<Permission, 'deny'> } | { unavailable: 'mailbox.visitor' | 'mailbox.closed' };

export function writing(type: TwinspaceType | null | undefined, state: string): Writing {
  const permission = type ? may(type, 'write-mailbox') : 'deny';
  if (permission === 'deny') return { unavailable: 'mailbox.visitor' };
  if (state !== 'approved') return { unavailable: 'mailbox.closed' };
  return { permission };
}

/** The members this sender may write to (checkRecipient, the server's own rule), in the roster's order. */
export function recipientsOf(permission: Exclude<Permission, 'deny'>, me: string, members: readonly Member[]): Member[] {
  return members.filter((member) => checkRecipient(permission, me, { userId: member.userId, type: member.type }).ok);
}

/** Pupils are told they write to the project's teachers. */
export const toTeachersOnly = (permission: Exclude<Permission, 'deny'>): boolean => permission === "to the project's teachers";

export interface MessageValues {
  toUserId: string;
  subject: string;
  body: string;
}

export type MessageField = keyof MessageValues;

export const emptyMessage: MessageValues = { toUserId: '', subject: '', body: '' };

/** The form → the API's body, or the fields left empty. */
export function sendBody(values: MessageValues): { body: MailboxSendBodyInput } | { missing: MessageField[] } {
  const trimmed = { toUserId: values.toUserId.trim(), subject: values.subject.trim(), body: values.body.trim() };
  const missing = (Object.keys(trimmed) as MessageField[]).filter((field) => !trimmed[field]);
  return missing.length ? { missing } : { body: trimmed };
}

/** A sentence with a {date} slot, split around it (the date is drawn as a <time> between the parts). */
export function aroundDate(sentence: string): [string, string] {
  const at = sentence.indexOf('{date}');
  return at < 0 ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + '{date}'.length)];
}
