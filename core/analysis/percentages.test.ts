import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainderPercentages } from './percentages.ts';

describe('largestRemainderPercentages', () => {
  it('gives the leftover points to the largest remainders', () => {
    expect(largestRemainderPercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainderPercentages([2, 1])).toEqual([67, 33]);
    expect(largestRemainderPercentages([13, 7, 5, 3])).toEqual([46, 25, 18, 11]);
  });

  it('gives all zeros when there is nothing to count', () => {
    expect(largestRemainderPercentages([0, 0])).toEqual([0, 0]);
    expect(largestRemainderPercentages([])).toEqual([]);
  });

  it('rejects negative counts', () => {
    expect(() => largestRemainderPercentages([1, -1])).toThrow(/0 or more/);
  });

  it('always sums to 100 and stays within one point of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { minLength: 1, maxLength: 12 }), (counts) => {
        const sum = counts.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const out = largestRemainderPercentages(counts);
        expect(out.reduce((a, b) => a + b, 0)).toBe(100);
        out.forEach((p, i) => {
          const exact = ((counts[i] ?? 0) * 100) / sum;
          expect(Math.abs(p - exact)).toBeLessThan(1);
        });
      }),
    );
  });
});
