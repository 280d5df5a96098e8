import type { KeyThemeTable } from '../../core/analysis/index.ts';
import { POLARITY_LABELS } from '../../core/index.ts';
import { type CsvCell, bulletLines } from './csv.ts';

/** The key theme table's columns, shared by the CSV and the spreadsheet so they agree. */
export const KEY_THEME_HEADER = [
  'Theme',
  'Notes',
  'People',
  `${POLARITY_LABELS.want} (notes)`,
  `${POLARITY_LABELS['do-not-want']} (notes)`,
  `${POLARITY_LABELS.neutral} (notes)`,
  POLARITY_LABELS.want,
  POLARITY_LABELS['do-not-want'],
  POLARITY_LABELS.neutral,
] as const;

/** One row of cells per theme, in the order of KEY_THEME_HEADER. */
export function keyThemeCells(table: KeyThemeTable): CsvCell[][] {
  return table.rows.map((r) => [
    r.path,
    r.counts.total,
    r.participants,
    r.counts.want,
    r.counts.doNotWant,
    r.counts.other,
    bulletLines(r.want),
    bulletLines(r.doNotWant),
    bulletLines(r.other),
  ]);
}
