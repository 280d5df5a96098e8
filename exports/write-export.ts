import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProgrammeSnapshot } from '../core/index.ts';
import {
  type BuildExportOptions,
  type ExportFormat,
  type NamedFile,
  buildExport,
  checkExportOptions,
} from './build-export.ts';

export type { ExportProgress } from './common/progress.ts';
export {
  EXPORT_FORMATS,
  buildExport,
  suggestedFileName,
  type BuildExportOptions,
  type ExportFormat,
  type NamedFile,
} from './build-export.ts';

export interface WriteExportOptions extends BuildExportOptions {
  /** A file for every format but png and svg, for which it is a folder (created if missing). */
  outPath: string;
}

function isFolderFormat(format: ExportFormat): boolean {
  return format === 'png' || format === 'svg';
}

/** Checks the output path before any work, so a mistake costs nothing and writes nothing. */
async function checkOutPath(o: WriteExportOptions): Promise<void> {
  if (!o.outPath) throw new Error('no output path given (--out PATH)');
  const out = path.resolve(o.outPath);
  const folder = isFolderFormat(o.format);
  const existing = await stat(out).catch(() => null);
  if (existing && folder && !existing.isDirectory()) {
    throw new Error(`${o.outPath} is a file; ${o.format} export writes a folder of pictures`);
  }
  if (existing && !folder && existing.isDirectory()) {
    const ext = o.format === 'debrief' ? 'docx' : o.format;
    throw new Error(`${o.outPath} is a folder; give a file name, for example export.${ext}`);
  }
  const target = existing && folder ? out : path.dirname(out);
  try {
    await access(target, constants.W_OK);
  } catch {
    throw new Error(`cannot write to ${target}: it does not exist or is not writable`);
  }
}

/** Writes a file whole or not at all: into a temporary name beside it, then renamed. */
async function writeWhole(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.partial`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function writeFolder(folder: string, files: readonly NamedFile[]): Promise<string[]> {
  const created = !(await stat(folder).catch(() => null));
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  try {
    for (const f of files) {
      const file = path.join(folder, f.name);
      await writeWhole(file, f.data);
      written.push(file);
    }
  } catch (e) {
    // Take back what this export wrote, so a failure leaves no half set of pictures.
    await Promise.all(written.map((w) => rm(w, { force: true })));
    if (created) await rm(folder, { recursive: true, force: true });
    throw e;
  }
  return written;
}

/**
 * Writes one export of a programme. Everything is built in memory first (buildExport) and
 * then written whole, so a failure leaves no partial file. Redaction is on unless
 * `includePersonalData`.
 *
 * @example await writeExport(snapshot, { format: 'docx', outPath: 'report.docx', onProgress: console.log })
 */
export async function writeExport(
  snapshot: ProgrammeSnapshot,
  options: WriteExportOptions,
): Promise<{ files: string[] }> {
  checkExportOptions(snapshot, options);
  await checkOutPath(options);
  const files = await buildExport(snapshot, options);
  const out = path.resolve(options.outPath);
  if (isFolderFormat(options.format)) return { files: await writeFolder(out, files) };
  const [file] = files;
  if (!file) throw new Error(`the ${options.format} export produced no file`);
  await writeWhole(out, file.data);
  options.onProgress?.({ stage: 'written', done: 1, total: 1 });
  return { files: [out] };
}
