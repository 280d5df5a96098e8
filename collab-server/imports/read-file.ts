import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import {
  ImportError,
  checkSize,
  columnLetter,
  decodeText,
  parsePlainTranscript,
  parseTeamsDocxText,
  parseVtt,
  tableFromCsv,
  tableFromRows,
  transcriptFormatOf,
  type Table,
  type TranscriptFormat,
  type Turn,
} from '../../core/index.ts';

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * An attendee list or typed-up notes as a table: .xlsx through exceljs (the first worksheet),
 * anything else as CSV text. Formulas become their text ("=SUM(B2:B9)"), never their result, and
 * are listed so the preview can say so; merged cells are refused, since a merged value belongs
 * to several rows and no reading of it is safe.
 */
export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  const ext = extensionOf(name);
  if (ext === 'xls')
    throw new ImportError(
      `${name} is an old .xls workbook: save it as .xlsx or .csv and import that.`,
    );
  if (ext !== 'xlsx') return tableFromCsv(name, decodeText(name, bytes));
  checkSize(name, bytes.byteLength);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportError(`${name} is not a readable .xlsx workbook.`);
  }
  const sheet = book.worksheets.find((w) => w.rowCount > 0);
  if (!sheet) throw new ImportError(`${name} has no worksheet with anything in it.`);
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0)
    throw new ImportError(
      `${name} has merged cells; unmerge them so each row holds its own values.`,
      merges.map((range) => ({
        where: `cells ${range}`,
        message: 'merged',
      })),
    );
  const rows: string[][] = [];
  const formulas: string[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.formula || cell.type === ExcelJS.ValueType.Formula) {
        formulas.push(`cell ${columnLetter(c - 1)}${r}`);
        cells.push(`=${cell.formula ?? ''}`);
      } else cells.push(cellText(cell.value));
    }
    rows.push(cells);
  }
  return tableFromRows(name, rows, formulas);
}

/** A cell's value as the text a person sees in it. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** A transcript's turns, from WebVTT, a Teams .docx, or "Speaker: words" text. */
export async function readTranscript(
  name: string,
  bytes: Uint8Array,
): Promise<{ format: TranscriptFormat; turns: Turn[] }> {
  if (extensionOf(name) === 'docx') {
    checkSize(name, bytes.byteLength);
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } catch {
      throw new ImportError(`${name} is not a readable Word (.docx) file.`);
    }
    return { format: 'teams-docx', turns: parseTeamsDocxText(text) };
  }
  const text = decodeText(name, bytes);
  const format = transcriptFormatOf(name, text.slice(0, 20));
  return { format, turns: format === 'vtt' ? parseVtt(text) : parsePlainTranscript(text) };
}
