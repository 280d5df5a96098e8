import { z } from 'zod';
import { DEFAULT_DEBRIEF_DUE_DAYS, programmeSchema, type Programme } from './programme.ts';
import { idSchema } from './primitives.ts';
import { sessionSchema, type Session } from './session.ts';

/**
 * What a facilitator may change of a programme's details: any subset of the fields, so two
 * people editing different fields at once both keep their edit (only what changed is sent).
 */
export const programmeDetailsPatchSchema = programmeSchema.omit({ id: true }).partial().strict();
export type ProgrammeDetailsPatch = z.infer<typeof programmeDetailsPatchSchema>;

/** What a facilitator may change of a session's plan; status moves only by opening and closing. */
export const sessionPatchSchema = sessionSchema
  .omit({ id: true, status: true, archived: true })
  .partial()
  .strict();
export type SessionPatch = z.infer<typeof sessionPatchSchema>;

/** A new session as the planner sends it: a client-made id keeps a retried request harmless. */
export const newSessionSchema = sessionSchema.omit({ status: true, archived: true }).strict();
export type NewSession = z.infer<typeof newSessionSchema>;

export const duplicateSessionSchema = z.object({ id: idSchema }).strict();

/** Field name -> what is wrong with it, for messages beside each field. */
export type FieldProblems = Record<string, string>;

/**
 * Rules that hold across fields or that the stored model is too lenient for (files from other
 * tools may hold a zero-length session; a facilitator may not plan one).
 * @example programmeProblems({ ...p, endDate: '2026-01-01', startDate: '2026-02-01' })
 *   // { endDate: 'The end date must be on or after the start date.' }
 */
export function programmeProblems(p: Programme): FieldProblems {
  const out: FieldProblems = {};
  if (p.startDate && p.endDate && p.endDate < p.startDate)
    out.endDate = 'The end date must be on or after the start date.';
  return out;
}

export function sessionProblems(s: Session): FieldProblems {
  const out: FieldProblems = {};
  if (s.durationMinutes < 1) out.durationMinutes = 'A session must last at least one minute.';
  return out;
}

/** Turns zod's issues into one message per top-level field, in words a facilitator reads. */
export function fieldProblems(error: z.ZodError): FieldProblems {
  const out: FieldProblems = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] =
      issue.code === 'unrecognized_keys' ? 'This field cannot be changed here.' : issue.message;
  }
  return out;
}

/** The day a session's debrief is due: the session's date plus the programme's setting. */
export function debriefDueDate(
  sessionDate: string,
  programme: Pick<Programme, 'debriefDueDays'>,
): string {
  const days = programme.debriefDueDays ?? DEFAULT_DEBRIEF_DUE_DAYS;
  const d = new Date(`${sessionDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `today` to `date` (both YYYY-MM-DD): negative when it has passed. */
export function daysUntil(date: string, today: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
