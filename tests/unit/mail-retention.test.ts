/**
 * How long mail is kept (issue 11: "Mailbox and desktop mail expire after two
 * school years"; DOMAIN.md: a school year runs from 1 September to 31 August).
 * Expected dates are worked out by hand from those two sentences.
 */
import { describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../functions/domain/labels.ts';
import { defaultMailRetentionSchoolYears, hasExpired, mailExpiresAt, mailExpiry, mailRetentionSchoolYearsOf, schoolYearStartOf } from '../../functions/domain/retention.ts';

const at = (iso: string) => new Date(iso);

describe('the end of a mail two school years on', () => {
  it('is the end of 31 August two school years after the one it was sent in', () => {
    // Sent in 2026-2027: kept through 2027-2028 and 2028-2029.
    expect(mailExpiry(at('2026-10-15T09:30:00Z'), 2).toISOString()).toBe('2029-09-01T00:00:00.000Z');
    expect(mailExpiry(at('2026-09-01T00:00:00Z'), 2).toISOString()).toBe('2029-09-01T00:00:00.000Z');
    expect(mailExpiry(at('2027-08-31T23:59:59Z'), 2).toISOString()).toBe('2029-09-01T00:00:00.000Z');
    // One second later is the next school year: a year more.
    expect(mailExpiry(at('2027-09-01T00:00:00Z'), 2).toISOString()).toBe('2030-09-01T00:00:00.000Z');
  });

  it('keeps every mail more than N years and at most N + 1 (sent on the first day of a school year), for any N', () => {
    const yearsAfter = (date: Date, years: number) => {
      const later = new Date(date);
      later.setUTCFullYear(later.getUTCFullYear() + years);
      return later.getTime();
    };
    for (const years of [1, 2, 3, 5]) {
      for (const sent of ['2026-09-01T00:00:00Z', '2027-02-28T12:00:00Z', '2027-08-31T23:59:59Z']) {
        const expiry = mailExpiry(at(sent), years).getTime();
        expect(expiry).toBeGreaterThan(yearsAfter(at(sent), years));
        expect(expiry).toBeLessThanOrEqual(yearsAfter(at(sent), years + 1));
      }
    }
    expect(mailExpiry(at('2026-09-01T00:00:00Z'), 1).getTime()).toBe(yearsAfter(at('2026-09-01T00:00:00Z'), 2));
  });

  it('counts school years as the label limits do (schoolYearOf), in UTC', () => {
    for (const iso of ['2026-08-31T23:59:59Z', '2026-09-01T00:00:00Z', '2027-01-01T00:00:00Z']) {
      expect(`${schoolYearStartOf(at(iso))}-${schoolYearStartOf(at(iso)) + 1}`).toBe(schoolYearOf(at(iso)));
    }
  });

  it('is the TTL in epoch seconds, and an item past it counts as gone', () => {
    const expiresAt = mailExpiresAt(at('2026-10-15T09:30:00Z'), 2);
    expect(expiresAt).toBe(Date.parse('2029-09-01T00:00:00Z') / 1000);
    expect(hasExpired({ expiresAt }, at('2029-08-31T23:59:59Z'))).toBe(false);
    expect(hasExpired({ expiresAt }, at('2029-09-01T00:00:00Z'))).toBe(true);
    expect(hasExpired({}, at('2099-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('the mailRetentionSchoolYears setting', () => {
  it('is 2 unless given', () => {
    expect(defaultMailRetentionSchoolYears).toBe(2);
    expect(mailRetentionSchoolYearsOf(undefined)).toBe(2);
    expect(mailRetentionSchoolYearsOf('')).toBe(2);
    expect(mailRetentionSchoolYearsOf('3')).toBe(3);
    expect(mailRetentionSchoolYearsOf(5)).toBe(5);
  });

  it.each(['0', '-1', '1.5', 'two', '2y', 'NaN', 0, 1.5])('refuses %j with a sentence saying what to give', (value) => {
    expect(() => mailRetentionSchoolYearsOf(value)).toThrow(/mailRetentionSchoolYears must be a positive whole number of school years, such as 2/);
  });

  it('is refused by the pure function too', () => {
    expect(() => mailExpiry(at('2026-10-15T09:30:00Z'), 0)).toThrow(/at least 1/);
  });
});
