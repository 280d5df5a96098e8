import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  type TableOfContents,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { textWidth } from '../common/measure.ts';

/** What a section's body holds: paragraphs, tables and the contents. */
export type Block = Paragraph | Table | TableOfContents;

/** Width of the text on an A4 page with 2.54 cm margins, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
/** Width of the text on a landscape A4 page with the same margins. */
export const LANDSCAPE_TEXT_WIDTH_TWIPS = 16838 - 2 * 1440;
/** The same, in pixels at 96 dpi, for sizing pictures. */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);

const LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** A real Word heading (Heading 1-3 style), so the navigation pane and contents work. */
export function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph {
  return new Paragraph({ text, heading: LEVELS[level], pageBreakBefore });
}

/** A body paragraph; `bold` parts are given as { bold: text }. */
export function para(...parts: (string | { bold: string } | { italic: string })[]): Paragraph {
  return new Paragraph({
    children: parts.map((p) =>
      typeof p === 'string'
        ? new TextRun(p)
        : 'bold' in p
          ? new TextRun({ text: p.bold, bold: true })
          : new TextRun({ text: p.italic, italics: true }),
    ),
  });
}

/** A sentence that introduces the table after it, kept on the same page as that table. */
export function leadIn(text: string): Paragraph {
  return new Paragraph({ keepNext: true, children: [new TextRun(text)] });
}

/** A bulleted list, one paragraph per item (Word's own list formatting). */
export function bullets(items: readonly string[]): Paragraph[] {
  return items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

/** A numbered list using the document's "numbered" list definition. */
export function numbered(items: readonly string[], instance: number): Paragraph[] {
  return items.map(
    (text) => new Paragraph({ text, numbering: { reference: 'numbered', level: 0, instance } }),
  );
}

/** A quotation, indented and italic, with its attribution on the line below. */
export function quote(text: string, attribution: string): Paragraph[] {
  return [
    new Paragraph({
      style: 'Quote',
      // The words and who said them stay on one page.
      keepNext: true,
      children: [new TextRun(`“${text}”`)],
    }),
    new Paragraph({
      style: 'QuoteAttribution',
      children: [new TextRun(`${attribution}`)],
    }),
  ];
}

/** Table text is 10 pt (body text is 12 pt) so narrow number columns keep whole words. */
const TABLE_TEXT = 20;
/** Left and right cell margins, in twips. */
const CELL_MARGIN = 100;
/** Where a bulleted line's text starts inside a cell (Word's level-0 bullet indent), in twips. */
const BULLET_INDENT = 720;

export type CellContent = string | number | readonly string[];
/** Cells keep their lines close; the space after body paragraphs would double a table's height. */
const CELL_SPACING = { after: 0 } as const;

function cellParagraphs(content: CellContent, bold: boolean, keepNext: boolean): Paragraph[] {
  if (typeof content === 'string' || typeof content === 'number') {
    return String(content)
      .split('\n')
      .map(
        (line) =>
          new Paragraph({
            spacing: CELL_SPACING,
            keepNext,
            children: [new TextRun({ text: line, bold, size: TABLE_TEXT })],
          }),
      );
  }
  if (content.length === 0) return [new Paragraph({ keepNext })];
  return content.map(
    (t) =>
      new Paragraph({
        spacing: CELL_SPACING,
        keepNext,
        children: [new TextRun({ text: t, size: TABLE_TEXT })],
        bullet: { level: 0 },
      }),
  );
}

/**
 * Tables up to this many rows (each short) are kept on one page: a nine-row table split after
 * its second row, or a four-row table pushed away from the chart it belongs to, reads as a
 * mistake. Longer tables split between rows, with the header row repeated.
 */
const KEEP_TOGETHER_ROWS = 15;
const keepsTogether = (rows: readonly (readonly CellContent[])[]) =>
  rows.length <= KEEP_TOGETHER_ROWS &&
  rows.every((r) => r.every((c) => (Array.isArray(c) ? c.join(' ') : String(c)).length < 300));

/*
 * Widths are measured with the export typeface (Atkinson Hyperlegible), which is wider than Arial
 * and its metric twin Liberation Sans, plus a tenth for safety: a column measured wide enough for
 * its longest word here is wide enough in Word and LibreOffice.
 */
const PX_TO_TWIPS = 15;
const SAFETY = 1.1;

function longestWordTwips(content: CellContent, bold: boolean): number {
  const texts =
    typeof content === 'number'
      ? [String(content)]
      : typeof content === 'string'
        ? [content]
        : content;
  let widest = 0;
  for (const text of texts) {
    for (const word of text.split(/\s+/)) {
      if (word === '') continue;
      widest = Math.max(widest, textWidth(word, (TABLE_TEXT / 2) * (4 / 3), bold));
    }
  }
  const indent = Array.isArray(content) && content.length > 0 ? BULLET_INDENT : 0;
  return Math.ceil(widest * PX_TO_TWIPS * SAFETY) + 2 * CELL_MARGIN + indent;
}

/**
 * Column widths in twips that give every column room for its longest word (so "Registered" is
 * never broken into "Registere / d"), starting from the shares asked for and taking what a narrow
 * column needs from the columns that have room to spare.
 */
export function fitColumnWidths(
  header: readonly string[],
  rows: readonly (readonly CellContent[])[],
  shares: readonly number[],
  total = TEXT_WIDTH_TWIPS,
): number[] {
  const mins = header.map((h, i) =>
    Math.max(longestWordTwips(h, true), ...rows.map((r) => longestWordTwips(r[i] ?? '', false))),
  );
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  const widths = shares.map((s) => (s / sum) * total);
  const needMin = mins.reduce((a, b) => a + b, 0);
  if (needMin >= total) {
    // Not every word can fit: give each column its share of the page by what it needs.
    return mins.map((m) => Math.floor((m / needMin) * total));
  }
  for (let pass = 0; pass < header.length; pass += 1) {
    const short = widths.map((w, i) => Math.max(0, (mins[i] ?? 0) - w));
    const deficit = short.reduce((a, b) => a + b, 0);
    if (deficit <= 0.5) break;
    const slack = widths.map((w, i) => ((short[i] ?? 0) > 0 ? 0 : Math.max(0, w - (mins[i] ?? 0))));
    const slackSum = slack.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => {
      widths[i] = (short[i] ?? 0) > 0 ? (mins[i] ?? w) : w - ((slack[i] ?? 0) / slackSum) * deficit;
    });
  }
  return widths.map((w) => Math.floor(w));
}

