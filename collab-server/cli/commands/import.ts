import { readFileSync, statSync } from 'node:fs';
import { parseProgrammeFile } from '../../../core/index.ts';
import { importSnapshot } from '../../store/index.ts';
import { withStore, type DataOption } from '../data-option.ts';
import { UsageError } from '../errors.ts';

/** Larger than any real programme (2,000 notes is about 1 MB); refuses a wrong file early. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Reads and validates the whole file before opening the database, then imports in one transaction. */
export async function importCommand(
  file: string,
  opts: DataOption,
  out: (line: string) => void,
): Promise<void> {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES)
      throw new UsageError(
        `${file} is ${Math.round(size / 1e6)} MB; a programme file is at most 200 MB.`,
      );
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const { snapshot } = parseProgrammeFile(text);
  const id = await withStore(opts, (store) => {
    try {
      return importSnapshot(store, snapshot, 'cli:import');
    } catch (e) {
      // A constraint the file's checks did not foresee: still the file's problem, not a crash.
      if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
        throw new UsageError(
          `The data folder refused this programme (${(e as Error).message}). Nothing was imported.`,
        );
      throw e;
    }
  });
  out(id);
}
