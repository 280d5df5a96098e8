import { FONT_FAMILY } from '../common/fonts.ts';
import { num, xmlEscape } from '../common/xml.ts';
import type { CloudLayout } from './layout.ts';

// Dark tones that keep at least 7:1 contrast on white (WCAG AAA), in an order that puts
// different hues next to each other; colour carries no meaning here, size does.
const WORD_COLOURS = ['#0b3c5d', '#7a1f5c', '#1d5c2e', '#8a3b00', '#3b3b8f', '#333333'];

/** A short text alternative naming the biggest words, for screen readers and alt text. */
export function cloudDescription(layout: CloudLayout, title: string): string {
  const top = [...layout.words]
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, 10)
    .map((w) => `${w.text} (${w.count})`);
  if (layout.words.length === 0) return `${title}: no words to show.`;
  return `${title}. Word cloud of ${layout.words.length} words sized by how often they were said. Most used: ${top.join(', ')}. The full list is in the table beside it.`;
}

/** The cloud as a standalone SVG with a title and description for assistive technology. */
export function cloudSvg(layout: CloudLayout, title: string): string {
  const { width, height } = layout;
  const texts = layout.words.map((w, i) => {
    const colour = WORD_COLOURS[i % WORD_COLOURS.length] ?? '#333333';
    const rotate = w.rotate ? ` rotate(${num(w.rotate)})` : '';
    return `<text transform="translate(${num(w.x)},${num(w.y)})${rotate}" font-size="${num(w.size)}" fill="${colour}">${xmlEscape(w.text)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d">`,
    `<title id="t">${xmlEscape(title)}</title>`,
    `<desc id="d">${xmlEscape(cloudDescription(layout, title))}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${num(width / 2)},${num(height / 2)})" font-family="${FONT_FAMILY}" font-weight="bold" text-anchor="middle">`,
    ...texts,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
