/**
 * Whole-number percentages that add up to exactly 100, by the largest-remainder (Hamilton)
 * method: floor every share, then hand the missing points to the largest remainders. Ties go to
 * the larger count, then to the earlier item, so the result is stable for the same input.
 *
 * @example largestRemainderPercentages([1, 1, 1]) // [34, 33, 33]
 */
export function largestRemainderPercentages(counts: readonly number[], total = 100): number[] {
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new Error(`expected counts of 0 or more, got ${c}`);
  }
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * total) / sum);
  const out = exact.map((e) => Math.floor(e));
  let missing = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rem: e - Math.floor(e), count: counts[i] ?? 0 }))
    .sort((a, b) => b.rem - a.rem || b.count - a.count || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    missing -= 1;
  }
  return out;
}
