import { Worker } from 'node:worker_threads';
import type { ProgrammeSnapshot } from '../core/index.ts';
import type { ExportProgress } from './common/progress.ts';
import type { WorkerBuildOptions } from './report-build.ts';

/** What a report worker tells the thread that started it. */
export type WorkerMessage =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; filename: string; data: Uint8Array }
  | { type: 'error'; message: string };

/**
 * Document builds run at most this many at a time: each is a thread of its own with its own
 * memory, and a machine running a live room has few cores to spare.
 */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(onProgress: (p: ExportProgress) => void): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    onProgress({ stage: 'waiting for another report to finish', done: 0, total: 1 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Builds a document (the programme report, a debrief) in a worker thread, so the server's event
 * loop (live rooms, health checks, the progress polls themselves) keeps answering while clouds
 * are laid out and pages counted, which take seconds on a large programme. Progress arrives as
 * the worker posts it.
 */
export async function buildInWorker(
  snapshot: ProgrammeSnapshot,
  options: WorkerBuildOptions,
  onProgress: (p: ExportProgress) => void = () => {},
): Promise<{ filename: string; data: Uint8Array }> {
  const release = await slot(onProgress);
  try {
    return await new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./report-worker-entry.mjs', import.meta.url), {
        workerData: { snapshot, options },
      });
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
        void worker.terminate();
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress(m.progress);
        else if (m.type === 'done')
          settle(() => resolve({ filename: m.filename, data: Buffer.from(m.data.buffer) }));
        else settle(() => reject(new Error(m.message)));
      });
      worker.on('error', (e) => settle(() => reject(e)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`the report worker stopped (exit code ${code})`))),
      );
    });
  } finally {
    release();
  }
}
