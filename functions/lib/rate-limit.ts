/**
 * A middleware that lets each source address make at most `limit` requests
 * per window to one route, and answers 429 RATE_LIMITED with Retry-After
 * beyond that, before the handler does anything. For public routes, where
 * no account can be held to account.
 */
import type { MiddlewareObj } from '@middy/core';
import { takeAttempt } from '../data/rate-limits.ts';
import { windowAt, type RateLimit } from '../domain/rate-limits.ts';
import { tableStore } from './clients.ts';
import { HttpError } from './errors.ts';
import type { HttpEvent, HttpResult } from './http.ts';

export function limitPerSourceAddress(limit: RateLimit, now: () => Date = () => new Date()): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: async (request) => {
      const source = request.event.requestContext.http.sourceIp;
      const window = windowAt(now(), limit.windowSeconds);
      if (!(await takeAttempt(tableStore(), limit, source, window))) {
        throw new HttpError('RATE_LIMITED', 'Too many attempts from your network. Try again later.', [], window.secondsLeft);
      }
    },
  };
}
