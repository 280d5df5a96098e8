import { cellName } from './table.ts';
import type { ProblemList } from './problems.ts';

/** How a column heading reads once case, punctuation and spacing are set aside. */
export const headingKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * What each column holds, by index; null marks a column nobody has decided about yet (a heading
 * Cohear does not know), which an import refuses until it is mapped or set to 'ignore'.
 */
export type ColumnMapping<F extends string> = (F | 'ignore' | null)[];

/**
 * Checks a mapping against the headings: every column decided, no field twice, required fields
 * present. Problems name the heading's cell.
 */
export function checkMapping<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  labels: Record<F, string>,
  required: (mapped: Set<F>) => string | null,
  problems: ProblemList,
): Set<F> {
  const seen = new Map<F, number>();
  if (mapping.length !== headers.length)
    problems.add('mapping', `expected ${headers.length} columns, got ${mapping.length}`);
  headers.forEach((h, i) => {
    const m = mapping[i] ?? null;
    if (m === null) {
      problems.add(
        cellName(i, 1),
        `Cohear does not know the column "${h}": choose what it holds, or leave it out`,
      );
      return;
    }
    if (m === 'ignore') return;
    const f = m as F;
    if (seen.has(f))
      problems.add(
        cellName(i, 1),
        `"${h}" and "${headers[seen.get(f) as number]}" are both mapped to ${labels[f]}; choose one`,
      );
    else seen.set(f, i);
  });
  const mapped = new Set(seen.keys());
  const missing = required(mapped);
  if (missing) problems.add('columns', missing);
  return mapped;
}

/**
 * Applies "Heading=field" pairs (the CLI's --column) over a guessed mapping. Unknown headings or
 * fields are problems, so a typo is never silently ignored.
 */
export function overrideMapping<F extends string>(
  headers: readonly string[],
  guessed: ColumnMapping<F>,
  pairs: readonly string[],
  fields: readonly F[],
  problems: ProblemList,
): ColumnMapping<F> {
  const out = [...guessed];
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const heading = eq > 0 ? pair.slice(0, eq).trim() : '';
    const field = eq > 0 ? pair.slice(eq + 1).trim() : '';
    const index = headers.findIndex((h) => headingKey(h) === headingKey(heading));
    if (eq <= 0) problems.add(`--column ${pair}`, 'expected "Heading=field"');
    else if (index < 0) problems.add(`--column ${pair}`, `the file has no column "${heading}"`);
    else if (field !== 'ignore' && !(fields as readonly string[]).includes(field))
      problems.add(
        `--column ${pair}`,
        `unknown field "${field}"; one of ${[...fields, 'ignore'].join(', ')}`,
      );
    else out[index] = field as F | 'ignore';
  }
  return out;
}
