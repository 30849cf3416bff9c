/**
 * Limits kept in memory: enough for one server process.
 *
 * `SignInLimiter` slows password guessing the way OWASP's authentication cheat sheet suggests,
 * counting FAILED attempts only, on three keys:
 * - the pair (account, client address): the real user's own address is never slowed by what
 *   an attacker does from another address;
 * - the client address, whatever the account: one address spraying passwords over many
 *   accounts waits;
 * - the account, whatever the address: a safety net against a spray from many addresses; its
 *   delay applies only to addresses that have failed recently, so it slows the attackers and
 *   never locks out a person who has not been failing.
 * Each key allows a number of failures, then asks for an exponential back-off (doubling from
 * `baseDelayMs`, at most `maxDelayMs`) counted from the key's last failure; a key is forgotten
 * `forgetAfterMs` after its last failure. A success forgets the pair.
 */

export interface TSignInLimits {
  /** Failures allowed per (account, address) before the back-off starts. */
  pairFailures: number;
  /** Failures allowed per client address, over all accounts. */
  addressFailures: number;
  /** Failures allowed per account, over all addresses. */
  accountFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  /** Keys kept per table; the oldest are dropped beyond it, so memory stays bounded. */
  maxKeys: number;
}

export const DEFAULT_SIGN_IN_LIMITS: TSignInLimits = {
  pairFailures: 10,
  addressFailures: 50,
  accountFailures: 100,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 50_000,
};

export interface TSignInAttempt {
  /** The account's e-mail address (compared without case). */
  email: string;
  /** The client's address, from `clientAddress(c)`. */
  client: string;
}

interface TFailures {
  count: number;
  lastAt: number;
}

/** Failures per key with the time of the last one, oldest first (Map order). */
class FailureTable {
  private readonly entries = new Map<string, TFailures>();

  constructor(private readonly limits: TSignInLimits) {}

  get(key: string, now: number): TFailures | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastAt > this.limits.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  add(key: string, now: number): void {
    const count = (this.get(key, now)?.count ?? 0) + 1;
    // Re-inserting moves the key to the end: the first keys are always the oldest.
    this.entries.delete(key);
    this.entries.set(key, { count, lastAt: now });
    if (this.entries.size > this.limits.maxKeys) {
      for (const [oldest] of this.entries) {
        this.entries.delete(oldest);
        if (this.entries.size <= this.limits.maxKeys) break;
      }
    }
  }

  /** Takes one failure back (the attempt it stood for succeeded). */
  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.count <= 1) this.entries.delete(key);
    else entry.count -= 1;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * Per-account, per-address and per-pair back-off for password checks.
 * @example
 * const limiter = new SignInLimiter();
 * const wait = limiter.check({ email, client: clientAddress(c) });
 * if (wait > 0) throw tooManyRequests('…', wait);
 * if (isValid) limiter.succeed({ email, client });
 */
export class SignInLimiter {
  private readonly limits: TSignInLimits;
  private readonly pairs: FailureTable;
  private readonly addresses: FailureTable;
  private readonly accounts: FailureTable;

  constructor(
    limits: Partial<TSignInLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    this.pairs = new FailureTable(this.limits);
    this.addresses = new FailureTable(this.limits);
    this.accounts = new FailureTable(this.limits);
  }

  /**
   * Asks whether a password may be checked now. When it may (0), the attempt is counted as a
   * failure straight away — so that many attempts sent at once are counted before any of them
   * is answered — and `succeed` takes it back. A refused attempt is not counted.
   * @returns 0 to go ahead, else the whole seconds to wait (for `Retry-After`).
   */
  check(attempt: TSignInAttempt): number {
    const now = this.clock();
    const keys = keysOf(attempt);
    const address = this.addresses.get(keys.address, now);
    const waitMs = Math.max(
      this.waitFor(this.pairs.get(keys.pair, now), this.limits.pairFailures, now),
      this.waitFor(address, this.limits.addressFailures, now),
      // The account-wide delay only for addresses that have been failing.
      address ? this.waitFor(this.accounts.get(keys.account, now), this.limits.accountFailures, now) : 0,
    );
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    this.pairs.add(keys.pair, now);
    this.addresses.add(keys.address, now);
    this.accounts.add(keys.account, now);
    return 0;
  }

  /** The password was right: forget the pair's failures and take this attempt back. */
  succeed(attempt: TSignInAttempt): void {
    const keys = keysOf(attempt);
    this.pairs.delete(keys.pair);
    this.addresses.remove(keys.address);
    this.accounts.remove(keys.account);
  }

  private waitFor(entry: TFailures | undefined, allowed: number, now: number): number {
    if (!entry || entry.count < allowed) return 0;
    const delay = Math.min(this.limits.maxDelayMs, this.limits.baseDelayMs * 2 ** (entry.count - allowed));
    return Math.max(0, entry.lastAt + delay - now);
  }
}

function keysOf({ email, client }: TSignInAttempt) {
  const account = email.trim().toLowerCase();
  const address = addressGroup(client);
  return { account, address, pair: `${account}\n${address}` };
}

/**
 * The unit an address is counted in: an IPv4 address, or the /64 network of an IPv6 address
 * (one subscriber usually holds a whole /64, so single IPv6 addresses are free to rotate).
 * @example addressGroup('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function addressGroup(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headParts
      : [
          ...headParts,
          ...Array(Math.max(0, 8 - headParts.length - tailParts.length)).fill('0'),
          ...tailParts,
        ];
  if (groups.length < 4) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * A fixed-window limiter: counts every hit on a key.
 * @example const limiter = new RateLimiter(5, 60_000); if (limiter.hit(key) > 0) refuse();
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.hits.size > 10_000) this.prune(now);
      return 0;
    }
    entry.count += 1;
    return entry.count > this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
