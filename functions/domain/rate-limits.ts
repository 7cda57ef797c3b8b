/**
 * How often one source may do something, as fixed windows: at most `limit`
 * attempts per window of `windowSeconds`, counted from the epoch so every
 * container agrees on where a window starts. Pure: the count lives in the
 * table (functions/data/rate-limits.ts).
 */
export interface RateLimit {
  /** What is limited; part of the counter's key. */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Teacher sign-up is the one public write. A school's network can sign up a
 * staff room in an hour; a script trying addresses or flooding the NSS's
 * validation list cannot. (API Gateway's route throttle caps the total.)
 */
export const registrationLimit: RateLimit = { scope: 'registrations', limit: 20, windowSeconds: 3600 };

export interface RateWindow {
  /** The window's start, epoch seconds: part of the counter's key. */
  startsAt: number;
  /** Seconds until the next window: the Retry-After of a refusal. */
  secondsLeft: number;
}

export function windowAt(now: Date, windowSeconds: number): RateWindow {
  const epochSeconds = Math.floor(now.getTime() / 1000);
  const startsAt = epochSeconds - (epochSeconds % windowSeconds);
  return { startsAt, secondsLeft: startsAt + windowSeconds - epochSeconds };
}
