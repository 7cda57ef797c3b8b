/**
 * Chat supervision (issue 9), pure: who may delete a chat message, who can be
 * muted, and until when a mute lasts. No I/O; unit-tested
 * (tests/unit/chat-supervision.test.ts). The routes are
 * functions/http/chat/, the items functions/data/chat-supervision.ts.
 */
import { mayAtAll } from './policy.ts';
import type { TwinspaceType } from './twinspace-types.ts';

/** How long a teacher mutes a pupil: ten minutes, an hour, or the rest of the day (in the teacher's time zone). */
export const muteDurations = ['10m', '1h', 'day'] as const;
export type MuteDuration = (typeof muteDurations)[number];

/** Teachers delete any message ('supervise-chat'); anyone who may chat deletes their own. */
export function mayDeleteMessage(caller: { userId: string; type: TwinspaceType }, message: { authorId: string }): boolean {
  if (mayAtAll(caller.type, 'supervise-chat')) return true;
  return mayAtAll(caller.type, 'chat') && message.authorId === caller.userId;
}

/** Only pupils are muted: a teacher is never silenced in their own project's chat (a visitor does not chat at all). */
export const mayBeMuted = (type: TwinspaceType): boolean => type === 'pupil-admin' || type === 'pupil-member';

/** Whether the text names a time zone this runtime knows (IANA, e.g. Europe/Madrid). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour'), minute: field('minute'), second: field('second') };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the next day starts in the time zone (its midnight, or the
 * first moment of the day where a DST change skips midnight): the end of
 * "today" as a person there reads it.
 */
export function endOfDay(now: Date, timeZone = 'UTC'): Date {
  const today = wallClock(now.getTime(), timeZone);
  const nextMidnightAsUtc = Date.UTC(today.year, today.month - 1, today.day + 1);
  // Wall time → instant: subtract the offset, then once more with the offset at that instant (a DST change in between).
  let instant = nextMidnightAsUtc - offsetAt(nextMidnightAsUtc, timeZone);
  instant = nextMidnightAsUtc - offsetAt(instant, timeZone);
  // Where midnight does not exist (a spring-forward at 00:00), the day starts at the first instant after it.
  const wall = wallClock(instant, timeZone);
  if (wall.day === today.day && wall.month === today.month) instant += 60 * 60 * 1000;
  return new Date(instant);
}

/** Until when a mute of this duration, given now, lasts ("day": the end of the day in `timeZone`, UTC by default). */
export function muteUntil(duration: MuteDuration, now: Date, timeZone = 'UTC'): Date {
  if (duration === '10m') return new Date(now.getTime() + 10 * 60 * 1000);
  if (duration === '1h') return new Date(now.getTime() + 60 * 60 * 1000);
  return endOfDay(now, timeZone);
}

/** Whether a mute read from the table still holds (the table's TTL deletes expired items late). */
export const stillMuted = (mute: { until: string } | undefined, now: Date): boolean => mute !== undefined && mute.until > now.toISOString();
