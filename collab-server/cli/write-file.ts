import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.ts';

/**
 * Writes through a temporary file and a rename, so a failed or interrupted export never leaves a
 * half-written file where a good one was.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`Cannot write ${abs}: the folder ${dir} does not exist.`);
  }
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`Cannot write ${abs}: ${(e as Error).message}`);
  }
}
