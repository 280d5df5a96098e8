import { z } from 'zod';
import {
  demographicsSchema,
  idSchema,
  noteKindSchema,
  noteTextSchema,
  polaritySchema,
  voteSchema,
} from '../model/index.ts';

/**
 * The participant write protocol: what a participant's page may ask the server to do, and what
 * it answers. Every write carries a `writeId` the client made; sending it again (after a dropped
 * connection) returns the first answer and changes nothing more.
 */
/** Where the WebSocket endpoint lives; a document is synced at `${COLLAB_PATH}<document name>`. */
export const COLLAB_PATH = '/collab/';

const base = { writeId: idSchema };

export const noteAddSchema = z
  .object({
    ...base,
    type: z.literal('note.add'),
    note: z
      .object({
        id: idSchema,
        text: noteTextSchema,
        kind: noteKindSchema.optional(),
        polarity: polaritySchema.optional(),
        /** Defaults to the step the room is on. */
        stepId: idSchema.nullable().optional(),
      })
      .strict(),
  })
  .strict();

export const noteEditSchema = z
  .object({ ...base, type: z.literal('note.edit'), noteId: idSchema, text: noteTextSchema })
  .strict();

export const noteWithdrawSchema = z
  .object({ ...base, type: z.literal('note.withdraw'), noteId: idSchema })
  .strict();

export const cardVoteSchema = z
  .object({ ...base, type: z.literal('card.vote'), cardId: idSchema, vote: voteSchema.nullable() })
  .strict();

export const cardCommentWriteSchema = z
  .object({
    ...base,
    type: z.literal('card.comment'),
    cardId: idSchema,
    comment: z
      .object({
        id: idSchema,
        text: z.string().trim().min(1, 'expected some text').max(1000, 'at most 1000 characters'),
      })
      .strict(),
  })
  .strict();

export const consentWriteSchema = z
  .object({
    ...base,
    type: z.literal('consent.set'),
    consent: z
      .object({
        storeWords: z.boolean().optional(),
        quoteAnonymously: z.boolean().optional(),
        recording: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

export const demographicsWriteSchema = z
  .object({
    ...base,
    type: z.literal('demographics.set'),
    /** Only the answers being changed; checked against the programme's fields by the server. */
    demographics: demographicsSchema,
  })
  .strict();

export const participantWriteSchema = z.discriminatedUnion('type', [
  noteAddSchema,
  noteEditSchema,
  noteWithdrawSchema,
  cardVoteSchema,
  cardCommentWriteSchema,
  consentWriteSchema,
  demographicsWriteSchema,
]);
export type ParticipantWrite = z.infer<typeof participantWriteSchema>;
export type ParticipantWriteType = ParticipantWrite['type'];

/** Why a write was refused: stable codes the page can translate, plus a readable message. */
export const WRITE_ERROR_CODES = [
  'invalid',
  'not-found',
  'not-yours',
  'id-taken',
  'consent-required',
  'session-closed',
  'rate-limited',
  'unauthorised',
  'server-error',
] as const;
export type WriteErrorCode = (typeof WRITE_ERROR_CODES)[number];

export interface WriteAccepted {
  ok: true;
  writeId: string;
  /** True when this answer is a replay of an earlier acceptance of the same writeId. */
  replayed: boolean;
  /** The id of what was written (the note or comment), when there is one. */
  id?: string;
}

export interface WriteRefused {
  ok: false;
  writeId: string | null;
  error: { code: WriteErrorCode; message: string; path?: string; retryAfterMs?: number };
}

export type WriteResponse = WriteAccepted | WriteRefused;

/** Whether a refusal may succeed if the same write is sent again later. */
export function isRetryable(r: WriteRefused): boolean {
  return r.error.code === 'rate-limited' || r.error.code === 'server-error';
}

export const joinRequestSchema = z.union([
  z.object({ code: z.string().min(1).max(40) }).strict(),
  z.object({ link: z.string().min(1).max(200) }).strict(),
]);
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export interface JoinResponse {
  token: string;
  sessionId: string;
  participantId: string;
  descriptor: string;
  /** The document to sync with the stock y-websocket client: `room/<sessionId>`. */
  roomDoc: string;
  /** Path of the WebSocket endpoint (append the document name). */
  collabPath: string;
}
