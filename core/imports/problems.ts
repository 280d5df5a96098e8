/** One thing wrong with an imported file, and where: "line 12", "cell C4", "row 7". */
export interface ImportProblem {
  where: string;
  message: string;
}

/** At most this many problems are listed; a wholly wrong file would otherwise list thousands. */
export const MAX_PROBLEMS_LISTED = 20;

/**
 * A file that cannot be imported as it is. Nothing has been written when this is thrown: every
 * import is checked in full before anything is applied. `userFacing` makes the CLI exit 2 with
 * the message and no stack trace.
 */
export class ImportError extends Error {
  readonly userFacing = true;
  constructor(
    summary: string,
    readonly problems: readonly ImportProblem[] = [],
  ) {
    const listed = problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => `  ${p.where}: ${p.message}`);
    if (problems.length > MAX_PROBLEMS_LISTED)
      listed.push(`  ...and ${problems.length - MAX_PROBLEMS_LISTED} more`);
    super([`${summary} Nothing was imported.`, ...listed].join('\n'));
    this.name = 'ImportError';
  }
}

/** Collects problems while a file is checked; throws them together at the end. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  add(where: string, message: string): void {
    this.items.push({ where, message });
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  throwIfAny(summary: string): void {
    if (!this.empty) throw new ImportError(summary, this.items);
  }
}
