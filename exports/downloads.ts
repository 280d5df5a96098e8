import type { DownloadName, ProgrammeSnapshot } from '../core/index.ts';
import { buildExport, type BuildExportOptions } from './build-export.ts';
import { buildInWorker } from './report-worker-pool.ts';

/** One file a facilitator or observer can download from the server (the shape the server expects). */
export interface DownloadFile {
  contentType: string;
  filename: string;
  body: Uint8Array | string;
}

export type Download = (
  snapshot: ProgrammeSnapshot,
  options?: { sessionId?: string },
) => Promise<DownloadFile>;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds in memory with the same `buildExport` that `writeExport` (and so the CLI) uses, so a
 * download and a CLI export of the same data are the same bytes, redaction included (documents
 * in a worker thread, running that same function).
 */
function download(options: BuildExportOptions, contentType: string): Download {
  if (contentType === DOCX) {
    // Documents draw clouds and count pages: seconds of work, kept off the server's loop.
    return async (snapshot) => {
      const file = await buildInWorker(snapshot, options);
      return { contentType, filename: file.filename, body: file.data };
    };
  }
  return async (snapshot) => {
    const [file] = await buildExport(snapshot, options);
    if (!file) throw new Error(`the ${options.format} export produced no file`);
    return { contentType, filename: file.name, body: file.data };
  };
}

/**
 * The documents the server offers at `GET /api/programmes/:id/exports/:name` (names and labels
 * in core/downloads.ts). A session debrief needs a session, so it stays a CLI export for now.
 */
export const DOWNLOADS: Readonly<Record<DownloadName, Download>> = {
  'programme-report.docx': download({ format: 'docx' }, DOCX),
  'key-theme-table.docx': download({ format: 'docx', document: 'key-themes' }, DOCX),
  'key-theme-table.xlsx': download({ format: 'xlsx' }, XLSX),
  'key-theme-table.csv': download({ format: 'csv' }, 'text/csv; charset=utf-8'),
  'coded-notes.csv': download({ format: 'csv', table: 'notes' }, 'text/csv; charset=utf-8'),
  'project.qdpx': download({ format: 'qdpx' }, 'application/zip'),
  'codebook.qdc': download({ format: 'qdc' }, 'application/xml'),
};

/**
 * Documents of one session, downloaded with `?session=ID` from the same address
 * (`GET /api/programmes/:id/exports/debrief.docx?session=ID`), from the session's own screen.
 */
export const SESSION_DOWNLOADS: Readonly<Record<'debrief.docx', Download>> = {
  'debrief.docx': async (snapshot, options) => {
    if (!options?.sessionId) throw new Error('the debrief needs a session: add ?session=ID');
    return download({ format: 'debrief', sessionId: options.sessionId }, DOCX)(snapshot);
  },
};
