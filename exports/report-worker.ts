import { parentPort, workerData } from 'node:worker_threads';
import type { ProgrammeSnapshot } from '../core/index.ts';
import { buildFirstFile, type WorkerBuildOptions } from './report-build.ts';
import type { WorkerMessage } from './report-worker-pool.ts';

/*
 * The body of a document build's worker thread: builds the export it was asked for from the
 * snapshot it was given,
 * posting each stage as it starts, then the file (its bytes transferred, not copied).
 */
const port = parentPort;
if (!port) throw new Error('report-worker.ts runs only as a worker thread');
const { snapshot, options } = workerData as {
  snapshot: ProgrammeSnapshot;
  options: WorkerBuildOptions;
};
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
try {
  const file = await buildFirstFile(snapshot, options, (progress) =>
    post({ type: 'progress', progress }),
  );
  // A Buffer may be a view of a shared pool: copy into a buffer of its own to transfer it.
  const data = new Uint8Array(file.data);
  post({ type: 'done', filename: file.filename, data }, [data.buffer]);
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
