/**
 * Failed-login throttling that an attacker cannot turn against a user.
 *
 * - Per (account, address) pair: after `pairMax` failures within `pairWindowMs`, that pair is
 *   refused for `pairLockMs`. Guessing one account from one address stops here; the same
 *   account from any other address is not affected.
 * - Per account, over all addresses (a guess spread over many addresses): from `accountFreeFailures`
 *   failures within `accountWindowMs` on, the account takes one attempt per backoff interval,
 *   doubling with each further failure from `accountStartMs` up to `accountMaxDelayMs`. This is a
 *   delay, never a lock: the real user with the right password waits at most `accountMaxDelayMs`.
 * - Per address, over all accounts (password spraying, made-up names): from `addressFreeFailures`
 *   failures within `addressWindowMs` on, the address takes one attempt per `addressDelayMs`. Again
 *   a delay, not a lock, so people behind the same office NAT can still sign in.
 *
 * A success clears that pair and the account's failures. Usernames are compared case-insensitively.
 * In memory, per process: enough for one server; a restart forgets, which only ever helps a user.
 */
export interface ThrottleOptions {
  pairMax: number;
  pairWindowMs: number;
  pairLockMs: number;
  accountFreeFailures: number;
  accountWindowMs: number;
  accountStartMs: number;
  accountMaxDelayMs: number;
  addressFreeFailures: number;
  addressWindowMs: number;
  addressDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  pairMax: 5,
  pairWindowMs: 15 * 60_000,
  pairLockMs: 15 * 60_000,
  accountFreeFailures: 10,
  accountWindowMs: 60 * 60_000,
  accountStartMs: 1000,
  accountMaxDelayMs: 60_000,
  addressFreeFailures: 30,
  addressWindowMs: 15 * 60_000,
  addressDelayMs: 2000,
};

interface Counter {
  failures: number[];
  lockedUntil: number;
}

const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly opts: ThrottleOptions;

  constructor(
    opts: Partial<ThrottleOptions> = {},
    private readonly now: () => number = () => Date.now(),
  ) {
    this.opts = { ...DEFAULT_THROTTLE, ...opts };
  }

  /** Milliseconds until an attempt for this account from this address is allowed; 0 when allowed now. */
  retryAfter(username: string, ip: string): number {
    const t = this.now();
    const o = this.opts;
    const pair = this.recent(this.pairs, pairKey(username, ip), o.pairWindowMs, t);
    const account = this.recent(this.accounts, username.toLowerCase(), o.accountWindowMs, t);
    const address = this.recent(this.addresses, ip, o.addressWindowMs, t);
    const waits = [pair ? pair.lockedUntil - t : 0];
    if (account && account.failures.length >= o.accountFreeFailures) {
      const extra = account.failures.length - o.accountFreeFailures;
      const delay = Math.min(o.accountMaxDelayMs, o.accountStartMs * 2 ** Math.min(extra, 30));
      waits.push((account.failures.at(-1) ?? 0) + delay - t);
    }
    if (address && address.failures.length >= o.addressFreeFailures) {
      waits.push((address.failures.at(-1) ?? 0) + o.addressDelayMs - t);
    }
    return Math.max(0, ...waits);
  }

  /** Records a failure; returns true when it locked the (account, address) pair. */
  fail(username: string, ip: string): boolean {
    const t = this.now();
    const o = this.opts;
    this.bump(this.accounts, username.toLowerCase(), o.accountWindowMs, t);
    this.bump(this.addresses, ip, o.addressWindowMs, t);
    const pair = this.bump(this.pairs, pairKey(username, ip), o.pairWindowMs, t);
    if (pair.failures.length >= o.pairMax) {
      pair.lockedUntil = t + o.pairLockMs;
      pair.failures = [];
      return true;
    }
    return false;
  }

  succeed(username: string, ip: string): void {
    this.pairs.delete(pairKey(username, ip));
    this.accounts.delete(username.toLowerCase());
  }

  private recent(map: Map<string, Counter>, key: string, windowMs: number, t: number): Counter | undefined {
    const c = map.get(key);
    if (c) c.failures = c.failures.filter((f) => t - f < windowMs);
    return c;
  }

  private bump(map: Map<string, Counter>, key: string, windowMs: number, t: number): Counter {
    const c = this.recent(map, key, windowMs, t) ?? { failures: [], lockedUntil: 0 };
    c.failures.push(t);
    map.set(key, c);
    if (map.size > MAX_KEYS) this.prune(map, windowMs, t);
    return c;
  }

  private prune(map: Map<string, Counter>, windowMs: number, t: number) {
    for (const [k, c] of map) if (c.lockedUntil < t && c.failures.every((f) => t - f >= windowMs)) map.delete(k);
  }
}

const pairKey = (username: string, ip: string) => `${username.toLowerCase()}\u0000${ip}`;
