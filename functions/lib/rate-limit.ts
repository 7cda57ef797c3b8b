/**
 * The per-address limit of a route that declares `rateLimit` (public routes,
 * where no account can be held to account): each source address makes at
 * most `limit` requests per window, and beyond that gets 429 RATE_LIMITED with
 * Retry-After before anything else happens — a malformed request counts too.
 * The router runs it right after matching the route (http/area.ts binds it).
 * The address itself is neither stored nor logged: only its keyed hash
 * (domain/rate-limits.ts sourceKey, with the secret of rate-limit-secret.ts).
 */
import { takeAttempt } from '../data/rate-limits.ts';
import { sourceKey, windowAt, type RateLimit } from '../domain/rate-limits.ts';
import { tableStore } from './clients.ts';
import { HttpError } from './errors.ts';
import type { HttpEvent } from './http.ts';
import { rateLimitSecret } from './rate-limit-secret.ts';

export async function takeSourceAddressAttempt(limit: RateLimit, event: HttpEvent, now: Date = new Date()): Promise<void> {
  const key = sourceKey(await rateLimitSecret(), limit, event.requestContext.http.sourceIp);
  const window = windowAt(now, limit.windowSeconds);
  if (!(await takeAttempt(tableStore(), limit, key, window))) {
    throw new HttpError('RATE_LIMITED', 'Too many attempts from your network. Try again later.', [], window.secondsLeft);
  }
}
