/**
 * The TTL of project mailbox messages and desktop mail (domain/retention.ts),
 * from the deployment's MAIL_RETENTION_SCHOOL_YEARS, and the filter that keeps
 * expired copies out of every list until DynamoDB's lazy TTL deletes them.
 */
import { mailExpiresAt, mailRetentionSchoolYearsOf } from '../domain/retention.ts';
import { optionalSetting } from '../lib/config.ts';

/** School years mail is kept after the one it was sent in (default 2; an invalid setting is refused, not guessed). */
export function mailRetentionSchoolYears(): number {
  return mailRetentionSchoolYearsOf(optionalSetting('mailRetentionSchoolYears'));
}

/** The `expiresAt` (epoch seconds) of a mail sent at `sentAt` (ISO). */
export function mailTtl(sentAt: string, schoolYears = mailRetentionSchoolYears()): number {
  return mailExpiresAt(new Date(sentAt), schoolYears);
}

/** A Query filter leaving out items past their TTL (`:now`, epoch seconds), and its value. */
export const notExpiredFilter = 'attribute_not_exists(expiresAt) OR expiresAt > :now';
export const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);
