/** Chat supervision's pure rules (functions/domain/chat-supervision.ts): who deletes, who is muted, until when. */
import { describe, expect, it } from 'vitest';
import { endOfDay, isTimeZone, mayBeMuted, mayDeleteMessage, muteUntil, stillMuted } from '../../functions/domain/chat-supervision.ts';
import { twinspaceTypes } from '../../functions/domain/twinspace-types.ts';

describe('deleting a chat message', () => {
  const message = { authorId: 'pupil-1' };

  it('teachers delete any message', () => {
    expect(mayDeleteMessage({ userId: 'teacher', type: 'teacher-admin' }, message)).toBe(true);
    expect(mayDeleteMessage({ userId: 'teacher', type: 'member-teacher' }, message)).toBe(true);
  });

  it('a pupil deletes their own message, and nobody else’s', () => {
    expect(mayDeleteMessage({ userId: 'pupil-1', type: 'pupil-member' }, message)).toBe(true);
    expect(mayDeleteMessage({ userId: 'pupil-1', type: 'pupil-admin' }, message)).toBe(true);
    expect(mayDeleteMessage({ userId: 'pupil-2', type: 'pupil-admin' }, message)).toBe(false);
    expect(mayDeleteMessage({ userId: 'pupil-2', type: 'pupil-member' }, message)).toBe(false);
  });

  it('a visitor deletes nothing, not even a message once written under their id', () => {
    expect(mayDeleteMessage({ userId: 'pupil-1', type: 'visitor' }, message)).toBe(false);
  });
});

describe('who can be muted', () => {
  it('only pupils', () => {
    expect(twinspaceTypes.filter(mayBeMuted)).toEqual(['pupil-admin', 'pupil-member']);
  });
});

describe('until when a mute lasts', () => {
  const now = new Date('2026-03-10T14:20:00.000Z');

  it('10 minutes and an hour from now', () => {
    expect(muteUntil('10m', now).toISOString()).toBe('2026-03-10T14:30:00.000Z');
    expect(muteUntil('1h', now).toISOString()).toBe('2026-03-10T15:20:00.000Z');
  });

  it('"day": until midnight in UTC when no zone is given', () => {
    expect(muteUntil('day', now).toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('"day": until the end of the day in the teacher’s time zone', () => {
    // Madrid is UTC+1 in March (before the change): local midnight is 23:00 UTC.
    expect(muteUntil('day', now, 'Europe/Madrid').toISOString()).toBe('2026-03-10T23:00:00.000Z');
    // New York is UTC-4 on 10 March 2026 (summer time began on 8 March).
    expect(muteUntil('day', now, 'America/New_York').toISOString()).toBe('2026-03-11T04:00:00.000Z');
    // Late in the evening UTC it is already tomorrow in Tokyo (UTC+9): until Tokyo's next midnight.
    expect(muteUntil('day', new Date('2026-03-10T20:00:00.000Z'), 'Asia/Tokyo').toISOString()).toBe('2026-03-11T15:00:00.000Z');
  });

  it('"day" on the day the clocks change ends at the next local midnight', () => {
    // Madrid moves to summer time on 29 March 2026 (02:00 → 03:00): that day has 23 hours, and ends at 22:00 UTC.
    expect(endOfDay(new Date('2026-03-29T08:00:00.000Z'), 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // And back on 25 October 2026: 25 hours, ends at 23:00 UTC.
    expect(endOfDay(new Date('2026-10-25T08:00:00.000Z'), 'Europe/Madrid').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('where midnight itself is skipped, the day ends at the first moment of the next one', () => {
    // Santiago (Chile) moved its clocks from 00:00 to 01:00 on 7 September 2025.
    expect(endOfDay(new Date('2025-09-06T15:00:00.000Z'), 'America/Santiago').toISOString()).toBe('2025-09-07T04:00:00.000Z');
  });

  it('knows time zones by their IANA names', () => {
    expect(isTimeZone('Europe/Madrid')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('a mute read after its time no longer holds (the TTL deletes late)', () => {
    expect(stillMuted({ until: '2026-03-10T14:30:00.000Z' }, now)).toBe(true);
    expect(stillMuted({ until: '2026-03-10T14:00:00.000Z' }, now)).toBe(false);
    expect(stillMuted(undefined, now)).toBe(false);
  });
});
