/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends and a byte-order mark so Excel
 * opens UTF-8 text correctly.
 */

export type CsvCell = string | number | boolean | null;

// A cell a participant wrote could start with "=" and run as a formula when a commissioner opens
// the file (CSV injection); a leading apostrophe makes spreadsheets show it as text.
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Encodes a header and rows as CSV text, starting with a byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Joins statements into one cell, one per line with a bullet, as the key theme table shows them. */
export function bulletLines(items: readonly string[]): string {
  return items.map((s) => `• ${s}`).join('\n');
}
