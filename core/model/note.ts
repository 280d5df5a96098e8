import { z } from 'zod';
import { NOTE_MAX_CHARS, idSchema, isoDateTimeSchema, newId, shortText } from './primitives.ts';

export const NOTE_KINDS = ['story', 'comment', 'suggestion'] as const;
export const noteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof noteKindSchema>;

/** Which column of the key theme table a note feeds. */
export const POLARITIES = ['want', 'do-not-want', 'neutral'] as const;
export const polaritySchema = z.enum(POLARITIES);
export type Polarity = z.infer<typeof polaritySchema>;

export const POLARITY_LABELS: Record<Polarity, string> = {
  want: 'What people want to see',
  'do-not-want': 'What people do NOT want to see',
  neutral: 'Other comments',
};

export const noteTextSchema = z
  .string()
  .trim()
  .min(1, 'expected some text')
  .max(NOTE_MAX_CHARS, `a note may hold at most ${NOTE_MAX_CHARS} characters`);

/**
 * Who said it. A participant's own note carries their participant id (a reference into the
 * store, never a name). A facilitator capturing words said aloud names who captured it and,
 * when known, whose words they were.
 */
export const noteAuthorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('participant'), participantId: idSchema }).strict(),
  z
    .object({
      type: z.literal('facilitator'),
      facilitator: shortText(100),
      capturedFor: idSchema.nullable(),
    })
    .strict(),
]);
export type NoteAuthor = z.infer<typeof noteAuthorSchema>;

export const NOTE_ATTRIBUTION_CHOICES = ['group', 'facilitator'] as const;
export const noteAttributionChoiceSchema = z.enum(NOTE_ATTRIBUTION_CHOICES);
export type NoteAttributionChoice = z.infer<typeof noteAttributionChoiceSchema>;

export const noteSchema = z
  .object({
    id: idSchema,
    text: noteTextSchema,
    kind: noteKindSchema,
    stepId: idSchema.nullable(),
    author: noteAuthorSchema,
    createdAt: isoDateTimeSchema,
    polarity: polaritySchema,
    themeIds: z.array(idSchema).max(50),
    quotable: z.boolean(),
    hidden: z.boolean(),
    /** Shown to participants in the room (text only, without author). */
    shared: z.boolean(),
    withdrawn: z.boolean(),
    /**
     * Whose words a facilitator's capture records when they are no one person's: "the group"
     * (a view the room arrived at together) or the facilitator's own observation. Absent on
     * participants' own notes, on captures for a named participant, and on notes made before
     * the field existed (older programme files import unchanged).
     */
    attribution: noteAttributionChoiceSchema.optional(),
    /**
     * Set when a facilitator merged this note into another note that says the same thing: the
     * words and their author are kept (so "said by 3 people" stays true and erasure still finds
     * them), but the board and reports show the statement once. Absent in format-1 files.
     */
    mergedInto: idSchema.nullable().optional(),
    /** Sent by a participant after the session closed, in its late-contributions period. */
    late: z.boolean().optional(),
  })
  .strict();
export type Note = z.infer<typeof noteSchema>;

/** The participant a note's words belong to, if any. */
export function noteParticipantId(note: Note): string | null {
  return note.author.type === 'participant' ? note.author.participantId : note.author.capturedFor;
}

/** Whose contribution a note is, as reports and screens must count and name it. */
export type NoteAttribution =
  | { kind: 'participant'; participantId: string }
  | { kind: 'group' }
  | { kind: 'facilitator'; facilitator: string }
  | { kind: 'unattributed' };

/**
 * The one rule for whose contribution a note is: a participant's (their own note, or words
 * captured for them), the group's, the facilitator's own observation, or unattributed (a capture
 * that did not say). Reports count a group's note as the group's, never as "from 0 people".
 * @example noteAttribution(note).kind === 'group'
 */
export function noteAttribution(note: Note): NoteAttribution {
  if (note.author.type === 'participant')
    return { kind: 'participant', participantId: note.author.participantId };
  if (note.author.capturedFor !== null)
    return { kind: 'participant', participantId: note.author.capturedFor };
  if (note.attribution === 'group') return { kind: 'group' };
  if (note.attribution === 'facilitator')
    return { kind: 'facilitator', facilitator: note.author.facilitator };
  return { kind: 'unattributed' };
}

/** What a scribe chooses when capturing: a registered participant, the group, or themselves. */
export type CaptureOnBehalf =
  { type: 'participant'; participantId: string } | { type: 'group' } | { type: 'facilitator' };

export const captureOnBehalfSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('participant'), participantId: idSchema }).strict(),
  z.object({ type: z.literal('group') }).strict(),
  z.object({ type: z.literal('facilitator') }).strict(),
]);

/** The note fields a capture on behalf of someone sets. */
export function onBehalfFields(
  on: CaptureOnBehalf,
): Pick<Note, 'attribution'> & { capturedFor: string | null } {
  switch (on.type) {
    case 'participant':
      return { capturedFor: on.participantId };
    case 'group':
      return { capturedFor: null, attribution: 'group' };
    case 'facilitator':
      return { capturedFor: null, attribution: 'facilitator' };
  }
}

/**
 * Words said aloud, as a facilitator or scribe captures them: a fresh note with the defaults a
 * capture starts with (untagged, neutral, not shared, not quotable until someone decides).
 * @example session.notes.put(capturedNote({ text: 'Evening clinics', facilitator: 'Scribe' }))
 */
export function capturedNote(
  fields: { text: string; facilitator: string; capturedFor?: string | null } & Partial<
    Omit<Note, 'text' | 'author'>
  >,
): Note {
  const { text, facilitator, capturedFor = null, ...rest } = fields;
  return {
    id: newId('n'),
    kind: 'comment',
    stepId: null,
    createdAt: new Date().toISOString(),
    polarity: 'neutral',
    themeIds: [],
    quotable: false,
    hidden: false,
    shared: false,
    withdrawn: false,
    ...rest,
    text,
    author: { type: 'facilitator', facilitator, capturedFor },
  };
}
