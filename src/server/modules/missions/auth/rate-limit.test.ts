import { describe, expect, it } from 'vitest';
import { addressGroup, DEFAULT_SIGN_IN_LIMITS, RateLimiter, SignInLimiter } from './rate-limit.ts';

/** A limiter on a clock the test moves. */
function limiterAt(t0 = 1_000_000, limits = {}) {
  let now = t0;
  const limiter = new SignInLimiter(limits, () => now);
  return {
    limiter,
    advance: (ms: number) => {
      now += ms;
    },
    /** n failed attempts (each allowed, none succeeding); the waits asked for. */
    fail: (n: number, email: string, client: string) =>
      Array.from({ length: n }, () => limiter.check({ email, client })),
  };
}

const { pairFailures, addressFailures, accountFailures, baseDelayMs, maxDelayMs } = DEFAULT_SIGN_IN_LIMITS;

describe('SignInLimiter', () => {
  it('lets the allowed failures through, then asks the pair to wait with a growing back-off', () => {
    const { limiter, advance, fail } = limiterAt();
    expect(fail(pairFailures, 'a@x.org', '198.51.100.1')).toEqual(Array(pairFailures).fill(0));
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = limiter.check({ email: 'a@x.org', client: '198.51.100.1' });
      waits.push(wait);
      advance(wait * 1000); // waits it out, then fails again
      expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32].map((f) => (f * baseDelayMs) / 1000));
  });

  it('caps the back-off and forgets a key an hour after its last failure', () => {
    const { limiter, advance, fail } = limiterAt();
    fail(pairFailures, 'a@x.org', '198.51.100.1');
    for (let i = 0; i < 12; i++) {
      advance(maxDelayMs);
      expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(0);
    }
    expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(maxDelayMs / 1000);
    advance(DEFAULT_SIGN_IN_LIMITS.forgetAfterMs + 1);
    expect(fail(pairFailures, 'a@x.org', '198.51.100.1').every((w) => w === 0)).toBe(true);
  });

  it('does not count refused attempts: waiting them out is enough', () => {
    const { limiter, advance, fail } = limiterAt();
    fail(pairFailures, 'a@x.org', '198.51.100.1');
    for (let i = 0; i < 100; i++) expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(5);
    advance(baseDelayMs);
    expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(0);
  });

  it('forgets the pair on success: only failures count', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3 * pairFailures; i++) {
      expect(limiter.check({ email: 'a@x.org', client: '198.51.100.1' })).toBe(0);
      limiter.succeed({ email: 'a@x.org', client: '198.51.100.1' });
    }
  });

  it('counts attempts sent at once before any is answered', () => {
    const { limiter } = limiterAt();
    const burst = Array.from({ length: 100 }, () =>
      limiter.check({ email: 'a@x.org', client: '198.51.100.1' }),
    );
    expect(burst.filter((w) => w === 0)).toHaveLength(pairFailures);
  });

  it('never slows the real user at their address for what another address did to their account', () => {
    const { limiter, advance, fail } = limiterAt();
    // An attacker at X hammers the administrator, waiting out every delay.
    for (let i = 0; i < 200; i++) {
      if (limiter.check({ email: 'admin@x.org', client: '203.0.113.9' }) > 0) advance(maxDelayMs);
    }
    expect(limiter.check({ email: 'admin@x.org', client: '203.0.113.9' })).toBeGreaterThan(0);
    expect(limiter.check({ email: 'ADMIN@x.org', client: '198.51.100.7' })).toBe(0);
    // A spray from many addresses: a fresh address still goes through…
    for (let i = 0; i < accountFailures; i++) fail(1, 'admin@x.org', `192.0.2.${i % 250}`);
    expect(limiter.check({ email: 'admin@x.org', client: '198.51.100.8' })).toBe(0);
    // … but an address that has just failed waits for the account's delay.
    expect(fail(1, 'admin@x.org', '192.0.2.3')[0]).toBeGreaterThan(0);
  });

  it('slows one address spraying many accounts', () => {
    const { limiter, fail } = limiterAt();
    for (let i = 0; i < addressFailures; i++) expect(fail(1, `user${i}@x.org`, '203.0.113.9')[0]).toBe(0);
    expect(limiter.check({ email: 'someone-else@x.org', client: '203.0.113.9' })).toBe(baseDelayMs / 1000);
    expect(limiter.check({ email: 'someone-else@x.org', client: '203.0.113.10' })).toBe(0);
  });

  it('counts an IPv6 client by its /64', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < addressFailures; i++)
      limiter.check({ email: `u${i}@x.org`, client: `2001:db8:1:2::${i.toString(16)}` });
    expect(limiter.check({ email: 'v@x.org', client: '2001:db8:1:2:ffff::1' })).toBeGreaterThan(0);
    expect(limiter.check({ email: 'v@x.org', client: '2001:db8:1:3::1' })).toBe(0);
  });

  it('keeps memory bounded', () => {
    const { limiter } = limiterAt(0, { maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.check({ email: `u${i}@x.org`, client: '198.51.100.1' });
    // The oldest pairs were dropped; the address itself is still counted.
    expect(limiter.check({ email: 'u999@x.org', client: '198.51.100.2' })).toBe(0);
    expect(limiter.check({ email: 'new@x.org', client: '198.51.100.1' })).toBeGreaterThan(0);
  });
});

describe('addressGroup', () => {
  it('keeps IPv4 and groups IPv6 by /64', () => {
    expect(addressGroup('203.0.113.9')).toBe('203.0.113.9');
    expect(addressGroup('2001:0db8:0001:0002:0003:0004:0005:0006')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
  });
});

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