/** Height of one line of 10 pt table text, in twips (Word's single spacing for Arial). */
const TABLE_LINE_TWIPS = 230;

/** A row's height in twips, estimated from how many lines its tallest cell wraps to. */
function rowHeightTwips(row: readonly CellContent[], columnWidths: readonly number[]): number {
  const lines = row.map((c, i) => {
    const items = typeof c === 'number' ? [String(c)] : typeof c === 'string' ? c.split('\n') : c;
    const room =
      (columnWidths[i] ?? 1000) - 2 * CELL_MARGIN - (Array.isArray(c) && c.length > 0 ? 360 : 0);
    return items.reduce((n, t) => {
      const twips = textWidth(t, (TABLE_TEXT / 2) * (4 / 3)) * PX_TO_TWIPS * SAFETY;
      return n + Math.max(1, Math.ceil(twips / Math.max(room, 200)));
    }, 0);
  });
  return Math.max(1, ...lines) * TABLE_LINE_TWIPS + 120;
}

/**
 * A row is kept on one page unless it would take more than half of one: keeping such a row
 * whole pushes it to the next page and leaves most of the page before it blank, row after row.
 */
function keepRowWhole(
  row: readonly CellContent[],
  columnWidths: readonly number[],
  pageHeight: number,
): boolean {
  return rowHeightTwips(row, columnWidths) < pageHeight / 2;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8c8c8c' };

/**
 * A table with a header row that repeats on every page and is marked as a header for screen
 * readers, rows that are not split across pages, and columns wide enough for their longest word.
 * Cells hold text, a number, or a list (written as bullets). Widths are the shares of the text
 * width wanted (they are adjusted so no word breaks).
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly CellContent[])[],
  widths?: readonly number[],
  /** The width the table fills, in twips (the portrait text width unless given). */
  total = TEXT_WIDTH_TWIPS,
): Table {
  const shares = widths ?? header.map(() => 1 / header.length);
  const columnWidths = fitColumnWidths(header, rows, shares, total);
  const together = keepsTogether(rows);
  // Text height of an A4 page with 2.54 cm margins, portrait or (for the wider tables) landscape.
  const pageHeight = total > TEXT_WIDTH_TWIPS ? 11906 - 2 * 1440 : 16838 - 2 * 1440;
  // Word and LibreOffice keep a row with the next when its paragraphs are "keep with next".
  const cell = (content: CellContent, i: number, isHeader: boolean, keepNext = false) =>
    new TableCell({
      children: cellParagraphs(content, isHeader, keepNext),
      width: { size: columnWidths[i] ?? 1000, type: WidthType.DXA },
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'dce6f0' } : undefined,
      margins: { top: 60, bottom: 60, left: CELL_MARGIN, right: CELL_MARGIN },
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, i, true, true)),
      }),
      ...rows.map(
        (r, k) =>
          new TableRow({
            cantSplit: keepRowWhole(r, columnWidths, pageHeight),
            children: r.map((c, i) => cell(c, i, false, together && k < rows.length - 1)),
          }),
      ),
    ],
  });
}

/** A label-value table for details such as a session's date and venue. */
export function detailsTable(pairs: readonly (readonly [string, string])[]): Table {
  return table(['Detail', 'Value'], pairs, [0.3, 0.7]);
}

let imageSeq = 0;

/**
 * A picture scaled to the text width (or less), with alt text: its description is what a
 * screen reader says, its title what Word shows as the picture's name.
 */
export function image(
  png: Buffer,
  size: { width: number; height: number },
  alt: { title: string; description: string },
  maxWidthPx = TEXT_WIDTH_PX,
): Paragraph {
  const scale = Math.min(1, maxWidthPx / size.width);
  imageSeq += 1;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // A picture stays on the page of its caption.
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: {
          width: Math.round(size.width * scale),
          height: Math.round(size.height * scale),
        },
        altText: { name: `Picture ${imageSeq}`, title: alt.title, description: alt.description },
      }),
    ],
  });
}

/** A caption under a picture; `keepNext` keeps it with the table that follows. */
export function caption(text: string, keepNext = false): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext, children: [new TextRun(text)] });
}

/**
 * A little space after each table that a paragraph follows: body paragraphs have space after
 * them but none before, so text straight after a table would touch its bottom border.
 */
export function spaceAfterTables<T>(blocks: readonly T[]): (T | Paragraph)[] {
  const out: (T | Paragraph)[] = [];
  blocks.forEach((b, i) => {
    out.push(b);
    const next = blocks[i + 1];
    if (b instanceof Table && next instanceof Paragraph)
      out.push(new Paragraph({ spacing: { before: 0, after: 0, line: 160 } }));
  });
  return out;
}

/** A person's text as paragraphs: a blank line starts a new paragraph, a line break is kept. */
export function prose(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap((p) => {
      const lines = p.split('\n');
      if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) {
        return bullets(lines.map((l) => l.replace(/^\s*[-*•]\s+/, '')));
      }
      return new Paragraph({
        children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
      });
    });
}
