import Papa from 'papaparse';
import { ImportError, ProblemList } from './problems.ts';

/**
 * A spreadsheet or CSV file as the imports read it: a header row and rows of cell text. Cells are
 * named as a spreadsheet names them ("C4", the header being row 1), which is what a facilitator
 * sees when they open either kind of file.
 */
export interface Table {
  headers: string[];
  /** Rows after the header; `row` is the spreadsheet row number (header = 1). */
  rows: { row: number; cells: string[] }[];
  /** Cells that held a formula, imported as the formula's text (never its result). */
  formulas: string[];
}

/** The longest a cell may be: a note's 4,000 characters and some room; refuses binary junk. */
const MAX_CELL_CHARS = 20_000;
export const MAX_TABLE_ROWS = 20_000;

/** Spreadsheet column letters for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellName(column: number, row: number): string {
  return `cell ${columnLetter(column)}${row}`;
}

/**
 * Reads CSV text (comma, semicolon or tab, as spreadsheet tools write it) into a table. Values
 * are kept as text: a cell starting with "=" stays that text, nothing is evaluated.
 */
export function tableFromCsv(name: string, text: string): Table {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', dynamicTyping: false });
  const problems = new ProblemList();
  for (const e of parsed.errors.slice(0, 20)) {
    // Row numbers from papaparse count data records from 0 (the header is record 0 here).
    const where = e.row === undefined ? name : `row ${e.row + 1}`;
    if (e.code === 'UndetectableDelimiter' && parsed.data.every((r) => r.length === 1)) continue;
    problems.add(where, e.message);
  }
  problems.throwIfAny(`${name} is not a readable CSV file.`);
  return tableFromRows(name, parsed.data, []);
}

/** Builds a table from rows of cell text (the first being the header), checking its size. */
export function tableFromRows(name: string, all: string[][], formulas: string[]): Table {
  const [head, ...body] = all;
  if (!head || head.every((h) => h.trim() === ''))
    throw new ImportError(`${name} has no header row: the first row should name the columns.`);
  if (body.length > MAX_TABLE_ROWS)
    throw new ImportError(
      `${name} has ${body.length} rows; an import takes at most ${MAX_TABLE_ROWS}.`,
    );
  const problems = new ProblemList();
  const headers = head.map((h) => h.trim());
  headers.forEach((h, i) => {
    if (h === '' && body.some((r) => (r[i] ?? '').trim() !== ''))
      problems.add(cellName(i, 1), 'this column has values but no heading');
  });
  const rows: Table['rows'] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    cells.forEach((c, col) => {
      if (c.length > MAX_CELL_CHARS)
        problems.add(cellName(col, row), `holds ${c.length} characters, more than any cell should`);
      if (col >= headers.length && c.trim() !== '')
        problems.add(cellName(col, row), 'is beyond the last column with a heading');
    });
    rows.push({ row, cells: headers.map((_, col) => (cells[col] ?? '').trim()) });
  });
  problems.throwIfAny(`${name} cannot be imported as it is.`);
  if (rows.length === 0) throw new ImportError(`${name} has a header row but no rows under it.`);
  return { headers, rows, formulas };
}
