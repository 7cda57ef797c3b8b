/**
 * How long mail is kept (issue 11, "Privacy: Retention"): project mailbox
 * messages and desktop mail expire after N school years, N a deployment
 * setting (`mailRetentionSchoolYears`, default 2). Pure: the table's TTL
 * (`expiresAt`) is set from here, and reads leave out what has passed it.
 *
 * "N school years" means: the rest of the school year the mail was sent in,
 * then N whole school years more. A school year runs from 1 September to
 * 31 August (DOMAIN.md, labels: domain/labels.ts schoolYearOf), in UTC. So a
 * mail sent on 15 October 2026 (school year 2026-2027) with N = 2 is kept
 * through 2027-2028 and 2028-2029, and expires at the end of 31 August 2029,
 * i.e. at 1 September 2029 00:00 UTC. Every mail is kept more than N years
 * and at most N + 1 (sent on 1 September), and a whole school year's mail
 * goes at once, on the day after the school year N after it ends.
 */

export const defaultMailRetentionSchoolYears = 2;

/** The first calendar year of the school year `moment` falls in (2026 for 2026-2027), as schoolYearOf counts it. */
export function schoolYearStartOf(moment: Date): number {
  return moment.getUTCMonth() >= 8 ? moment.getUTCFullYear() : moment.getUTCFullYear() - 1;
}

/** When a mail sent at `sentAt` expires: 1 September 00:00 UTC after the Nth school year following its own. */
export function mailExpiry(sentAt: Date, schoolYears: number): Date {
  if (!Number.isInteger(schoolYears) || schoolYears < 1) throw new Error(`A mail retention must be a whole number of school years, at least 1 (got ${schoolYears})`);
  return new Date(Date.UTC(schoolYearStartOf(sentAt) + schoolYears + 1, 8, 1));
}

/** The same, as the table's TTL attribute wants it: epoch seconds. */
export function mailExpiresAt(sentAt: Date, schoolYears: number): number {
  return Math.floor(mailExpiry(sentAt, schoolYears).getTime() / 1000);
}

/** Whether a stored item is past its TTL (DynamoDB deletes expired items lazily, within days: until then reads leave them out). */
export function hasExpired(item: { expiresAt?: unknown }, now: Date): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt <= Math.floor(now.getTime() / 1000);
}

/**
 * The `mailRetentionSchoolYears` setting (CDK context, MAIL_RETENTION_SCHOOL_YEARS):
 * a positive whole number; absent or empty means the default. Anything else
 * is refused with a sentence that says what to give.
 */
export function mailRetentionSchoolYearsOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return defaultMailRetentionSchoolYears;
  const text = String(value).trim();
  const years = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(years) || years < 1) {
    throw new Error(
      `mailRetentionSchoolYears must be a positive whole number of school years, such as 2 (got "${String(value)}"): mail is kept for the rest of the school year it was sent in and that many school years more.`,
    );
  }
  return years;
}
