import { describe, expect, it } from 'vitest';
import { DEFAULT_JOIN_CODES, DEFAULT_JOIN_THROTTLE } from '../server/start-server.ts';
import { guessProbabilityBound, naiveSixDigitBound } from './join-code-arithmetic.ts';
import { formatCode, normaliseCode } from './join-codes.ts';
import { JoinThrottle, TokenBucket } from './throttle.ts';

describe('join code arithmetic', () => {
  it('reproduces the issue figure for a naive 6-digit code (about 3.6% in two hours)', () => {
    expect(naiveSixDigitBound()).toBeGreaterThan(0.035);
    expect(naiveSixDigitBound()).toBeLessThan(0.037);
  });

  it('the shipped defaults keep the chance of guessing any live code in 3 hours below 1 in a million', () => {
    const p = guessProbabilityBound({
      codeSpace: 10 ** DEFAULT_JOIN_CODES.digits,
      liveCodes: DEFAULT_JOIN_CODES.maxLiveCodes,
      ratePerSecond: DEFAULT_JOIN_THROTTLE.totalPerSecond,
      burst: DEFAULT_JOIN_THROTTLE.totalBurst,
      seconds: 3 * 3600,
    });
    expect(p).toBeLessThan(1e-6);
  });

  it('codes read aloud in fours and accept what people type', () => {
    expect(formatCode('482109375562')).toBe('4821 0937 5562');
    expect(normaliseCode(' 4821-0937 5562 ')).toBe('482109375562');
  });
});

describe('throttle', () => {
  it('a bucket gives its burst then its rate', () => {
    const b = new TokenBucket(3, 1, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.waitMs(0)).toBe(1000);
    expect(b.take(1000)).toBe(true);
  });

  it('admits per address and in total, counting only wrong guesses', () => {
    const t = new JoinThrottle(
      { perAddressBurst: 2, perAddressPerSecond: 1, totalBurst: 3, totalPerSecond: 1 },
      0,
    );
    t.wrong('a', true, 0);
    t.wrong('a', true, 0);
    expect(t.admit('a', true, 0).ok).toBe(false);
    expect(t.admit('b', true, 0).ok).toBe(true);
    t.wrong('b', true, 0);
    // The total is spent: every address waits, but join links (useTotal false) still pass.
    expect(t.admit('c', true, 0).ok).toBe(false);
    expect(t.admit('c', false, 0).ok).toBe(true);
    expect(t.admit('c', true, 1000).ok).toBe(true);
  });
});

describe('a venue behind one address', () => {
  it('50 people who each mistype twice and then type the right code all get in, waiting at most seconds', () => {
    const t = new JoinThrottle(DEFAULT_JOIN_THROTTLE, 0);
    let now = 0;
    let longestWait = 0;
    // Each attempt is retried after the wait the server names, as the page's countdown does.
    const attempt = (right: boolean): void => {
      for (;;) {
        const a = t.admit('venue', true, now);
        if (a.ok) {
          if (!right) t.wrong('venue', true, now);
          return;
        }
        longestWait = Math.max(longestWait, a.retryAfterMs);
        now += a.retryAfterMs;
      }
    };
    for (let person = 0; person < 50; person++) {
      attempt(false);
      attempt(false);
      attempt(true);
      now += 200;
    }
    expect(longestWait).toBeLessThanOrEqual(5_000);
  });
});
