import { describe, expect, it } from 'vitest';
import { composeDigest, type WaitingApplication } from '../../functions/domain/digest.ts';

const now = new Date('2026-11-28T06:00:00Z');
const application = (labelId: string, submittedAt: string): WaitingApplication => ({
  labelId,
  projectId: `p-${labelId}`,
  projectTitle: `Project ${labelId}`,
  applicantName: `Teacher ${labelId}`,
  submittedAt,
});

describe('the evaluators’ daily digest', () => {
  it('is nothing when nothing waits', () => {
    expect(composeDigest({ country: 'ES', applications: [], now })).toBeUndefined();
  });

  it('counts, gives the oldest waiting time and lists the overdue first', () => {
    const digest = composeDigest({
      country: 'ES',
      now,
      applications: [
        application('recent', '2026-11-20T10:00:00Z'), // 7 days
        application('overdue', '2026-10-01T09:00:00Z'), // 57 days and 21 hours
        application('older', '2026-10-30T06:00:00Z'), // 29 days
      ],
    })!;
    expect(digest.waitingCount).toBe(3);
    expect(digest.oldestWaitingDays).toBe(57);
    expect(digest.overdueCount).toBe(1);
    expect(digest.lines.map((line) => line.labelId)).toEqual(['overdue', 'older', 'recent']);
    expect(digest.day).toBe('2026-11-28');
    expect(digest.subject).toContain('3 Quality Label applications waiting in ES');
    expect(digest.text).toContain('[over target] Project overdue');
  });

  it('uses the country’s own target when it has one', () => {
    const digest = composeDigest({ country: 'FR', now, targetDays: 5, applications: [application('a', '2026-11-20T10:00:00Z')] })!;
    expect(digest.overdueCount).toBe(1);
    expect(digest.lines[0].overdue).toBe(true);
    expect(composeDigest({ country: 'FR', now, applications: [application('a', '2026-11-20T10:00:00Z')] })!.overdueCount).toBe(0);
  });
});
