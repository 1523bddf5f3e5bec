/**
 * A sliding-window count per key (an address): at most `max` events within `windowMs`. In memory,
 * per process, like the login throttle.
 */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Milliseconds until `key` may act again; 0 when it may now. */
  retryAfter(key: string): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < this.windowMs);
    return recent.length < this.max ? 0 : (recent[0] ?? t) + this.windowMs - t;
  }

  /** Counts one event for `key`. */
  hit(key: string): void {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < this.windowMs);
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) {
      for (const [k, v] of this.hits) if (v.every((h) => t - h >= this.windowMs)) this.hits.delete(k);
    }
  }
}
