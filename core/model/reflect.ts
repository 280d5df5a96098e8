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
    /**
     * Sent after the session closed, in its late-contributions period (as a note's `late`).
     * Optional, so format-1 programme files import unchanged.
     */
    late: z.boolean().optional(),
  })
  .strict();
export type CardComment = z.infer<typeof cardCommentSchema>;

/**
 * Where a card is in the room: kept as a draft (only facilitators see it), sent (on phones and
 * the projector, votes open, results hidden so no one follows the crowd), results revealed.
 */
export const CARD_STAGES = ['draft', 'sent', 'revealed'] as const;
export const cardStageSchema = z.enum(CARD_STAGES);
export type CardStage = z.infer<typeof cardStageSchema>;

export const CARD_OUTCOMES = ['confirmed', 'amended', 'rejected'] as const;
export const cardOutcomeSchema = z.enum(CARD_OUTCOMES);
export type CardOutcome = z.infer<typeof cardOutcomeSchema>;

/** What the group finally decided about a card, and when. Amended carries the new wording. */
export const cardDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('confirmed'), at: isoDateTimeSchema }).strict(),
  z
    .object({ outcome: z.literal('amended'), wording: shortText(1000), at: isoDateTimeSchema })
    .strict(),
  z.object({ outcome: z.literal('rejected'), at: isoDateTimeSchema }).strict(),
]);
export type CardDecision = z.infer<typeof cardDecisionSchema>;

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
    /**
     * Absent on cards made before cards had stages: those were shown with their results from
     * the start, so they read as revealed (older programme files import unchanged).
     */
    stage: cardStageSchema.optional(),
    sentAt: isoDateTimeSchema.optional(),
    revealedAt: isoDateTimeSchema.optional(),
    /** The group's decision; absent until it is recorded. */
    decision: cardDecisionSchema.optional(),
  })
  .strict();
export type ReflectCard = z.infer<typeof reflectCardSchema>;

/** A card's stage, reading a card from before stages as revealed. */
export function cardStage(card: Pick<ReflectCard, 'stage'>): CardStage {
  return card.stage ?? 'revealed';
}

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
