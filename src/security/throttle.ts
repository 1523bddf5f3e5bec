/**
 * Failed-login throttling: after `maxPerUser` failures for one username (or `maxPerIp` from one
 * address) within `windowMs`, further attempts are refused for `lockMs`. In memory, per process:
 * enough for one server; a restart forgets, which only ever helps a legitimate user.
 */
export interface ThrottleOptions {
  maxPerUser: number;
  maxPerIp: number;
  windowMs: number;
  lockMs: number;
}

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly users = new Map<string, Counter>();
  private readonly ips = new Map<string, Counter>();

  constructor(
    private readonly opts: ThrottleOptions = { maxPerUser: 5, maxPerIp: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Milliseconds until the next attempt is allowed; 0 when allowed now. */
  retryAfter(username: string, ip: string): number {
    const t = this.now();
    const u = this.users.get(username.toLowerCase());
    const i = this.ips.get(ip);
    return Math.max(0, (u?.lockedUntil ?? 0) - t, (i?.lockedUntil ?? 0) - t);
  }

  /** Records a failure; returns true when this failure locked the username or address. */
  fail(username: string, ip: string): boolean {
    const a = this.bump(this.users, username.toLowerCase(), this.opts.maxPerUser);
    const b = this.bump(this.ips, ip, this.opts.maxPerIp);
    return a || b;
  }

  succeed(username: string): void {
    this.users.delete(username.toLowerCase());
  }

  private bump(map: Map<string, Counter>, key: string, max: number): boolean {
    const t = this.now();
    const c = map.get(key) ?? { failures: [], lockedUntil: 0 };
    c.failures = c.failures.filter((f) => t - f < this.opts.windowMs);
    c.failures.push(t);
    let locked = false;
    if (c.failures.length >= max) {
      c.lockedUntil = t + this.opts.lockMs;
      c.failures = [];
      locked = true;
    }
    map.set(key, c);
    if (map.size > 10_000) this.prune(map, t);
    return locked;
  }

  private prune(map: Map<string, Counter>, t: number) {
    for (const [k, c] of map) if (c.lockedUntil < t && c.failures.every((f) => t - f >= this.opts.windowMs)) map.delete(k);
  }
}
