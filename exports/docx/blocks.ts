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
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** What a section's body holds: paragraphs, tables and the contents. */
export type Block = Paragraph | Table | TableOfContents;

/** Width of the text on an A4 page with 2.54 cm margins, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
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

export type CellContent = string | number | readonly string[];

function cellParagraphs(content: CellContent, bold: boolean): Paragraph[] {
  if (typeof content === 'string' || typeof content === 'number') {
    return [
      new Paragraph({ children: [new TextRun({ text: String(content), bold, size: TABLE_TEXT })] }),
    ];
  }
  if (content.length === 0) return [new Paragraph('')];
  return content.map(
    (t) =>
      new Paragraph({
        children: [new TextRun({ text: t, size: TABLE_TEXT })],
        bullet: { level: 0 },
      }),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8c8c8c' };

/**
 * A table with a header row that repeats on every page and is marked as a header for screen
 * readers. Cells hold text, a number, or a list (written as bullets). Widths are shares of the
 * text width and should add up to 1.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly CellContent[])[],
  widths?: readonly number[],
): Table {
  const shares = widths ?? header.map(() => 1 / header.length);
  const columnWidths = shares.map((s) => Math.floor(s * TEXT_WIDTH_TWIPS));
  const cell = (content: CellContent, i: number, isHeader: boolean) =>
    new TableCell({
      children: cellParagraphs(content, isHeader),
      width: { size: columnWidths[i] ?? 1000, type: WidthType.DXA },
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'dce6f0' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths,
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
        children: header.map((h, i) => cell(h, i, true)),
      }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
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

/** A caption under a picture or table. */
export function caption(text: string): Paragraph {
  return new Paragraph({ style: 'Caption', children: [new TextRun(text)] });
}
