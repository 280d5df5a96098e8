import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './primitives.ts';

export const STORY_TURN_OUTCOMES = ['told', 'passed'] as const;

/** One person's turn: the story they told (a note of kind story) or that they passed. */
export const storyTurnSchema = z
  .object({
    participantId: idSchema,
    outcome: z.enum(STORY_TURN_OUTCOMES),
    noteId: idSchema.nullable(),
    at: isoDateTimeSchema,
  })
  .strict();
export type StoryTurn = z.infer<typeof storyTurnSchema>;

/**
 * A story round in progress: each person present in turn tells their own story of the service,
 * for a set time each, or passes. Who speaks is held by participant id only (descriptors and
 * names stay in the store).
 */
export const storyRoundSchema = z
  .object({
    stepId: idSchema,
    secondsEach: z.number().int().min(30).max(3600),
    order: z.array(idSchema).min(1).max(500),
    /** Index into `order` of who speaks now; `order.length` once everyone has had a turn. */
    current: z.number().int().min(0),
    turnStartedAt: isoDateTimeSchema.nullable(),
    turns: z.array(storyTurnSchema).max(500),
  })
  .strict();
export type StoryRound = z.infer<typeof storyRoundSchema>;

/** Starts a round through `people` in the given order; the first turn starts at `now`. */
export function startStoryRound(
  stepId: string,
  people: readonly string[],
  secondsEach: number,
  now: number,
): StoryRound {
  const order = [...new Set(people)];
  if (order.length === 0) throw new Error('a story round needs at least one person');
  return storyRoundSchema.parse({
    stepId,
    secondsEach,
    order,
    current: 0,
    turnStartedAt: new Date(now).toISOString(),
    turns: [],
  });
}

/** Who speaks now, or null when the round is over. */
export function currentSpeaker(r: StoryRound): string | null {
  return r.order[r.current] ?? null;
}

export function roundFinished(r: StoryRound): boolean {
  return r.current >= r.order.length;
}

/**
 * Ends the current turn (a story told as note `noteId`, or a pass) and starts the next person's.
 * @example endTurn(round, { outcome: 'passed' }, Date.now())
 */
export function endTurn(
  r: StoryRound,
  turn: { outcome: 'told'; noteId: string } | { outcome: 'passed' },
  now: number,
): StoryRound {
  const speaker = currentSpeaker(r);
  if (speaker === null) throw new Error('the story round is over');
  const at = new Date(now).toISOString();
  const next = r.current + 1;
  return {
    ...r,
    current: next,
    turnStartedAt: next < r.order.length ? at : null,
    turns: [
      ...r.turns,
      {
        participantId: speaker,
        outcome: turn.outcome,
        noteId: turn.outcome === 'told' ? turn.noteId : null,
        at,
      },
    ],
  };
}

/** Seconds left in the current turn at `now` (never below zero). */
export function turnSecondsLeft(r: StoryRound, now: number): number {
  if (r.turnStartedAt === null) return 0;
  const used = (now - Date.parse(r.turnStartedAt)) / 1000;
  return Math.max(0, Math.ceil(r.secondsEach - used));
}
