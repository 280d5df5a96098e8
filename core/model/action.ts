import { z } from 'zod';
import { idSchema, isoDateSchema, longText, shortText } from './primitives.ts';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'not-doing'] as const;
export const ACTION_TERMS = ['short', 'long'] as const;

/** One row of "you said, we did". */
export const actionSchema = z
  .object({
    id: idSchema,
    heard: shortText(2000),
    done: longText(2000),
    owner: z.string().max(200),
    due: isoDateSchema.nullable(),
    status: z.enum(ACTION_STATUSES),
    term: z.enum(ACTION_TERMS),
    themeIds: z.array(idSchema).max(50),
    /** Notes that are the evidence for what was heard (ids of notes in the programme's sessions). */
    noteIds: z.array(idSchema).max(200).optional(),
    /** Shown back to participants in the room, to keep the group engaged. */
    shared: z.boolean(),
  })
  .strict();
export type Action = z.infer<typeof actionSchema>;

export const recommendationSchema = z
  .object({
    id: idSchema,
    text: shortText(2000),
    themeIds: z.array(idSchema).max(50),
    /** Notes that are its evidence; optional so format-1 files read unchanged. */
    noteIds: z.array(idSchema).max(200).optional(),
    order: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type Recommendation = z.infer<typeof recommendationSchema>;
