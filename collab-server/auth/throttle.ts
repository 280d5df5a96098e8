/**
 * A token bucket: `burst` tries at once, refilled at `ratePerSecond`. Time is passed in so tests
 * can drive it without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly burst: number,
    readonly ratePerSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(
        this.burst,
        this.tokens + ((now - this.at) / 1000) * this.ratePerSecond,
      );
      this.at = now;
    }
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Whether the bucket is full again (so a map of buckets can drop it). */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }
}

/** Buckets keyed by something (an address, a participant), dropping the full ones now and then. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly burst: number,
    private readonly ratePerSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  private bucket(key: string, now: number): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      b = new TokenBucket(this.burst, this.ratePerSecond, now);
      this.buckets.set(key, b);
    }
    return b;
  }

  take(key: string, now: number): boolean {
    return this.bucket(key, now).take(now);
  }

  waitMs(key: string, now: number): number {
    return this.buckets.get(key)?.waitMs(now) ?? 0;
  }

  sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.full(now)) this.buckets.delete(k);
  }
}

export interface JoinThrottleOptions {
  /** Wrong guesses one address may make at once, and refilled per second. */
  perAddressBurst: number;
  perAddressPerSecond: number;
  /** Wrong guesses the whole server answers at once, and refilled per second. */
  totalBurst: number;
  totalPerSecond: number;
}

/**
 * Security decision: the throttle is consulted *before* the code is looked up, and it refuses
 * every attempt (right or wrong) while it is empty. Otherwise an attacker could keep guessing at
 * full speed and read "throttled" as "wrong". Only wrong guesses use up tokens, so people who type
 * their code correctly are never slowed by each other; the join link (a 128-bit key) bypasses the
 * total limit so a flood of guesses cannot stop people joining by link.
 */
export class JoinThrottle {
  private readonly perAddress: KeyedBuckets;
  private readonly total: TokenBucket;

  constructor(
    readonly options: JoinThrottleOptions,
    now = Date.now(),
  ) {
    this.perAddress = new KeyedBuckets(options.perAddressBurst, options.perAddressPerSecond);
    this.total = new TokenBucket(options.totalBurst, options.totalPerSecond, now);
  }

  /**
   * Whether an attempt may be checked now; if not, how long to wait. `useTotal` is false for
   * join-link attempts.
   */
  admit(
    address: string,
    useTotal: boolean,
    now: number,
  ): { ok: true } | { ok: false; retryAfterMs: number } {
    const a = this.perAddress.waitMs(address, now);
    const t = useTotal ? this.total.waitMs(now) : 0;
    if (a > 0 || t > 0) return { ok: false, retryAfterMs: Math.max(a, t) };
    return { ok: true };
  }

  /** Records a wrong guess against the address and (for codes) the total. */
  wrong(address: string, useTotal: boolean, now: number): void {
    this.perAddress.take(address, now);
    if (useTotal) this.total.take(now);
  }

  sweep(now: number): void {
    this.perAddress.sweep(now);
  }
}
