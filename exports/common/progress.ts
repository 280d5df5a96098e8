/** Progress of a long export, for a CLI progress line or the app's progress bar. */
export interface ExportProgress {
  stage: string;
  done: number;
  total: number;
}

export type ProgressFn = (p: ExportProgress) => void;

/** Reports steps of a known total; `step` names the stage just started. */
export function progressTracker(total: number, onProgress?: ProgressFn) {
  let done = 0;
  return {
    step(stage: string) {
      onProgress?.({ stage, done, total });
      done += 1;
    },
    finish(stage = 'done') {
      onProgress?.({ stage, done: total, total });
    },
  };
}
