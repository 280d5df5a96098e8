import { z } from 'zod';
import {
  captureOnBehalfSchema,
  capturedNote,
  formatIssues,
  idSchema,
  noteKindSchema,
  noteTextSchema,
  onBehalfFields,
  polaritySchema,
  type Note,
} from '../../core/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/** Origin of captures written by the server, so nothing mistakes them for a client's sync. */
export const CAPTURE_ORIGIN = Symbol('cohear-capture');

/** Words said aloud, typed by a facilitator or scribe on someone's behalf. */
export const captureRequestSchema = z
  .object({
    /** Client-made, so a capture sent twice (a retry after a dropped answer) is kept once. */
    id: idSchema,
    text: noteTextSchema,
    kind: noteKindSchema.default('comment'),
    polarity: polaritySchema.default('neutral'),
    themeIds: z.array(idSchema).max(50).default([]),
    stepId: idSchema.nullable().default(null),
    on: captureOnBehalfSchema,
  })
  .strict();

/** The end of a story-round turn: the story told (captured for the speaker), or a pass. */
export const storyTurnRequestSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('told'),
      id: idSchema,
      text: noteTextSchema,
      polarity: polaritySchema.default('neutral'),
    })
    .strict(),
  z.object({ outcome: z.literal('passed') }).strict(),
]);

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    // The field lets a screen put the message beside the box it is about.
    throw new HttpError(
      400,
      'invalid',
      formatIssues(parsed.error).join('; '),
      {},
      {
        field: parsed.error.issues[0]?.path.join('.') ?? '',
      },
    );
  return parsed.data;
}

/**
 * Capture enforced by the server: a note is only taken into a session that is open, so a closed
 * session takes no capture (from any screen, however stale) until it is reopened.
 */
function openHub(ctx: ApiContext, sessionId: string) {
  const record = ctx.store.records.getSession(sessionId);
  if (!record) throw new HttpError(404, 'not-found', 'There is no such session.');
  if (record.status !== 'open')
    throw new HttpError(
      409,
      'session-closed',
      record.status === 'closed'
        ? 'This session is closed, so nothing more can be captured. Reopen it to capture again.'
        : 'This session has not been opened yet. Open it to capture notes.',
    );
  const hub = ctx.registry.hub(sessionId);
  if (!hub) throw new HttpError(404, 'not-found', 'There is no such session.');
  return hub;
}

export function addRoomRoutes(router: Router, ctx: ApiContext): void {
  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/captures$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const sessionId = params[0] as string;
      const body = parse(captureRequestSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      const hub = openHub(ctx, sessionId);
      if (body.on.type === 'participant') {
        const programmeId = ctx.store.records.sessionProgrammeId(sessionId);
        if (ctx.store.participants.programmeOf(body.on.participantId) !== programmeId)
          throw new HttpError(
            400,
            'invalid',
            'That participant is not registered in this programme.',
          );
      }
      const existing = hub.sessionDoc.notes.get(body.id);
      if (!existing) {
        const { on, ...fields } = body;
        const note: Note = capturedNote({
          ...fields,
          facilitator: who.name,
          ...onBehalfFields(on),
        });
        ctx.committer.run(() =>
          hub.session.doc.transact(() => hub.sessionDoc.notes.put(note), CAPTURE_ORIGIN),
        );
        ctx.store.audit(who.userId ?? 'desktop', 'note.capture', sessionId, {
          noteId: note.id,
          on: on.type,
        });
      }
      await ctx.committer.synced();
      sendJson(res, existing ? 200 : 201, { ok: true, id: body.id, replayed: Boolean(existing) });
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/story-round/turn$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const sessionId = params[0] as string;
      const body = parse(storyTurnRequestSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      const hub = openHub(ctx, sessionId);
      const round = hub.sessionDoc.storyRound();
      const speaker = round ? (round.order[round.current] ?? null) : null;
      if (!round || speaker === null)
        throw new HttpError(409, 'no-turn', 'No story round is waiting for a speaker.');
      // A retry of a story already taken: the turn has moved on, answer as the first time.
      if (body.outcome === 'told' && hub.sessionDoc.notes.has(body.id)) {
        sendJson(res, 200, { ok: true, replayed: true });
        return;
      }
      const story =
        body.outcome === 'told'
          ? capturedNote({
              id: body.id,
              text: body.text,
              polarity: body.polarity,
              kind: 'story',
              stepId: round.stepId,
              facilitator: who.name,
              capturedFor: speaker,
            })
          : null;
      const next = ctx.committer.run(() => {
        let r = round;
        hub.session.doc.transact(() => {
          r = hub.sessionDoc.endStoryTurn(story, Date.now());
        }, CAPTURE_ORIGIN);
        return r;
      });
      ctx.store.audit(who.userId ?? 'desktop', 'story.turn', sessionId, {
        participantId: speaker,
        outcome: body.outcome,
        noteId: story?.id ?? null,
      });
      await ctx.committer.synced();
      sendJson(res, 201, { ok: true, current: next.current, of: next.order.length });
    },
  );
}
