import { buildExportView } from '../../core/analysis/export-view.ts';
import { buildKeyThemeTable } from '../../core/analysis/key-theme-table.ts';
import type { ProgrammeSnapshot } from '../../core/index.ts';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Uint8Array | string;
}

/** Named exports an observer or facilitator may download: `GET /api/programmes/:id/exports/:name`. */
export type Exporter = (
  snapshot: ProgrammeSnapshot,
  /** From the query string: `?session=ID` narrows an export to one session (the debrief needs it). */
  options: { sessionId?: string },
) => Promise<ExportFile> | ExportFile;
export type ExporterRegistry = Readonly<Record<string, Exporter>>;

/**
 * Built in: redacted JSON (the same view every export starts from: contacts removed, hidden,
 * withdrawn and unconsented notes left out, personal data redacted). The exports module adds the
 * documents (docx, xlsx, svg...) through `ServerOptions.exporters`.
 */
export const BUILTIN_EXPORTERS: ExporterRegistry = {
  'programme-redacted.json': (snapshot) => ({
    contentType: 'application/json',
    filename: `${snapshot.programme.id}-redacted.json`,
    body: JSON.stringify(buildExportView(snapshot).snapshot, null, 2),
  }),
  'key-theme-table.json': (snapshot) => ({
    contentType: 'application/json',
    filename: `${snapshot.programme.id}-key-theme-table.json`,
    body: JSON.stringify(buildKeyThemeTable(buildExportView(snapshot)), null, 2),
  }),
};
