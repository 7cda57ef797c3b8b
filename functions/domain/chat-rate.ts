/**
 * How fast one live connection may send chat messages: a token bucket per
 * connection (issue 9: "a burst of 5, then 1 a second"). Pure: the bucket is
 * kept on the connection's item (LIVE#<sub> / CONN#<id>) and written in the
 * same transaction as the message, conditional on the bucket as read, so a
 * message is stored only when the bucket allowed it, whatever Lambda
 * instance handles the frame.
 */

export interface ChatRate {
  /** Messages that may go at once. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

export const chatRate: ChatRate = { burst: 5, perSecond: 1 };

/** A connection's bucket: tokens left (fractional while refilling) at `at` (epoch ms). */
export interface ChatBucket {
  tokens: number;
  at: number;
}

export type ChatTake = { allowed: true; bucket: ChatBucket } | { allowed: false; retryAfter: number };

/** A full bucket (a new connection). */
export const fullBucket = (now: number, rate: ChatRate = chatRate): ChatBucket => ({ tokens: rate.burst, at: now });

/** The bucket refilled up to `now` (never beyond the burst; a clock that went back adds nothing). */
export function refilled(bucket: ChatBucket | undefined, now: number, rate: ChatRate = chatRate): ChatBucket {
  if (!bucket) return fullBucket(now, rate);
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  return { tokens: Math.min(rate.burst, bucket.tokens + elapsed * rate.perSecond), at: Math.max(now, bucket.at) };
}

/**
 * One message's worth: allowed with the bucket to write back, or refused with
 * `retryAfter`, whole seconds (at least 1) until a token is there again.
 */
export function takeToken(bucket: ChatBucket | undefined, now: number, rate: ChatRate = chatRate): ChatTake {
  const current = refilled(bucket, now, rate);
  if (current.tokens >= 1) return { allowed: true, bucket: { tokens: current.tokens - 1, at: current.at } };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - current.tokens) / rate.perSecond)) };
}
