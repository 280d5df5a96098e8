import { z } from 'zod';
import { idSchema, isoDateSchema, shortText } from './primitives.ts';

export const SESSION_KINDS = [
  'planning',
  'co-production',
  'focus-group',
  'persona-walkthrough',
  'reflect-back',
  'debrief',
] as const;
export const sessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof sessionKindSchema>;

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  planning: 'Planning meeting',
  'co-production': 'Co-production group',
  'focus-group': 'Focus group',
  'persona-walkthrough': 'Persona walkthrough',
  'reflect-back': 'Reflect-back session',
  debrief: 'Debrief',
};

export const SESSION_MODES = ['in-person', 'online', 'hybrid'] as const;
export const sessionModeSchema = z.enum(SESSION_MODES);
export type SessionMode = z.infer<typeof sessionModeSchema>;

export const SESSION_STATUSES = ['planned', 'open', 'closed'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);

/** The details of a session that are planned ahead; what happens live is in the session document. */
export const sessionSchema = z
  .object({
    id: idSchema,
    title: shortText(),
    kind: sessionKindSchema,
    mode: sessionModeSchema,
    date: isoDateSchema,
    startTime: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'expected a time such as 18:30')
      .nullable(),
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    venue: z.string().max(300),
    cohort: z.string().max(200),
    registeredCount: z.number().int().min(0).max(100_000),
    facilitators: z.array(shortText()).max(20),
    recordingAgreed: z.boolean(),
    status: sessionStatusSchema,
    /** Kept for its notes and attendance but no longer part of the plan (deleting it would lose them). */
    archived: z.boolean().optional(),
  })
  .strict();
export type Session = z.infer<typeof sessionSchema>;
