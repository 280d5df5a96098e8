import type { ProgrammeSnapshot } from '../core/index.ts';
import { buildExport } from './build-export.ts';
import type { ExportProgress } from './common/progress.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReportBuildOptions {
  wordTables: boolean;
}

/** The programme report as the report editor downloads it, built on the calling thread. */
export async function buildReportFile(
  snapshot: ProgrammeSnapshot,
  options: ReportBuildOptions,
  onProgress: (p: ExportProgress) => void,
): Promise<{ filename: string; data: Uint8Array }> {
  const [file] = await buildExport(snapshot, {
    format: 'docx',
    wordTables: options.wordTables,
    onProgress,
  });
  if (!file) throw new Error('the report export produced no file');
  const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
  return { filename: file.name, data };
}
