import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registrationLimit, sourceKey, windowAt } from '../../functions/domain/rate-limits.ts';

const secret = randomBytes(32).toString('base64url');
const otherSecret = randomBytes(32).toString('base64url');

describe('fixed rate windows', () => {
  it('start on the hour and say how long is left', () => {
    expect(windowAt(new Date('2026-11-28T15:00:00Z'), 3600)).toEqual({ startsAt: Date.parse('2026-11-28T15:00:00Z') / 1000, secondsLeft: 3600 });
    expect(windowAt(new Date('2026-11-28T15:59:59.900Z'), 3600)).toEqual({ startsAt: Date.parse('2026-11-28T15:00:00Z') / 1000, secondsLeft: 1 });
    expect(windowAt(new Date('2026-11-28T16:00:00Z'), 3600).startsAt).toBe(Date.parse('2026-11-28T16:00:00Z') / 1000);
  });
});

describe("the rate limit's name for a source address", () => {
  it('is stable, differs per address and per limit, and hides the address', () => {
    const key = sourceKey(secret, registrationLimit, '203.0.113.7');
    expect(key).toBe(sourceKey(secret, registrationLimit, '203.0.113.7'));
    expect(key).not.toBe(sourceKey(secret, registrationLimit, '203.0.113.8'));
    expect(key).not.toBe(sourceKey(secret, { ...registrationLimit, scope: 'other' }, '203.0.113.7'));
    expect(key).not.toContain('203');
  });

  it('depends on the secret: the same address under another secret has another name', () => {
    expect(sourceKey(secret, registrationLimit, '203.0.113.7')).not.toBe(sourceKey(otherSecret, registrationLimit, '203.0.113.7'));
  });

  it('is not a SHA-256 of the address (in any of the forms an unkeyed hash would take)', () => {
    const address = '203.0.113.7';
    const key = sourceKey(secret, registrationLimit, address);
    for (const text of [address, `${registrationLimit.scope}\n${address}`]) {
      const digest = createHash('sha256').update(text).digest();
      expect(digest.toString('base64url')).not.toContain(key);
      expect(digest.toString('hex')).not.toContain(key);
    }
  });

  it('refuses a secret too short to key it', () => {
    expect(() => sourceKey('short', registrationLimit, '203.0.113.7')).toThrow(/at least 32 characters/);
  });

  it('cannot be enumerated without the secret: SHA-256 of every address of the /16 matches no stored name, the secret finds it', () => {
    // The attack: the stored names of some sources, and a guess at their network.
    const sources = ['10.42.7.19', '10.42.200.3', '10.42.255.254'];
    const stored = new Set(sources.map((address) => sourceKey(secret, registrationLimit, address)));
    const unkeyed = (text: string) => createHash('sha256').update(text).digest();
    const found: string[] = [];
    const foundWithSecret: string[] = [];
    for (let third = 0; third < 256; third += 1) {
      for (let fourth = 0; fourth < 256; fourth += 1) {
        const address = `10.42.${third}.${fourth}`;
        for (const text of [address, `${registrationLimit.scope}\n${address}`]) {
          const digest = unkeyed(text);
          if (stored.has(digest.toString('base64url').slice(0, 32)) || stored.has(digest.toString('hex').slice(0, 32))) found.push(address);
        }
        // The same walk, holding the secret: this is what the secret alone makes possible.
        if (stored.has(sourceKey(secret, registrationLimit, address))) foundWithSecret.push(address);
      }
    }
    expect(found).toEqual([]);
    expect(foundWithSecret.sort()).toEqual([...sources].sort());
  });
});
