import { describe, expect, it } from 'vitest';
import { LIVENESS, LivenessClock } from './liveness.ts';

/** Runs the clock on its own beat from `from` to `to`, with answers heard as `heard` says. */
function run(
  clock: LivenessClock,
  from: number,
  to: number,
  heard: (now: number, pings: number[]) => number,
  visible = () => true,
) {
  const pings: number[] = [];
  let firstSilent: number | null = null;
  for (let now = from; now <= to; now += LIVENESS.checkEveryMs) {
    const v = clock.check({
      now,
      connected: true,
      visible: visible(),
      lastHeard: heard(now, pings),
    });
    if (v.ping) pings.push(now);
    if (v.silent && firstSilent === null) firstSilent = now;
  }
  return { pings, firstSilent };
}

describe('liveness', () => {
  it('pings once a second and never calls a slow working network offline', () => {
    // Slow 3G: every answer arrives 2 s after its ping (and jitter up to half a second).
    const rtt = 2000;
    const r = run(new LivenessClock(), 0, 60_000, (now, pings) => {
      const answered = pings.filter((p) => p + rtt + (p % 3) * 250 <= now);
      return answered.length ? Math.max(...answered.map((p) => p + rtt)) : 0;
    });
    expect(r.pings).toHaveLength(61);
    expect(r.firstSilent).toBeNull();
    const after = run(new LivenessClock(), 0, 60_000, (now, pings) => {
      const answered = pings.filter((p) => p + 500 <= now);
      return answered.length ? Math.max(...answered.map((p) => p + 500)) : 0;
    });
    expect(after.firstSilent).toBeNull();
  });

  it('says offline within 2 s of the last thing heard, whatever the phase', () => {
    for (let dropAt = 10_000; dropAt < 11_000; dropAt += 50) {
      const r = run(new LivenessClock(), 0, 20_000, (now) => (now < dropAt ? now : dropAt));
      expect(r.firstSilent).not.toBeNull();
      expect(r.firstSilent! - dropAt).toBeLessThanOrEqual(2000);
    }
  });

  it('sends nothing while hidden and counts silence afresh when shown again', () => {
    const clock = new LivenessClock();
    const hiddenUntil = 30_000;
    const r = run(
      clock,
      0,
      31_000,
      (now) => Math.min(now, 5_000),
      () => false,
    );
    expect(r.pings).toHaveLength(0);
    expect(r.firstSilent).toBeNull();
    const shown = clock.check({
      now: hiddenUntil,
      connected: true,
      visible: true,
      lastHeard: 5_000,
    });
    expect(shown).toEqual({ ping: true, silent: false });
  });

  it('is not silent while the socket is closed (that is already offline)', () => {
    const clock = new LivenessClock();
    expect(clock.check({ now: 99_000, connected: false, visible: true, lastHeard: 0 })).toEqual({
      ping: false,
      silent: false,
    });
  });
});
