import { createCanvas } from '@napi-rs/canvas';
import { FONT_FAMILY, registerCanvasFonts } from './fonts.ts';

const ctx = createCanvas(1, 1).getContext('2d');

/** Width in px of a text in the export typeface, the same on every machine. */
export function textWidth(text: string, size: number, bold = false): number {
  registerCanvasFonts();
  ctx.font = `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
  return ctx.measureText(text).width;
}

/** Breaks a text into lines no wider than maxWidth (a single over-long word gets its own line). */
export function wrapText(text: string, size: number, maxWidth: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
