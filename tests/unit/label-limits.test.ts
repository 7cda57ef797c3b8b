/**
 * Two Quality Label rules of DOMAIN.md ("Quality Labels"), without a database:
 *
 * - at most four applications per teacher per school year (1 September to
 *   31 August): the school year a moment falls in, whether a count allows
 *   another application, and the application transaction's counter (a fake
 *   document client that keeps the per-year counters and applies the
 *   transaction's condition);
 * - an evaluator of the applicant's country scores the application, and never
 *   one from their own school.
 */
import { describe, expect, it } from 'vitest';
import { submitLabelApplication } from '../../functions/data/labels.ts';
import type { TableStore } from '../../functions/data/store.ts';
import {
  allowsAnotherApplication,
  evaluationRefusal,
  maxApplicationsPerSchoolYear,
  schoolYearOf,
  type LabelApplication,
} from '../../functions/domain/labels.ts';

describe('the school year an application counts in (1 September to 31 August, UTC)', () => {
  it('puts the last minute of 31 August in the year that ends, and 1 September in the next', () => {
    expect(schoolYearOf(new Date('2026-08-31T23:59:00Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-08-31T23:59:59.999Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-09-01T00:00:00Z'))).toBe('2026-2027');
  });

  it('counts 1 January to 31 August in the year that began the September before', () => {
    expect(schoolYearOf(new Date('2027-01-01T00:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOf(new Date('2027-06-30T12:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-2027');
  });

  it('decides in UTC, not in the local time of the moment', () => {
    // 00:30 on 1 September in Madrid (UTC+2) is still 31 August in UTC.
    expect(schoolYearOf(new Date('2026-09-01T00:30:00+02:00'))).toBe('2025-2026');
    // 23:30 on 31 August in Cape Verde (UTC-1) is already 1 September in UTC.
    expect(schoolYearOf(new Date('2026-08-31T23:30:00-01:00'))).toBe('2026-2027');
  });
});

describe('at most four applications per teacher per school year', () => {
  it('is four', () => {
    expect(maxApplicationsPerSchoolYear).toBe(4);
  });

  it('accepts the first to the fourth application and refuses the fifth', () => {
    expect(allowsAnotherApplication(0)).toBe(true); // the 1st
    expect(allowsAnotherApplication(3)).toBe(true); // the 4th
    expect(allowsAnotherApplication(4)).toBe(false); // the 5th
    expect(allowsAnotherApplication(5)).toBe(false);
  });
});

describe("the application's transaction keeps the yearly counter", () => {
  const counterCondition = 'attribute_not_exists(applications) OR applications < :max';

  /**
   * A document client that knows only the per-year counters: it finds the
   * transaction's counter update, checks that it is the conditional ADD the
   * rule needs, and applies it, cancelling the transaction as DynamoDB does
   * (the reason at the counter's index) when the condition fails.
   */
  function fakeStore() {
    const counters = new Map<string, number>();
    const store = {
      tableName: 'twinspace-test',
      db: {
        send: async (command: { input: { TransactItems: Record<string, any>[] } }) => {
          const items = command.input.TransactItems;
          const index = items.findIndex((item) => String(item.Update?.Key?.SK ?? '').startsWith('LABELS#'));
          if (index < 0) throw new Error('The transaction has no per-year counter.');
          const update = items[index]!.Update;
          expect(update.ConditionExpression).toBe(counterCondition);
          expect(update.UpdateExpression).toContain('ADD applications :one');
          const key = `${update.Key.PK}/${update.Key.SK}`;
          const count = counters.get(key);
          if (count !== undefined && !(count < update.ExpressionAttributeValues[':max'])) {
            throw Object.assign(new Error('Transaction cancelled'), {
              name: 'TransactionCanceledException',
              CancellationReasons: items.map((_, at) => ({ Code: at === index ? 'ConditionalCheckFailed' : 'None' })),
            });
          }
          counters.set(key, (count ?? 0) + update.ExpressionAttributeValues[':one']);
          return {};
        },
      },
    };
    return { store: store as unknown as TableStore, counters };
  }

  const application = (n: number, at: string): LabelApplication => ({
    labelId: `LABEL${n}`,
    projectId: `PROJECT${n}`,
    projectTitle: `Project ${n}`,
    applicantId: 'teacher-1',
    applicantName: 'Ana',
    country: 'ES',
    schoolYear: schoolYearOf(new Date(at)),
    status: 'waiting',
    eligibility: { commonGoals: true, finished: true, participation: true, collaborativeActivities: true, dataProtection: true },
    evidence: {
      collaboration: { text: 'x', links: [] },
      technology: { text: 'x', links: [] },
      pedagogy: { text: 'x', links: [] },
      curriculum: { text: 'x', links: [] },
      results: { text: 'x', links: [] },
    },
    submittedAt: at,
  });
  // What POST /projects/{projectId}/labels passes (functions/http/labels/handler.ts).
  const limits = { perSchoolYear: maxApplicationsPerSchoolYear };

  it('accepts four applications in a school year, refuses the fifth as the yearly limit, and starts again on 1 September', async () => {
    const { store, counters } = fakeStore();
    for (let n = 1; n <= 4; n++) {
      expect(await submitLabelApplication(store, application(n, `2026-0${n}-15T10:00:00Z`), limits), `application ${n}`).toBe('submitted');
    }
    // The fifth, in the last minute of the same school year.
    expect(await submitLabelApplication(store, application(5, '2026-08-31T23:59:00Z'), limits)).toBe('yearly-limit');
    expect(counters.get('USER#teacher-1/LABELS#2025-2026')).toBe(4);

    // One minute later it is a new school year with its own counter.
    expect(await submitLabelApplication(store, application(6, '2026-09-01T00:00:00Z'), limits)).toBe('submitted');
    expect(counters.get('USER#teacher-1/LABELS#2026-2027')).toBe(1);
  });

  it('agrees with the rule for every count: the condition lets through exactly the counts allowsAnotherApplication allows', async () => {
    for (let made = 0; made <= maxApplicationsPerSchoolYear + 1; made++) {
      const { store, counters } = fakeStore();
      if (made > 0) counters.set('USER#teacher-1/LABELS#2025-2026', made);
      const outcome = await submitLabelApplication(store, application(1, '2026-03-01T00:00:00Z'), limits);
      expect(outcome, `after ${made} applications`).toBe(allowsAnotherApplication(made) ? 'submitted' : 'yearly-limit');
    }
  });
});

describe('who may score an application', () => {
  const application = { country: 'ES', applicantSchoolId: 'SCHOOL-A' };

  it('lets an evaluator of the applicant\'s country from another school, or of no school, score it', () => {
    expect(evaluationRefusal({ country: 'ES', schoolId: 'SCHOOL-B' }, application)).toBeUndefined();
    expect(evaluationRefusal({ country: 'ES' }, application)).toBeUndefined();
    expect(evaluationRefusal({ country: 'ES' }, { country: 'ES' })).toBeUndefined();
  });

  it('refuses an evaluator of the applicant\'s own school', () => {
    expect(evaluationRefusal({ country: 'ES', schoolId: 'SCHOOL-A' }, application)).toBe('own-school');
  });

  it('refuses an evaluator of another country, of any school', () => {
    expect(evaluationRefusal({ country: 'PT', schoolId: 'SCHOOL-B' }, application)).toBe('other-country');
    expect(evaluationRefusal({ country: 'PT' }, application)).toBe('other-country');
    expect(evaluationRefusal({ country: 'PT', schoolId: 'SCHOOL-A' }, application)).not.toBeUndefined();
  });

  it('does not take two missing schools for the same school', () => {
    expect(evaluationRefusal({ country: 'ES', schoolId: undefined }, { country: 'ES', applicantSchoolId: undefined })).toBeUndefined();
  });
});
