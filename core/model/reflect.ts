import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, longText, shortText } from './primitives.ts';
import { polaritySchema } from './note.ts';

export const VOTES = ['agree', 'not-quite', 'disagree'] as const;
export const voteSchema = z.enum(VOTES);
export type Vote = z.infer<typeof voteSchema>;

export const cardCommentSchema = z
  .object({
    id: idSchema,
    participantId: idSchema,
    text: shortText(1000),
    at: isoDateTimeSchema,
  })
  .strict();
export type CardComment = z.infer<typeof cardCommentSchema>;

/** A statement read back to the group: "is this what you meant?" */
export const reflectCardSchema = z
  .object({
    id: idSchema,
    text: shortText(1000),
    themeId: idSchema.nullable(),
    polarity: polaritySchema,
    order: z.number().int().min(0).max(1_000_000),
    /** participant id -> vote; one vote each, a later vote replaces an earlier one. */
    votes: z.record(idSchema, voteSchema),
    comments: z.array(cardCommentSchema).max(1000),
  })
  .strict();
export type ReflectCard = z.infer<typeof reflectCardSchema>;

export const debriefSchema = z
  .object({
    dueDate: isoDateSchema.nullable(),
    summary: longText(10_000),
    keyMessages: z.array(shortText(1000)).max(50),
    confirmedWithGroup: z.boolean(),
    confirmedAt: isoDateTimeSchema.nullable(),
    /** The debrief's checklist; absent in files from before it existed. */
    checklist: z
      .object({
        recordingReviewed: z.boolean(),
        keyMessagesWritten: z.boolean(),
        themesConfirmed: z.boolean(),
        summarySent: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Debrief = z.infer<typeof debriefSchema>;

export function emptyDebrief(): Debrief {
  return {
    dueDate: null,
    summary: '',
    keyMessages: [],
    confirmedWithGroup: false,
    confirmedAt: null,
  };
}
