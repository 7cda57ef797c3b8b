/**
 * Notifications' pure rules (issue 9, design section 4): what topics exist,
 * how long an item lives (the table's TTL), who has an e-mail preference and
 * what it is when none was chosen, and when a page counts as newly submitted
 * for publishing. No I/O here: functions/data/notifications.ts stores them.
 */
import type { AccountKind, TwinspaceType } from './twinspace-types.ts';

/** Every kind of notification; the site renders its own sentence per topic from `params` (title/body are the English fallback). */
export const notificationTopics = [
  'project-invited',
  'project-accepted',
  'project-declined',
  'project-approved',
  'project-rejected',
  'diary-reply',
  'label-result',
  'page-submitted',
  'material-submitted',
  'mailbox-message',
  'desktop-mail',
  'member-added',
  'member-type-changed',
  'encounter-seat',
  'chat-report',
  'evaluator-digest',
  /** Issue 12: a pupil's text the guard held, to each of the project's teachers. */
  'pupil-text-held',
  /** Issue 12: a teacher released, edited or deleted it, to the pupil. */
  'pupil-text-decided',
] as const;
export type NotificationTopic = (typeof notificationTopics)[number];

/** Notifications expire after 90 days (issue 9, "Retention"). */
export const notificationTtlDays = 90;

/** The TTL attribute (epoch seconds) of a notification created at `createdAt`. */
export function notificationExpiresAt(createdAt: string): number {
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) throw new Error(`Not a time: ${createdAt}`);
  return Math.floor(created / 1000) + notificationTtlDays * 24 * 60 * 60;
}

/** How a person wants notifications by e-mail: each one as it comes, one summary a day, or none. */
export const notificationMailChoices = ['instant', 'daily', 'off'] as const;
export type NotificationMail = (typeof notificationMailChoices)[number];
export const defaultNotificationMail: NotificationMail = 'daily';

/** Pupils never get e-mail, so they have no preference to set. */
export const hasMailPreference = (kind: AccountKind): boolean => kind !== 'pupil';

/** The preference as the profile shows it: the stored one, "daily" when none was chosen; none at all for a pupil. */
export function notificationMailOf(profile: { kind: AccountKind; notificationMail?: NotificationMail }): NotificationMail | undefined {
  if (!hasMailPreference(profile.kind)) return undefined;
  return profile.notificationMail ?? defaultNotificationMail;
}

const pupilTypes: readonly TwinspaceType[] = ['pupil-admin', 'pupil-member'];
const teacherTypes: readonly TwinspaceType[] = ['teacher-admin', 'member-teacher'];

/** The members a submitted page is announced to: the project's teachers. */
export const isTeacherType = (type: TwinspaceType): boolean => teacherTypes.includes(type);

/**
 * A pupil's page is newly submitted for publishing by this write: the mark is
 * set now and was not before (a new page, or an edit that sets it), on a page
 * not published. Re-saving a page already submitted tells nobody again.
 */
export function isNewSubmission(
  before: { submittedForPublishing: boolean } | undefined,
  after: { submittedForPublishing: boolean; status: string },
  writerType: TwinspaceType,
): boolean {
  return pupilTypes.includes(writerType) && after.status !== 'published' && after.submittedForPublishing && !before?.submittedForPublishing;
}

/** The most items a TransactWriteItems holds. */
export const transactionLimit = 100;

/**
 * Notifications that fit into a transaction of `taken` items go in it; the
 * rest (a very large project's teachers) are written right after it.
 */
export function splitNotices<T>(taken: number, notices: readonly T[]): { inTransaction: T[]; after: T[] } {
  const room = Math.max(0, transactionLimit - taken);
  return { inTransaction: notices.slice(0, room), after: notices.slice(room) };
}

/** A TwinSpace type in the English fallback sentences (the site names types from its own dictionary). */
export const typeInWords: Record<TwinspaceType, string> = {
  'teacher-admin': 'teacher administrator',
  'member-teacher': 'member teacher',
  'pupil-admin': 'pupil administrator',
  'pupil-member': 'pupil member',
  visitor: 'visitor',
};
