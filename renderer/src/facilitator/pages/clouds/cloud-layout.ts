/** Smallest and largest font sizes of a cloud, in CSS pixels, for a canvas this wide. */
export function fontRange(width: number): { min: number; max: number } {
  // Larger words crowd the canvas and wordcloud2 then searches far longer for room: at width/9
  // a 150-word cloud took ~10x as long to place as at width/13 (bench:clouds).
  return { min: 11, max: Math.max(24, Math.min(56, Math.round(width / 13))) };
}

/**
 * The list wordcloud2 draws: each word with its font size, from weights in (0, 1]. Sizes follow
 * the square root of the weight, so area (what the eye reads) follows how often a word was said.
 * Used by the screen and by bench:clouds, so the bench draws exactly what the screen draws.
 */
export function cloudList(
  words: readonly { text: string; weight: number }[],
  width: number,
): [string, number][] {
  const { min, max } = fontRange(width);
  return words.map((w) => [w.text, Math.round(min + (max - min) * Math.sqrt(w.weight))]);
}

/** The drawing options shared by the screen and the bench (no callbacks). */
export const CLOUD_OPTIONS = {
  // One generic family: wordcloud2 sets the canvas font for every word it measures and draws,
  // and a list of families made Chromium resolve each in turn, every time (bench:clouds, quiet
  // machine, three alternating pairs: 396/526/445 ms with the app's stack, 246/378/311 ms so).
  fontFamily: 'sans-serif',
  fontWeight: '600',
  backgroundColor: '#ffffff',
  rotateRatio: 0,
  gridSize: 8,
  shuffle: false,
  // Draw every word in one go: the screen is fast enough, and a half-drawn cloud is confusing.
  wait: 0,
  drawOutOfBound: false,
  shrinkToFit: true,
} as const;

/** Colours with at least 4.5:1 contrast on white, so the cloud's words can be read. */
export const CLOUD_COLOURS = ['#1d4f91', '#7a2e8a', '#0b6b4f', '#8a3b12', '#333333'];
