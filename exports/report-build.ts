import type { ProgrammeSnapshot } from '../core/index.ts';
import { type BuildExportOptions, buildExport } from './build-export.ts';
import type { ExportProgress } from './common/progress.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a worker can be asked to build: an export's options, less the progress callback. */
export type WorkerBuildOptions = Omit<BuildExportOptions, 'onProgress'>;

/** One export file (the first, for a format that writes several) built on the calling thread. */
export async function buildFirstFile(
  snapshot: ProgrammeSnapshot,
  options: WorkerBuildOptions,
  onProgress: (p: ExportProgress) => void,
): Promise<{ filename: string; data: Uint8Array }> {
  const [file] = await buildExport(snapshot, { ...options, onProgress });
  if (!file) throw new Error(`the ${options.format} export produced no file`);
  const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
  return { filename: file.name, data };
}
