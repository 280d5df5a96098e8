import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './primitives.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The timer of one agenda step, as the session document holds it. Time already run is kept apart
 * from when it was last started, so pausing and resuming never depend on a ticking write: a
 * running timer is written once when started and once when paused, and every screen works out
 * the rest from its own clock.
 */
export const stepTimerSchema = z
  .object({
    stepId: idSchema,
    durationMs: z.number().int().min(0).max(DAY_MS),
    /** When it was last started; null while paused or not yet started. */
    startedAt: isoDateTimeSchema.nullable(),
    /** Time run before `startedAt`. */
    elapsedMs: z.number().int().min(0).max(DAY_MS),
  })
  .strict();
export type StepTimer = z.infer<typeof stepTimerSchema>;

export const MINUTE_MS = 60_000;

/** A fresh, stopped timer for a step planned to take `minutes`. */
export function newStepTimer(stepId: string, minutes: number): StepTimer {
  return { stepId, durationMs: minutes * MINUTE_MS, startedAt: null, elapsedMs: 0 };
}

export function elapsedMs(t: StepTimer, now: number): number {
  const running = t.startedAt === null ? 0 : Math.max(0, now - Date.parse(t.startedAt));
  return Math.min(DAY_MS, t.elapsedMs + running);
}

export function startTimer(t: StepTimer, now: number): StepTimer {
  return t.startedAt !== null ? t : { ...t, startedAt: new Date(now).toISOString() };
}

export function pauseTimer(t: StepTimer, now: number): StepTimer {
  return t.startedAt === null ? t : { ...t, startedAt: null, elapsedMs: elapsedMs(t, now) };
}

export function addMinute(t: StepTimer): StepTimer {
  return { ...t, durationMs: Math.min(DAY_MS, t.durationMs + MINUTE_MS) };
}

/** Back to the start, stopped; the minutes added stay unless `minutes` is given. */
export function resetTimer(t: StepTimer, minutes?: number): StepTimer {
  return {
    ...t,
    startedAt: null,
    elapsedMs: 0,
    durationMs: minutes === undefined ? t.durationMs : minutes * MINUTE_MS,
  };
}

export interface TimerView {
  running: boolean;
  /** Whole seconds left, never below zero. */
  remainingSeconds: number;
  /** Time is up (the gentle signal at the end). */
  ended: boolean;
  /** "mm:ss" (or "h:mm:ss"), for the clock face. */
  clock: string;
  /** A sentence for screen readers, such as "4 minutes 30 seconds left". */
  spoken: string;
}

/** What a timer shows at `now`. */
export function timerView(t: StepTimer, now: number): TimerView {
  const leftMs = Math.max(0, t.durationMs - elapsedMs(t, now));
  const remainingSeconds = Math.ceil(leftMs / 1000);
  const h = Math.floor(remainingSeconds / 3600);
  const m = Math.floor((remainingSeconds % 3600) / 60);
  const s = remainingSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m > 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s > 0 || parts.length === 0) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  const ended = leftMs === 0 && t.durationMs > 0;
  return {
    running: t.startedAt !== null && !ended,
    remainingSeconds,
    ended,
    clock,
    spoken: ended ? 'Time is up' : `${parts.join(' ')} left`,
  };
}
