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
    /** Sent by a participant after the session closed, in its late-contributions period. */
    late: z.boolean().optional(),
  })
  .strict();
export type Note = z.infer<typeof noteSchema>;

/** The participant a note's words belong to, if any. */
export function noteParticipantId(note: Note): string | null {
  return note.author.type === 'participant' ? note.author.participantId : note.author.capturedFor;
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
