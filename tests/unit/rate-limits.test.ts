import { describe, expect, it } from 'vitest';
import { sourceDigest } from '../../functions/data/rate-limits.ts';
import { registrationLimit, windowAt } from '../../functions/domain/rate-limits.ts';

describe('fixed rate windows', () => {
  it('start on the hour and say how long is left', () => {
    expect(windowAt(new Date('2026-11-28T15:00:00Z'), 3600)).toEqual({ startsAt: Date.parse('2026-11-28T15:00:00Z') / 1000, secondsLeft: 3600 });
    expect(windowAt(new Date('2026-11-28T15:59:59.900Z'), 3600)).toEqual({ startsAt: Date.parse('2026-11-28T15:00:00Z') / 1000, secondsLeft: 1 });
    expect(windowAt(new Date('2026-11-28T16:00:00Z'), 3600).startsAt).toBe(Date.parse('2026-11-28T16:00:00Z') / 1000);
  });

  it('name a source by a digest that is stable, differs per address and per limit, and hides the address', () => {
    const digest = sourceDigest(registrationLimit, '203.0.113.7');
    expect(digest).toBe(sourceDigest(registrationLimit, '203.0.113.7'));
    expect(digest).not.toBe(sourceDigest(registrationLimit, '203.0.113.8'));
    expect(digest).not.toBe(sourceDigest({ ...registrationLimit, scope: 'other' }, '203.0.113.7'));
    expect(digest).not.toContain('203');
  });
});
