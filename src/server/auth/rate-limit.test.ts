import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows the limit, then asks to wait until the window ends', () => {
    const limiter = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([limiter.hit('a', t0), limiter.hit('a', t0), limiter.hit('a', t0)]).toEqual([0, 0, 0]);
    expect(limiter.hit('a', t0 + 30_000)).toBe(30);
    expect(limiter.hit('b', t0)).toBe(0);
    expect(limiter.hit('a', t0 + 60_001)).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit('a', 0);
    expect(limiter.hit('a', 1)).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.hit('a', 2)).toBe(0);
  });
});
