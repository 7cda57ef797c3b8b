/** Last seen (domain/last-seen.ts, domain/roster.ts): written at most once a window; shown to teachers only. */
import { describe, expect, it } from 'vitest';
import { lastSeenResolutionMinutes, visitWorthRecording } from '../../functions/domain/last-seen.ts';
import { rosterEntryFor, type RosterMember } from '../../functions/domain/roster.ts';

const now = new Date('2026-11-28T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('whether a visit is written', () => {
  it('writes the first visit', () => expect(visitWorthRecording(undefined, now)).toBe(true));
  it('writes nothing while the recorded visit is recent', () => {
    expect(visitWorthRecording(minutesAgo(1), now)).toBe(false);
    expect(visitWorthRecording(minutesAgo(lastSeenResolutionMinutes - 1), now)).toBe(false);
  });
  it('writes again once the recorded visit is older than the window', () => {
    expect(visitWorthRecording(minutesAgo(lastSeenResolutionMinutes + 1), now)).toBe(true);
    expect(visitWorthRecording(minutesAgo(60 * 24 * 30), now)).toBe(true);
  });
});

describe('who is told when a member was last seen', () => {
  const pupil: RosterMember = { userId: 'p1', type: 'pupil-member', kind: 'pupil', displayName: 'Pablo Ortega', country: 'ES', lastSeenAt: minutesAgo(5) };
  const teacher: RosterMember = { userId: 't1', type: 'teacher-admin', kind: 'teacher', displayName: 'Ana García', country: 'ES', email: 'ana@example.org', lastSeenAt: minutesAgo(90) };
  it('the project’s teachers, for every member', () => {
    for (const viewer of ['teacher-admin', 'member-teacher'] as const) {
      expect(rosterEntryFor(viewer, pupil)?.lastSeenAt).toBe(pupil.lastSeenAt);
      expect(rosterEntryFor(viewer, teacher)?.lastSeenAt).toBe(teacher.lastSeenAt);
    }
  });
  it('not pupils, nor visitors', () => {
    for (const viewer of ['pupil-admin', 'pupil-member', 'visitor'] as const) {
      expect(rosterEntryFor(viewer, teacher)).not.toHaveProperty('lastSeenAt');
      expect(rosterEntryFor(viewer, pupil) ?? {}).not.toHaveProperty('lastSeenAt');
    }
  });
});
