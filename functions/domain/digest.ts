/**
 * The evaluators' daily digest (DOMAIN.md, "Evaluators are notified on a
 * schedule"): how many applications of their country wait, the oldest waiting
 * time, and those waiting longer than the country's target listed first.
 * Nothing to say → no digest. Pure: the job does the I/O.
 */
export const defaultTargetDays = 30;

export interface WaitingApplication {
  labelId: string;
  projectId: string;
  projectTitle: string;
  applicantName: string;
  submittedAt: string;
}

export interface DigestLine extends WaitingApplication {
  waitingDays: number;
  overdue: boolean;
}

export interface Digest {
  country: string;
  /** The UTC day the digest is for, yyyy-mm-dd (the once-a-day dedup key). */
  day: string;
  waitingCount: number;
  oldestWaitingDays: number;
  overdueCount: number;
  targetDays: number;
  lines: DigestLine[];
  subject: string;
  text: string;
}

const dayMs = 24 * 60 * 60 * 1000;

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function composeDigest(input: {
  country: string;
  applications: readonly WaitingApplication[];
  now: Date;
  targetDays?: number;
}): Digest | undefined {
  const targetDays = input.targetDays ?? defaultTargetDays;
  if (input.applications.length === 0) return undefined;
  const lines = input.applications
    .map((application) => {
      const waitingDays = Math.max(0, Math.floor((input.now.getTime() - Date.parse(application.submittedAt)) / dayMs));
      return { ...application, waitingDays, overdue: waitingDays > targetDays };
    })
    // Overdue first, then the longest waiting first within each group.
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.waitingDays - a.waitingDays || a.labelId.localeCompare(b.labelId));
  const oldestWaitingDays = Math.max(...lines.map((line) => line.waitingDays));
  const overdueCount = lines.filter((line) => line.overdue).length;
  const waitingCount = lines.length;
  const subject =
    `${waitingCount} Quality Label application${waitingCount === 1 ? '' : 's'} waiting in ${input.country}` +
    (overdueCount > 0 ? ` (${overdueCount} over ${targetDays} days)` : '');
  const text = [
    `${waitingCount} application${waitingCount === 1 ? '' : 's'} wait${waitingCount === 1 ? 's' : ''} for evaluation; the oldest has waited ${oldestWaitingDays} day${oldestWaitingDays === 1 ? '' : 's'}.`,
    '',
    ...lines.map(
      (line) =>
        `${line.overdue ? '[over target] ' : ''}${line.projectTitle} — ${line.applicantName}, waiting ${line.waitingDays} day${line.waitingDays === 1 ? '' : 's'}`,
    ),
  ].join('\n');
  return { country: input.country, day: utcDay(input.now), waitingCount, oldestWaitingDays, overdueCount, targetDays, lines, subject, text };
}
