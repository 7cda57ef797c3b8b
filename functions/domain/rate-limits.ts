/**
 * How often one source may do something, as fixed windows: at most `limit`
 * attempts per window of `windowSeconds`, counted from the epoch so every
 * container agrees on where a window starts. Pure: the count lives in the
 * table (functions/data/rate-limits.ts), the secret comes from the caller.
 */
import { createHmac } from 'node:crypto';

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

/** Shorter than this, a key could be guessed instead of the addresses: the deployment's secret is longer (CDK: 64 characters; locally 43). */
export const minimumSecretLength = 32;

/**
 * The name a source (an IP address) is counted under within one limit:
 * HMAC-SHA-256 keyed with the deployment's secret, of the scope and the
 * source, base64url, 32 characters (192 bits). An IPv4 address has only 2^32
 * values, so an unkeyed hash is reversed by trying them all (a /16 in half a
 * second); without the secret there is nothing to try them against.
 */
export function sourceKey(secret: string, limit: RateLimit, source: string): string {
  if (secret.length < minimumSecretLength) throw new Error(`The rate limit's secret must be at least ${minimumSecretLength} characters long`);
  return createHmac('sha256', secret).update(`${limit.scope}\n${source}`).digest('base64url').slice(0, 32);
}
