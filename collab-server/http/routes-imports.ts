import { z } from 'zod';
import {
  ImportError,
  MAX_IMPORT_BYTES,
  PAPER_NOTE_FIELDS,
  PAPER_NOTE_FIELD_LABELS,
  formatIssues,
  idSchema,
  isoDateTimeSchema,
} from '../../core/index.ts';
import {
  NothingToUndoError,
  ImportLog,
  UnknownSessionError,
  importPaperNotes,
  importRegistrations,
  importTranscript,
  liveDocAccess,
  preparePaperNotes,
  prepareRegistrations,
  prepareTranscript,
  undoLastImport,
  type PaperNotesPreview,
  type RegistrationsPreview,
  type TranscriptPreview,
} from '../imports/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/** The file travels base64-encoded inside the JSON body: a third larger, and one validated shape. */
const MAX_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 256 * 1024;

const mappingOf = <T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .array(z.enum([...fields, 'ignore']).nullable())
    .max(500)
    .nullable()
    .optional();

const file = {
  sessionId: idSchema,
  fileName: z.string().trim().min(1).max(255),
  data: z.base64().max(MAX_BODY_BYTES),
};

const speakerTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), participantId: idSchema }).strict(),
  z.object({ kind: z.literal('new'), descriptor: z.string().trim().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('facilitator') }).strict(),
  z.object({ kind: z.literal('leave-out') }).strict(),
]);

export const importRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('registrations'),
      ...file,
      // The programme's own questions are among the choices, so the fields are checked against
      // the programme when the file is read (readRegistrations), not here.
      mapping: z.array(z.string().trim().min(1).max(60).nullable()).max(500).nullable().optional(),
      cohort: z.string().trim().max(200).nullable().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('transcript'),
      ...file,
      speakers: z.record(z.string().max(200), speakerTargetSchema).optional(),
      step: z
        .discriminatedUnion('mode', [
          z.object({ mode: z.literal('timeline') }).strict(),
          z.object({ mode: z.literal('step'), stepId: idSchema.nullable() }).strict(),
        ])
        .optional(),
      recordingStartedAt: isoDateTimeSchema.nullable().optional(),
      consentGiven: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('notes'),
      ...file,
      mapping: mappingOf(PAPER_NOTE_FIELDS),
      consentGiven: z.boolean().optional(),
    })
    .strict(),
]);
type ImportRequest = z.infer<typeof importRequestSchema>;

