import { z } from 'zod';
import { ACTION_STATUSES, ACTION_TERMS } from './action.ts';
import { idSchema, isoDateSchema } from './primitives.ts';

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
      .transform((v) => (v === '' ? null : v))
      .pipe(isoDateSchema.nullable())
      .refine((v) => v === null || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
        message: 'Enter the due date as a real date, such as 2026-03-14, or leave it blank.',
      }),
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
