import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../core/index.ts';
import type { ImportSummary } from '../../imports/index.ts';
import { UsageError } from '../errors.ts';

/** Reads an import file, refusing a missing or oversized one before reading it into memory. */
export function readImportFile(file: string): { fileName: string; bytes: Uint8Array } {
  try {
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES)
      throw new UsageError(
        `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; an import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
      );
    return { fileName: path.basename(file), bytes: new Uint8Array(readFileSync(file)) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}

export const collectOption = (v: string, all: string[] = []) => [...all, v];

/** "created 3, updated 2" from an import's counts, leaving out the zeros. */
export function describeSummary(summary: ImportSummary): string {
  const parts = Object.entries(summary)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}
