/**
 * Desktop mail's rules, pure (no DOM; unit-tested in node): the strings its
 * island (mail-island.tsx) reads, which view the address asks for (a folder,
 * one mail, the compose form), a reply's subject, and the compose form → the
 * API's body (what is missing is said field by field, nothing is sent).
 */
import type { MailSendBodyInput } from '../../../../functions/http/desktop/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const mailStrings = [
  'mail.title',
  'mail.unreadHeading',
  'mail.folders',
  'mail.inbox',
  'mail.inboxUnread',
  'mail.sent',
  'mail.compose',
  'mail.empty',
  'mail.more',
  'mail.from',
  'mail.to',
  'mail.date',
  'mail.unread',
  'mail.reply',
  'mail.back',
  'mail.recipient',
  'mail.recipientHint',
  'mail.someoneElse',
  'mail.subject',
  'mail.body',
  'mail.send',
  'mail.sending',
  'mail.sentDone',
  'mail.notSent',
  'mail.teachersOnly',
  'mail.notFound',
  'desk.required',
  'desk.checkFields',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

export type Folder = 'inbox' | 'sent';

/** Who a mail goes to when it was chosen (partner search, a reply): their id and name. */
export interface Recipient {
  userId: string;
  name: string;
}

/** What the address asks for. */
export type MailView =
  | { view: 'folder'; folder: Folder }
  | { view: 'read'; mailId: string }
  | { view: 'compose'; recipient?: Recipient; subject: string };

/** ?compose=1[&to=<userId>&name=…&subject=…] → the compose form; ?id=… → one mail; else a folder (?folder=sent, or the inbox). */
export function mailViewOf(params: URLSearchParams): MailView {
  if (params.has('compose')) {
    const to = params.get('to');
    return { view: 'compose', subject: params.get('subject') ?? '', ...(to ? { recipient: { userId: to, name: params.get('name') || to } } : {}) };
  }
  const mailId = params.get('id');
  if (mailId) return { view: 'read', mailId };
  return { view: 'folder', folder: params.get('folder') === 'sent' ? 'sent' : 'inbox' };
}

/** A reply's subject: "Re: " once, whatever case the "re:" already there is in. */
export const replySubject = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/** The compose form, as typed. */
export interface ComposeValues {
  toUsername: string;
  subject: string;
  body: string;
}

export const emptyCompose: ComposeValues = { toUsername: '', subject: '', body: '' };

/** The API's fields a problem can be about (toUserId when the recipient was chosen, not typed). */
export type ComposeField = 'toUsername' | 'toUserId' | 'subject' | 'body';

/**
 * The body to send, values trimmed: to the chosen recipient, else to the
 * typed username. Each empty field that is needed is a problem, and then
 * nothing is sent.
 */
export function mailBody(values: ComposeValues, recipient?: Recipient): { body: MailSendBodyInput } | { problems: Partial<Record<ComposeField, MessageKey>> } {
  const typed = { toUsername: values.toUsername.trim(), subject: values.subject.trim(), body: values.body.trim() };
  const needed: ComposeField[] = [...(recipient ? [] : (['toUsername'] as const)), 'subject', 'body'];
  const missing = needed.filter((field) => field !== 'toUserId' && !typed[field]);
  if (missing.length) return { problems: Object.fromEntries(missing.map((field) => [field, 'desk.required' as const])) };
  return { body: { ...(recipient ? { toUserId: recipient.userId } : { toUsername: typed.toUsername }), subject: typed.subject, body: typed.body } };
}
