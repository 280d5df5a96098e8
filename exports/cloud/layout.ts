import { createCanvas } from '@napi-rs/canvas';
import cloud from 'd3-cloud';
import type { CloudWord } from '../../core/analysis/index.ts';
import { FONT_FAMILY, registerCanvasFonts } from '../common/fonts.ts';
import { hashString, seededRandom } from '../../core/random.ts';
import { SpriteCanvas } from './sprite-canvas.ts';

export interface PlacedWord {
  text: string;
  count: number;
  weight: number;
  /** Font size in px, after any shrinking. */
  size: number;
  /** Centre of the word's baseline, relative to the centre of the picture. */
  x: number;
  y: number;
  rotate: number;
}

export interface CloudLayout {
  width: number;
  height: number;
  words: PlacedWord[];
  /** The scale the sizes were multiplied by to fit every word (1 when nothing shrank). */
  scale: number;
  /** How many layouts were tried before every word fitted. */
  attempts: number;
}

export interface CloudLayoutOptions {
  width?: number;
  height?: number;
  /** Font size of the heaviest word before any shrinking; default 64. */
  maxFontSize?: number;
  /** Font size of the lightest word before any shrinking; default 13. */
  minFontSize?: number;
  /** Mixed into the data's own hash, to get a different but still repeatable layout. */
  seed?: number;
}

type LayoutWord = cloud.Word & { count: number; weight: number; size: number };

const SHRINK = 0.9;
// Ratio of the words' measured boxes (generously 1.2 x the font size high) to the picture's
// area at the first try. d3-cloud packs glyph shapes, not boxes, so about this much fits;
// starting near the limit saves whole layouts, each of which costs ~50 ms for 150 words.
const FIRST_TRY_FILL = 0.85;
const MAX_ATTEMPTS = 30;
// Below this a word stops being readable; past it the picture grows instead of the words shrinking.
const SMALLEST_READABLE = 8;

/** Font size for a weight: area (not height) grows with the count, as readers judge size. */
export function fontSizeFor(weight: number, minSize: number, maxSize: number): number {
  return minSize + (maxSize - minSize) * Math.sqrt(Math.max(0, Math.min(1, weight)));
}

function attempt(
  sprite: SpriteCanvas,
  words: readonly CloudWord[],
  width: number,
  height: number,
  sizes: readonly number[],
  seed: number,
): PlacedWord[] {
  const input: LayoutWord[] = words.map((w, i) => ({
    text: w.text,
    count: w.count,
    weight: w.weight,
    size: Math.max(1, Math.round(sizes[i] ?? 1)),
  }));
  let placed: PlacedWord[] = [];
  cloud<LayoutWord>()
    .size([width, height])
    .canvas(() => sprite as unknown as HTMLCanvasElement)
    .words(input)
    .padding(2)
    // Horizontal words only: a commissioner should not have to tilt their head to read one.
    .rotate(0)
    .font(FONT_FAMILY)
    .fontWeight('bold')
    .fontSize((d) => d.size)
    .random(seededRandom(seed))
    .spiral('archimedean')
    .on('end', (tags) => {
      placed = tags.map((t) => ({
        text: t.text ?? '',
        count: t.count,
        weight: t.weight,
        size: t.size,
        x: t.x ?? 0,
        y: t.y ?? 0,
        rotate: t.rotate ?? 0,
      }));
    })
    .start();
  return placed;
}

/** The largest scale (at most 1) at which the words' boxes would cover FIRST_TRY_FILL. */
function firstScale(words: readonly CloudWord[], sizes: readonly number[], area: number): number {
  const ctx = createCanvas(1, 1).getContext('2d');
  let total = 0;
  words.forEach((w, i) => {
    const size = sizes[i] ?? 0;
    ctx.font = `bold ${size}px "${FONT_FAMILY}"`;
    total += (ctx.measureText(w.text).width + 4) * (size * 1.2 + 4);
  });
  return total === 0 ? 1 : Math.min(1, Math.sqrt((FIRST_TRY_FILL * area) / total));
}

/**
 * Lays out a word cloud in which every word is placed. Common layouts (d3-cloud among them)
 * drop a word that does not fit without saying so; here a layout that leaves any word out is
 * thrown away, the sizes are shrunk by 10% and the layout is tried again, and once words
 * would become unreadably small the picture grows instead. Randomness is seeded from the
 * words themselves, so the same data always gives the same picture.
 */
export function layoutCloud(
  words: readonly CloudWord[],
  options: CloudLayoutOptions = {},
): CloudLayout {
  registerCanvasFonts();
  let width = options.width ?? 900;
  let height = options.height ?? 540;
  const maxFont = options.maxFontSize ?? 64;
  const minFont = options.minFontSize ?? 13;
  const seed = hashString(words.map((w) => `${w.text}:${w.count}`).join('|'), options.seed ?? 0);
  const base = words.map((w) => fontSizeFor(w.weight, minFont, maxFont));
  let scale = firstScale(words, base, width * height);
  const sprite = new SpriteCanvas();
  for (let tries = 1; tries <= MAX_ATTEMPTS; tries += 1) {
    const placed = attempt(
      sprite,
      words,
      width,
      height,
      base.map((s) => s * scale),
      seed,
    );
    if (placed.length === words.length) {
      return { width, height, words: placed, scale, attempts: tries };
    }
    if (minFont * scale * SHRINK >= SMALLEST_READABLE) scale *= SHRINK;
    else {
      width = Math.round(width * 1.2);
      height = Math.round(height * 1.2);
    }
  }
  throw new Error(
    `could not place all ${words.length} words in a word cloud after ${MAX_ATTEMPTS} attempts`,
  );
}
