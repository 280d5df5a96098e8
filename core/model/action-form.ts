import { z } from 'zod';
import { ACTION_STATUSES, ACTION_TERMS } from './action.ts';
import { idSchema } from './primitives.ts';

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * An action as a facilitator types it. The due date arrives as the text of a date field: blank
 * means no date; anything else must be a real calendar date.
 */
export const actionFormSchema = z
  .object({
    heard: z
      .string()
      .trim()
      .min(1, 'Say what was heard: the words people used, or a short summary.')
      .max(2000, 'Keep what was heard to 2,000 characters.'),
    done: z.string().trim().max(2000, 'Keep what was done to 2,000 characters.'),
    owner: z.string().trim().max(200, 'Keep the owner to 200 characters.'),
    due: z
      .string()
      .trim()
      .refine((v) => v === '' || isCalendarDate(v), {
        message: 'Enter the due date as a real date, such as 2026-03-14, or leave it blank.',
      })
      .transform((v) => (v === '' ? null : v)),
    status: z.enum(ACTION_STATUSES),
    term: z.enum(ACTION_TERMS),
    themeIds: z.array(idSchema).max(50),
    noteIds: z.array(idSchema).max(200),
    shared: z.boolean(),
  })
  .strict();
export type ActionFormInput = z.input<typeof actionFormSchema>;

export const recommendationFormSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Write the recommendation.')
      .max(2000, 'Keep the recommendation to 2,000 characters.'),
    themeIds: z.array(idSchema).max(50),
    noteIds: z.array(idSchema).max(200),
  })
  .strict();
export type RecommendationFormInput = z.input<typeof recommendationFormSchema>;

export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'not-doing': 'Not doing',
};
export const ACTION_TERM_LABELS: Record<(typeof ACTION_TERMS)[number], string> = {
  short: 'Short term',
  long: 'Long term',
};