async function readRequest(req: Parameters<typeof readJson>[0]): Promise<ImportRequest> {
  let raw: unknown;
  try {
    raw = await readJson(req, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof HttpError && e.status === 413)
      throw new HttpError(
        413,
        'too-large',
        `The file is too large: an import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
      );
    throw e;
  }
  const parsed = importRequestSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
  return parsed.data;
}

function fileRequest(programmeId: string, r: ImportRequest) {
  return {
    programmeId,
    sessionId: r.sessionId,
    fileName: r.fileName,
    bytes: new Uint8Array(Buffer.from(r.data, 'base64')),
  };
}

/** A file's problems as the client shows them: the message, and each place. */
function asHttp(e: unknown): never {
  if (e instanceof ImportError)
    throw new HttpError(
      422,
      'invalid-file',
      e.message.split('\n')[0] as string,
      {},
      { problems: e.problems },
    );
  if (e instanceof UnknownSessionError) throw new HttpError(404, 'not-found', e.message);
  if (e instanceof NothingToUndoError) throw new HttpError(409, 'nothing-to-undo', e.message);
  throw e;
}

/**
 * What the preview sends back: the mapping and counts a facilitator decides on, never the
 * rows' contact details or the transcript's words.
 */
function previewView(p: RegistrationsPreview | TranscriptPreview | PaperNotesPreview) {
  const common = { problems: p.problems, ready: p.problems.length === 0 && p.plan !== null };
  switch (p.kind) {
    case 'registrations':
      return {
        ...common,
        kind: p.kind,
        targets: p.targets,
        rows: p.rows,
        columns: p.columns,
        warnings: p.warnings,
        create: p.plan?.create.length ?? 0,
        update: p.plan?.update.length ?? 0,
        unchanged: p.plan?.unchanged ?? 0,
        newDescriptors: p.plan?.create.slice(0, 50).map((c) => c.descriptor) ?? [],
      };
    case 'notes':
      return {
        ...common,
        kind: p.kind,
        targets: PAPER_NOTE_FIELD_LABELS,
        rows: p.rows,
        columns: p.columns,
        warnings: p.warnings,
        notes: (p.plan?.notes.length ?? 0) - p.alreadyThere,
        alreadyThere: p.alreadyThere,
        newThemes: p.plan?.newThemes.map((t) => t.name) ?? [],
        newParticipants: p.plan?.newParticipants.map((x) => x.descriptor) ?? [],
      };
    case 'transcript':
      return {
        ...common,
        kind: p.kind,
        format: p.format,
        turns: p.turns,
        speakers: p.speakers,
        steps: p.steps,
        hasTimeline: p.hasTimeline,
        hasTimes: p.hasTimes,
        recordingStartedAt: p.recordingStartedAt,
        notes: p.plan?.notes.length ?? 0,
        leftOut: p.plan?.leftOut ?? 0,
        newParticipants: p.plan?.newParticipants.map((x) => x.descriptor) ?? [],
        byStep: Object.entries(
          (p.plan?.notes ?? []).reduce<Record<string, number>>((acc, n) => {
            const k = n.stepId ?? '';
            acc[k] = (acc[k] ?? 0) + 1;
            return acc;
          }, {}),
        ).map(([stepId, notes]) => ({ stepId: stepId || null, notes })),
      };
  }
}

function programmeOr404(ctx: ApiContext, id: string): void {
  if (!ctx.store.records.hasProgramme(id))
    throw new HttpError(404, 'not-found', 'There is no such programme.');
}

/** Imports of attendee lists, transcripts and typed-up notes, and undo of the last one. */
export function addImportRoutes(router: Router, ctx: ApiContext): void {
  const access = () => liveDocAccess(ctx.store, ctx.committer, ctx.registry);

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/imports/preview$`),
    async ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const pid = params[0] as string;
      programmeOr404(ctx, pid);
      const r = await readRequest(req);
      const f = fileRequest(pid, r);
      try {
        const preview =
          r.kind === 'registrations'
            ? await prepareRegistrations(ctx.store, { ...f, mapping: r.mapping, cohort: r.cohort })
            : r.kind === 'notes'
              ? await preparePaperNotes(ctx.store, { ...f, mapping: r.mapping })
              : await prepareTranscript(ctx.store, {
                  ...f,
                  speakers: r.speakers,
                  step: r.step,
                  recordingStartedAt: r.recordingStartedAt,
                });
        sendJson(res, 200, { ok: true, preview: previewView(preview) });
      } catch (e) {
        asHttp(e);
      }
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/imports$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const actor = who.userId ?? 'desktop';
      const pid = params[0] as string;
      programmeOr404(ctx, pid);
      const r = await readRequest(req);
      const f = fileRequest(pid, r);
      try {
        const record =
          r.kind === 'registrations'
            ? await importRegistrations(
                access(),
                { ...f, mapping: r.mapping, cohort: r.cohort },
                actor,
              )
            : r.kind === 'notes'
              ? await importPaperNotes(
                  access(),
                  { ...f, mapping: r.mapping, consentGiven: r.consentGiven ?? false },
                  actor,
                )
              : await importTranscript(
                  access(),
                  {
                    ...f,
                    speakers: r.speakers ?? {},
                    step: r.step,
                    recordingStartedAt: r.recordingStartedAt,
                    consentGiven: r.consentGiven ?? false,
                  },
                  actor,
                );
        await ctx.committer.synced();
        sendJson(res, 200, { ok: true, import: record });
      } catch (e) {
        asHttp(e);
      }
    },
  );

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/imports/last$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const pid = params[0] as string;
      programmeOr404(ctx, pid);
      const last = new ImportLog(ctx.store).last(pid);
      sendJson(res, 200, {
        ok: true,
        last: last && {
          id: last.id,
          kind: last.kind,
          sessionId: last.sessionId,
          at: last.at,
          summary: last.summary,
          undone: last.undone,
        },
      });
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/imports/last/undo$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const pid = params[0] as string;
      programmeOr404(ctx, pid);
      try {
        const undone = undoLastImport(access(), pid, who.userId ?? 'desktop');
        await ctx.committer.synced();
        sendJson(res, 200, {
          ok: true,
          undone: { id: undone.id, kind: undone.kind, summary: undone.summary },
        });
      } catch (e) {
        asHttp(e);
      }
    },
  );
}
