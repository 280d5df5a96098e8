import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DownloadName, ProgrammeSnapshot } from '../core/index.ts';
import { writeExport, type WriteExportOptions } from './write-export.ts';

/** One file a facilitator or observer can download from the server (same shape the server expects). */
export interface DownloadFile {
  contentType: string;
  filename: string;
  body: Uint8Array;
}

export type Download = (snapshot: ProgrammeSnapshot) => Promise<DownloadFile>;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Runs the same `writeExport` the CLI uses into a private temporary folder and hands back the
 * bytes, so a download and a CLI export of the same data are the same file, redaction included.
 */
function viaWriteExport(
  options: Omit<WriteExportOptions, 'outPath'>,
  fileName: (s: ProgrammeSnapshot) => string,
  contentType: string,
): Download {
  return async (snapshot) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cohear-download-'));
    try {
      const filename = fileName(snapshot);
      const [file] = (
        await writeExport(snapshot, { ...options, outPath: path.join(dir, filename) })
      ).files;
      return { contentType, filename, body: await readFile(file as string) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

const named = (suffix: string) => (s: ProgrammeSnapshot) => `${s.programme.id}-${suffix}`;

/**
 * The documents the server offers at `GET /api/programmes/:id/exports/:name`, each redacted as
 * every export is by default. (A session debrief needs a session, so it stays a CLI export.)
 */
export const DOWNLOADS: Readonly<Record<DownloadName, Download>> = {
  'programme-report.docx': viaWriteExport({ format: 'docx' }, named('report.docx'), DOCX),
  'key-theme-table.docx': viaWriteExport(
    { format: 'docx', document: 'key-themes' },
    named('key-themes.docx'),
    DOCX,
  ),
  'key-theme-table.xlsx': viaWriteExport({ format: 'xlsx' }, named('key-themes.xlsx'), XLSX),
  'key-theme-table.csv': viaWriteExport(
    { format: 'csv' },
    named('key-themes.csv'),
    'text/csv; charset=utf-8',
  ),
  'coded-notes.csv': viaWriteExport(
    { format: 'csv', table: 'notes' },
    named('coded-notes.csv'),
    'text/csv; charset=utf-8',
  ),
  'project.qdpx': viaWriteExport({ format: 'qdpx' }, named('project.qdpx'), 'application/zip'),
  'codebook.qdc': viaWriteExport({ format: 'qdc' }, named('codebook.qdc'), 'application/xml'),
};
