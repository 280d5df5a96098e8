import type { AgendaStep, Note } from '../model/index.ts';

export interface StepChange {
  stepId: string | null;
  at: string;
}

/**
 * When each step was current while the session ran live. The session document's step log says
 * so exactly; a session run before the log existed still has its live notes, each captured
 * against the step the room was on, which date the steps nearly as well. Empty when the session
 * never ran live.
 */
export function stepTimeline(
  agenda: readonly AgendaStep[],
  stepLog: readonly StepChange[],
  liveNotes: readonly Pick<Note, 'createdAt' | 'stepId'>[],
): StepChange[] {
  const known = new Set(agenda.map((s) => s.id));
  const from =
    stepLog.length > 0
      ? stepLog
      : [...liveNotes]
          .filter((n) => n.stepId !== null)
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
          .map((n) => ({ stepId: n.stepId, at: n.createdAt }));
  const out: StepChange[] = [];
  for (const c of from) {
    if (c.stepId !== null && !known.has(c.stepId)) continue;
    if (out.length > 0 && out[out.length - 1]?.stepId === c.stepId) continue;
    out.push(c);
  }
  return out;
}

/**
 * The step current at an instant: the last change at or before it; before the first change, the
 * first step the room was shown (a recording starts a little before the first step).
 */
export function stepAt(timeline: readonly StepChange[], at: string): string | null {
  let current = timeline[0]?.stepId ?? null;
  for (const c of timeline) {
    if (c.at > at) break;
    current = c.stepId;
  }
  return current;
}
