/** The upper end of an open band ("80 and over"): older than anyone is. */
export const OPEN_AGE_END = 200;

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

/**
 * The years of age a band covers, both ends included, read from its id or its label: "25-49",
 * "25 to 49", "80-plus", "80 and over", "65+", "Under 18". Null when neither reads as a band
 * (a custom answer such as "Young adult"), so nothing is guessed.
 * @example ageBandYears({ id: '80-plus', label: '80 and over' }) // [80, 200]
 */
export function ageBandYears(option: { id: string; label: string }): [number, number] | null {
  for (const text of [plain(option.id), plain(option.label)]) {
    const range = /^(\d{1,3}) (?:to )?(\d{1,3})$/.exec(text);
    if (range) {
      const [lo, hi] = [Number(range[1]), Number(range[2])];
      if (lo <= hi) return [lo, hi];
      continue;
    }
    const under = /^under (\d{1,3})$/.exec(text);
    if (under && Number(under[1]) > 0) return [0, Number(under[1]) - 1];
    const plus = /^(\d{1,3}) ?(?:\+|plus|and over|or over|and above|or older)$/.exec(text);
    if (plus) return [Number(plus[1]), OPEN_AGE_END];
  }
  return null;
}
