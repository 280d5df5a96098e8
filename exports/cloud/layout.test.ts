import { describe, expect, it } from 'vitest';
import type { CloudWord } from '../../core/analysis/index.ts';
import { fontSizeFor, layoutCloud } from './layout.ts';

function words(n: number): CloudWord[] {
  return Array.from({ length: n }, (_, i) => ({
    text: `word${i}${'abcdefgh'.slice(0, i % 8)}`,
    count: n - i,
    weight: (n - i) / n,
  }));
}

describe('layoutCloud', () => {
  it('places every word, inside the picture, without overlaps of their centres', () => {
    const list = words(60);
    const layout = layoutCloud(list);
    expect(layout.words.map((w) => w.text).sort()).toEqual(list.map((w) => w.text).sort());
    for (const w of layout.words) {
      expect(Math.abs(w.x)).toBeLessThan(layout.width / 2);
      expect(Math.abs(w.y)).toBeLessThan(layout.height / 2);
    }
    expect(new Set(layout.words.map((w) => `${w.x},${w.y}`)).size).toBe(60);
  });

  it('is the same for the same words, and different for another seed', () => {
    const list = words(40);
    expect(layoutCloud(list)).toEqual(layoutCloud(list));
    expect(layoutCloud(list, { seed: 1 }).words).not.toEqual(layoutCloud(list).words);
  });

  it('shrinks and tries again rather than drop a word that does not fit', () => {
    // Huge sizes in a small picture: the first layout cannot hold them all.
    const list = words(25);
    const layout = layoutCloud(list, {
      width: 300,
      height: 160,
      maxFontSize: 120,
      minFontSize: 60,
    });
    expect(layout.words).toHaveLength(25);
    expect(layout.attempts).toBeGreaterThan(1);
    expect(layout.scale).toBeLessThan(1);
  });

  it('grows the picture once words would become unreadably small', () => {
    const list = words(120);
    const layout = layoutCloud(list, { width: 120, height: 80, minFontSize: 9, maxFontSize: 10 });
    expect(layout.words).toHaveLength(120);
    expect(layout.width).toBeGreaterThan(120);
  });

  it('sizes words by the square root of their weight', () => {
    expect(fontSizeFor(1, 10, 50)).toBe(50);
    expect(fontSizeFor(0.25, 10, 50)).toBe(30);
    expect(fontSizeFor(0, 10, 50)).toBe(10);
  });
});
