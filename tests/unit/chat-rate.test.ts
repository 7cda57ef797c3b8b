/** The chat's rate limit per connection (functions/domain/chat-rate.ts): a burst of 5, then 1 a second. */
import { describe, expect, it } from 'vitest';
import { fullBucket, refilled, takeToken, type ChatBucket } from '../../functions/domain/chat-rate.ts';

describe('a connection’s chat bucket', () => {
  it('lets a burst of 5 go at once, then refuses with the seconds until the next token', () => {
    let bucket: ChatBucket | undefined = fullBucket(0);
    for (let sent = 0; sent < 5; sent++) {
      const take = takeToken(bucket, 10);
      expect(take.allowed).toBe(true);
      if (take.allowed) bucket = take.bucket;
    }
    expect(takeToken(bucket, 10)).toEqual({ allowed: false, retryAfter: 1 });
  });

  it('adds one token a second, never more than the burst', () => {
    const empty: ChatBucket = { tokens: 0, at: 0 };
    expect(takeToken(empty, 500)).toEqual({ allowed: false, retryAfter: 1 });
    expect(takeToken(empty, 1000)).toEqual({ allowed: true, bucket: { tokens: 0, at: 1000 } });
    expect(refilled(empty, 60_000).tokens).toBe(5);
    expect(refilled({ tokens: 0.25, at: 0 }, 0)).toEqual({ tokens: 0.25, at: 0 });
  });

  it('starts full for a connection without a bucket, and gains nothing from a clock that goes back', () => {
    expect(takeToken(undefined, 5)).toEqual({ allowed: true, bucket: { tokens: 4, at: 5 } });
    expect(refilled({ tokens: 1, at: 2000 }, 1000)).toEqual({ tokens: 1, at: 2000 });
  });
});
