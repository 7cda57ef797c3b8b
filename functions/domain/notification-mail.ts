/**
 * Notifications by e-mail (issue 9): who gets one, when, and what it says.
 * Teachers, NSS officers and evaluators choose on their profile: each
 * notification at once ('instant'), one summary of the day the next morning
 * ('daily', the default) or none ('off'). Pupils (and guests) never get
 * e-mail. Pure: the stream handler and the digest job do the I/O.
 */
import { encodeTime, decodeTime, isValid } from 'ulid';
import type { AccountKind } from './twinspace-types.ts';

export const notificationMailPreferences = ['instant', 'daily', 'off'] as const;
export type NotificationMailPreference = (typeof notificationMailPreferences)[number];
export const defaultNotificationMail: NotificationMailPreference = 'daily';

/** The kinds of account that may get notifications by e-mail. */
const mailedKinds: readonly AccountKind[] = ['teacher', 'nss', 'evaluator'];

/**
 * Topics that never go by e-mail: the evaluators' digest IS an e-mail
 * already (functions/scheduled/notify-evaluators.ts sends it and records it as
 * a notification).
 */
const topicsNeverMailed: readonly string[] = ['evaluator-digest'];

export interface MailReader {
  kind: AccountKind;
  email?: string;
  notificationMail?: NotificationMailPreference;
}

/** What to do by e-mail with one notification for this person: 'none' for pupils, guests, 'off', no address. */
export function mailChoice(reader: MailReader | undefined, topic: string): NotificationMailPreference | 'none' {
  if (!reader || !mailedKinds.includes(reader.kind) || !reader.email) return 'none';
  if (topicsNeverMailed.includes(topic)) return 'none';
  const preference = notificationMailPreferences.includes(reader.notificationMail as NotificationMailPreference)
    ? (reader.notificationMail as NotificationMailPreference)
    : defaultNotificationMail;
  return preference === 'off' ? 'none' : preference;
}

/** Whether a daily digest still goes to this person (they may have turned e-mail off, or lost their address, since). */
export function stillWantsDigest(reader: MailReader | undefined): boolean {
  return mailChoice(reader, 'digest') !== 'none';
}

const dayMs = 24 * 60 * 60 * 1000;
const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));

/**
 * The UTC day (yyyy-mm-dd) a notification belongs to: its ULID's time, so it
 * falls inside the range the digest queries (dayRange); createdAt only for an
 * id that is not a ULID.
 */
export function notificationDay(notification: { notificationId: string; createdAt: string }): string {
  const time = isValid(notification.notificationId) ? decodeTime(notification.notificationId) : Date.parse(notification.createdAt);
  return new Date(time).toISOString().slice(0, 10);
}

/** The day before the schedule fired (UTC): the digest job's day. */
export function previousDay(firedAt: Date): string {
  return new Date(Date.UTC(firedAt.getUTCFullYear(), firedAt.getUTCMonth(), firedAt.getUTCDate()) - dayMs).toISOString().slice(0, 10);
}

/**
 * The ULIDs of one UTC day, inclusive: the first possible id of 00:00:00.000
 * and the last possible id of 23:59:59.999 (ULIDs sort by their time first).
 */
export function dayRange(day: string): { from: string; to: string } {
  if (!isDay(day)) throw new Error(`Not a day (yyyy-mm-dd): ${day}`);
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return { from: `${encodeTime(start, 10)}${'0'.repeat(16)}`, to: `${encodeTime(start + dayMs - 1, 10)}${'Z'.repeat(16)}` };
}

export interface MailedNotification {
  title: string;
  body: string;
  createdAt: string;
}

const footer =
  '\n--\nYou get this e-mail because of the notification setting on your Twinspace profile (each notification, a daily summary, or none). ' +
  'Every notification is also on your Notifications page.\n';

/** The e-mail of one notification ('instant'). */
export function instantMail(notification: MailedNotification): { subject: string; text: string } {
  return { subject: `Twinspace: ${notification.title}`, text: `${notification.title}\n\n${notification.body}\n${footer}` };
}

/** The summary of one day's notifications ('daily'), oldest first; undefined when there is nothing to say. */
export function digestMail(day: string, notifications: readonly MailedNotification[]): { subject: string; text: string } | undefined {
  if (notifications.length === 0) return undefined;
  const ordered = [...notifications].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const count = notifications.length === 1 ? '1 notification' : `${notifications.length} notifications`;
  const lines = ordered.map((notification) => `- ${notification.createdAt.slice(11, 16)} UTC  ${notification.title}\n  ${notification.body.replace(/\n/g, '\n  ')}`);
  return { subject: `Twinspace: ${count} on ${day}`, text: `Your Twinspace notifications of ${day}:\n\n${lines.join('\n\n')}\n${footer}` };
}
