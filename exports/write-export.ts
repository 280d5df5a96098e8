import { mkdir, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { buildExportView, buildKeyThemeTable } from '../core/analysis/index.ts';
import type { ProgrammeSnapshot } from '../core/index.ts';
import type { ExportProgress } from './common/progress.ts';
import { defaultReportDate } from './common/report-date.ts';
import { debriefDocx } from './docx/debrief-report.ts';
import { keyThemeDocx } from './docx/key-theme-docx.ts';
import { programmeReportDocx } from './docx/programme-report.ts';
import { type ImageSelection, type NamedFile, imageFiles } from './images.ts';
import { codebookOnly, qdpxZip } from './qda/project.ts';
import { CODED_NOTES_HEADER, codedNoteCells } from './tables/coded-notes.ts';
import { toCsv } from './tables/csv.ts';
import { KEY_THEME_HEADER, keyThemeCells } from './tables/key-theme-rows.ts';
import { keyThemeXlsx } from './tables/xlsx.ts';

export type { ExportProgress } from './common/progress.ts';
export type ExportFormat = 'docx' | 'debrief' | 'xlsx' | 'csv' | 'qdpx' | 'qdc' | 'png' | 'svg';
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  'docx',
  'debrief',
  'xlsx',
  'csv',
  'qdpx',
  'qdc',
  'png',
  'svg',
];

export interface WriteExportOptions {
  format: ExportFormat;
  /** A file for every format but png and svg, for which it is a folder (created if missing). */
  outPath: string;
  /** Required for `debrief`; for xlsx, csv, png, svg and docx with `document: 'key-themes'` it narrows the export to one session. */
  sessionId?: string;
  onProgress?: (p: ExportProgress) => void;
  /** docx: the programme report (default) or the key theme table alone. */
  document?: 'report' | 'key-themes';
  /** csv: the key theme table (default) or the anonymised coded notes. */
  table?: 'key-themes' | 'notes';
  /** png, svg: every cloud and chart (default), or only one kind. */
  images?: ImageSelection;
  /**
   * Keep note text as written instead of redacting emails, phone numbers, NHS numbers, postcodes
   * and names in it. Off unless asked for. Contact details, hidden and withdrawn notes and the
   * words of people who did not consent are left out either way.
   */
  includePersonalData?: boolean;
  /** The date reports carry; default derived from the data, so the same data gives the same file. */
  date?: Date;
}

/** Checks options before any work, so a mistake costs nothing and writes nothing. */
async function checkOptions(snapshot: ProgrammeSnapshot, o: WriteExportOptions): Promise<void> {
  const formats: readonly string[] = EXPORT_FORMATS;
  if (!formats.includes(o.format)) {
    throw new Error(
      `unknown export format "${o.format}"; expected one of ${EXPORT_FORMATS.join(', ')}`,
    );
  }
  if (o.format === 'debrief' && o.sessionId === undefined) {
    throw new Error('a debrief is of one session: give its id (--session ID)');
  }
  if (o.sessionId !== undefined && !snapshot.sessions.some((s) => s.session.id === o.sessionId)) {
    const known = snapshot.sessions.map((s) => s.session.id).join(', ') || 'none';
    throw new Error(
      `unknown session "${o.sessionId}" in programme ${snapshot.programme.id} (sessions: ${known})`,
    );
  }
  if (
    o.sessionId !== undefined &&
    (o.format === 'qdpx' ||
      o.format === 'qdc' ||
      (o.format === 'docx' && o.document !== 'key-themes'))
  ) {
    throw new Error(
      o.format === 'docx'
        ? 'the programme report covers every session; for one session use --format debrief'
        : `a ${o.format} export covers the whole programme; leave out the session`,
    );
  }
  if (!o.outPath) throw new Error('no output path given (--out PATH)');
  const out = path.resolve(o.outPath);
  const parent = path.dirname(out);
  const folder = o.format === 'png' || o.format === 'svg';
  const existing = await stat(out).catch(() => null);
  if (existing && folder && !existing.isDirectory()) {
    throw new Error(`${o.outPath} is a file; ${o.format} export writes a folder of pictures`);
  }
  if (existing && !folder && existing.isDirectory()) {
    throw new Error(
      `${o.outPath} is a folder; give a file name, for example report.${o.format === 'debrief' ? 'docx' : o.format}`,
    );
  }
  const target = existing && folder ? out : parent;
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
 * Writes one export of a programme. Everything is built in memory first and then written
 * whole, so a failure leaves no partial file. Redaction is on unless `includePersonalData`.
 *
 * @example await writeExport(snapshot, { format: 'docx', outPath: 'report.docx', onProgress: console.log })
 */
export async function writeExport(
  snapshot: ProgrammeSnapshot,
  options: WriteExportOptions,
): Promise<{ files: string[] }> {
  await checkOptions(snapshot, options);
  const view = buildExportView(snapshot, { redact: !options.includePersonalData });
  const date = options.date ?? defaultReportDate(snapshot);
  const out = path.resolve(options.outPath);
  const onProgress = options.onProgress;
  const sessionId = options.sessionId;
  let data: string | Buffer;
  switch (options.format) {
    case 'png':
    case 'svg': {
      const files = imageFiles(view, {
        type: options.format,
        images: options.images,
        sessionId,
        onProgress,
      });
      return { files: await writeFolder(out, files) };
    }
    case 'docx':
      data =
        options.document === 'key-themes'
          ? await keyThemeDocx(view, { sessionId, date })
          : await programmeReportDocx(view, { date, onProgress });
      break;
    case 'debrief':
      data = await debriefDocx(view, { sessionId: sessionId ?? '', date, onProgress });
      break;
    case 'xlsx':
      data = await keyThemeXlsx(view, { sessionId, generatedAt: date });
      break;
    case 'csv':
      data =
        options.table === 'notes'
          ? toCsv(
              CODED_NOTES_HEADER,
              codedNoteCells(view).filter(
                (_, i) => sessionId === undefined || view.notes[i]?.session.id === sessionId,
              ),
            )
          : toCsv(KEY_THEME_HEADER, keyThemeCells(buildKeyThemeTable(view, { sessionId })));
      break;
    case 'qdpx':
      onProgress?.({ stage: 'writing the REFI-QDA project', done: 0, total: 1 });
      data = await qdpxZip(view, { date });
      break;
    case 'qdc':
      data = codebookOnly(view);
      break;
  }
  await writeWhole(out, data);
  onProgress?.({ stage: 'written', done: 1, total: 1 });
  return { files: [out] };
}
