import { buildExportView, buildKeyThemeTable, slug } from '../core/analysis/index.ts';
import { EXPORT_FORMATS, type ExportFormat, type ProgrammeSnapshot } from '../core/index.ts';
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
export type { NamedFile } from './images.ts';
export { EXPORT_FORMATS, type ExportFormat };

/** What to export; everything but where to write it. */
export interface BuildExportOptions {
  format: ExportFormat;
  /** Required for `debrief`; for xlsx, csv, png, svg and docx with `document: 'key-themes'` it narrows the export to one session. */
  sessionId?: string;
  onProgress?: (p: ExportProgress) => void;
  /** docx: the programme report (default) or the key theme table alone. */
  document?: 'report' | 'key-themes';
  /** docx report: add the appendix of every cloud's words and counts; debrief: the word table below its cloud (off by default). */
  wordTables?: boolean;
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

/** Checks what to export against the programme; throws an Error that says what is wrong. */
export function checkExportOptions(snapshot: ProgrammeSnapshot, o: BuildExportOptions): void {
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
}

/** The file name an export would suggest, for a download or a save dialog. */
export function suggestedFileName(snapshot: ProgrammeSnapshot, o: BuildExportOptions): string {
  const base = slug(snapshot.programme.title);
  const session = o.sessionId === undefined ? '' : `-${slug(o.sessionId)}`;
  switch (o.format) {
    case 'docx':
      return o.document === 'key-themes'
        ? `${base}${session}-key-themes.docx`
        : `${base}-report.docx`;
    case 'debrief':
      return `${base}${session}-debrief.docx`;
    case 'xlsx':
      return `${base}${session}-key-themes.xlsx`;
    case 'csv':
      return `${base}${session}-${o.table === 'notes' ? 'coded-notes' : 'key-themes'}.csv`;
    case 'qdpx':
      return `${base}.qdpx`;
    case 'qdc':
      return `${base}-codebook.qdc`;
    case 'png':
    case 'svg':
      return `${base}${session}-${o.format}`;
  }
}

/**
 * Builds an export in memory: one file for every format but png and svg, which give a set of
 * pictures and their tables. For the app and the server to hand out without touching disk;
 * writeExport writes the same bytes.
 *
 * @example const [report] = await buildExport(snapshot, { format: 'docx' })
 */
export async function buildExport(
  snapshot: ProgrammeSnapshot,
  options: BuildExportOptions,
): Promise<NamedFile[]> {
  checkExportOptions(snapshot, options);
  const view = buildExportView(snapshot, { redact: !options.includePersonalData });
  const date = options.date ?? defaultReportDate(snapshot);
  const { onProgress, sessionId } = options;
  const name = suggestedFileName(snapshot, options);
  const one = (data: string | Buffer): NamedFile[] => [{ name, data }];
  switch (options.format) {
    case 'png':
    case 'svg':
      return imageFiles(view, {
        type: options.format,
        images: options.images,
        sessionId,
        onProgress,
      });
    case 'docx':
      return one(
        options.document === 'key-themes'
          ? await keyThemeDocx(view, { sessionId, date })
          : await programmeReportDocx(view, { date, onProgress, wordTables: options.wordTables }),
      );
    case 'debrief':
      return one(
        await debriefDocx(view, {
          sessionId: sessionId ?? '',
          date,
          onProgress,
          wordTables: options.wordTables,
        }),
      );
    case 'xlsx':
      return one(await keyThemeXlsx(view, { sessionId, generatedAt: date }));
    case 'csv':
      return one(
        options.table === 'notes'
          ? toCsv(
              CODED_NOTES_HEADER,
              codedNoteCells(view).filter(
                (_, i) => sessionId === undefined || view.notes[i]?.session.id === sessionId,
              ),
            )
          : toCsv(KEY_THEME_HEADER, keyThemeCells(buildKeyThemeTable(view, { sessionId }))),
      );
    case 'qdpx':
      onProgress?.({ stage: 'writing the REFI-QDA project', done: 0, total: 1 });
      return one(await qdpxZip(view, { date }));
    case 'qdc':
      return one(codebookOnly(view));
  }
}
