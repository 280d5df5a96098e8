import { z } from 'zod';
import {
  duplicateSessionSchema,
  fieldProblems,
  idSchema,
  newSessionSchema,
  programmeDetailsPatchSchema,
  programmeProblems,
  programmeSchema,
  sessionPatchSchema,
  sessionProblems,
  sessionSchema,
  type FieldProblems,
  type Programme,
  type Session,
} from '../../core/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/** A refused edit names each field and what is wrong with it, and nothing is saved. */
function refuse(fields: FieldProblems): never {
  throw new HttpError(
    400,
    'invalid',
    Object.values(fields).join(' '),
    {},
    {
      fields,
    },
  );
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) refuse(fieldProblems(parsed.error));
  return parsed.data;
}

/**
 * Planning a programme after it was created: its details, and adding, editing, duplicating and
 * deleting sessions. Every change is audited with who made it and bumps the programme
 * document's records counter in the same unit of work, so every open app reloads the records.
 */
export function addPlanRoutes(router: Router, ctx: ApiContext): void {
  const actor = (who: { userId: string | null }) => who.userId ?? 'desktop';

  const programmeOr404 = (id: string): Programme => {
    const p = ctx.store.records.getProgramme(id);
    if (!p) throw new HttpError(404, 'not-found', 'There is no such programme.');
    return p;
  };
  const sessionOr404 = (id: string): { session: Session; programmeId: string } => {
    const session = ctx.store.records.getSession(id);
    const programmeId = ctx.store.records.sessionProgrammeId(id);
    if (!session || !programmeId)
      throw new HttpError(404, 'not-found', 'There is no such session.');
    return { session, programmeId };
  };
  const recordsChanged = (programmeId: string) =>
    ctx.registry.programme(programmeId)?.doc.markRecordsChanged();

  router.add('PATCH', new RegExp(`^/api/programmes/${ID}$`), async ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    const before = programmeOr404(id);
    const patch = parse(
      programmeDetailsPatchSchema,
      await readJson(req, ctx.limits.maxHttpBodyBytes),
    );
    const next = programmeSchema.parse({ ...before, ...patch });
    const problems = programmeProblems(next);
    if (Object.keys(problems).length > 0) refuse(problems);
    ctx.committer.run(() => {
      ctx.store.records.putProgramme(next);
      ctx.store.audit(actor(who), 'programme.edit', id, { fields: Object.keys(patch) });
      recordsChanged(id);
    });
    await ctx.committer.synced();
    sendJson(res, 200, { ok: true, programme: next });
  });

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/sessions$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const programmeId = params[0] as string;
      programmeOr404(programmeId);
      const body = parse(newSessionSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      const session: Session = { ...body, status: 'planned' };
      const problems = sessionProblems(session);
      if (Object.keys(problems).length > 0) refuse(problems);
      const owner = ctx.store.records.sessionProgrammeId(session.id);
      // A retried request finds its own session already made; any other clash is refused.
      if (owner !== null) {
        if (owner === programmeId) return sendJson(res, 200, { ok: true, id: session.id });
        throw new HttpError(409, 'id-taken', 'That session id is already used.');
      }
      ctx.committer.run(() => {
        ctx.store.records.putSession(programmeId, session);
        ctx.store.audit(actor(who), 'session.add', session.id, { programmeId });
        recordsChanged(programmeId);
      });
      await ctx.committer.synced();
      sendJson(res, 201, { ok: true, id: session.id });
    },
  );

  router.add('PATCH', new RegExp(`^/api/sessions/${ID}$`), async ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    const { session, programmeId } = sessionOr404(id);
    const patch = parse(sessionPatchSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
    const next = sessionSchema.parse({ ...session, ...patch });
    const problems = sessionProblems(next);
    if (Object.keys(problems).length > 0) refuse(problems);
    ctx.committer.run(() => {
      ctx.store.records.putSession(programmeId, next);
      ctx.store.audit(actor(who), 'session.edit', id, { fields: Object.keys(patch) });
      recordsChanged(programmeId);
      // The room shows the session's title: let it follow.
      ctx.registry.loadedHub(id)?.projector.markHeader();
    });
    await ctx.committer.synced();
    sendJson(res, 200, { ok: true, session: next });
  });

  // A copy of the plan (details, agenda, persona), never of what people said.
  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/duplicate$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      const { session, programmeId } = sessionOr404(id);
      const { id: copyId } = parse(
        duplicateSessionSchema,
        await readJson(req, ctx.limits.maxHttpBodyBytes),
      );
      if (ctx.store.records.sessionProgrammeId(copyId) !== null)
        throw new HttpError(409, 'id-taken', 'That session id is already used.');
      const source = ctx.registry.hub(id);
      if (!source) throw new HttpError(404, 'not-found', 'There is no such session.');
      const agenda = source.sessionDoc.agenda();
      const persona = source.sessionDoc.persona();
      const copy: Session = {
        ...session,
        id: copyId,
        title: `${session.title} (copy)`.slice(0, 200),
        status: 'planned',
      };
      delete copy.archived;
      ctx.committer.run(() => {
        ctx.store.records.putSession(programmeId, copy);
        const hub = ctx.registry.hub(copyId);
        hub?.sessionDoc.write({ agenda, persona });
        ctx.store.audit(actor(who), 'session.duplicate', copyId, { from: id });
        recordsChanged(programmeId);
      });
      await ctx.committer.synced();
      sendJson(res, 201, { ok: true, id: copyId });
    },
  );

  // Deleting asks first (in the app); a session that holds notes or attendance is archived
  // instead, so nothing anyone said or any record of who came is destroyed by a tidy-up.
  router.add('DELETE', new RegExp(`^/api/sessions/${ID}$`), async ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    const { session, programmeId } = sessionOr404(id);
    if (session.status === 'open')
      throw new HttpError(409, 'session-open', 'Close the session before deleting it.');
    const hub = ctx.registry.hub(id);
    const notes = hub?.sessionDoc.notes.all().length ?? 0;
    const people = ctx.store.records.attendanceCount(id);
    const keep = notes > 0 || people > 0;
    ctx.committer.run(() => {
      if (keep) ctx.store.records.putSession(programmeId, { ...session, archived: true });
      else {
        ctx.store.records.deleteSession(id);
        ctx.store.docs.remove(`session/${id}`);
        ctx.store.docs.remove(`room/${id}`);
      }
      ctx.store.audit(actor(who), keep ? 'session.archive' : 'session.delete', id, {
        notes,
        people,
      });
      recordsChanged(programmeId);
    });
    if (!keep) ctx.registry.forget(id);
    await ctx.committer.synced();
    sendJson(res, 200, { ok: true, outcome: keep ? 'archived' : 'deleted', notes, people });
  });

  // Moving a session earlier or later in the plan swaps its date and time with its neighbour's.
  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/sessions/swap$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const programmeId = params[0] as string;
      programmeOr404(programmeId);
      const { a, b } = parse(
        z.object({ a: idSchema, b: idSchema }).strict(),
        await readJson(req, ctx.limits.maxHttpBodyBytes),
      );
      const first = sessionOr404(a);
      const second = sessionOr404(b);
      if (first.programmeId !== programmeId || second.programmeId !== programmeId || a === b)
        throw new HttpError(
          400,
          'invalid',
          'Both sessions must be different sessions of this programme.',
        );
      const [x, y] = [first.session, second.session];
      ctx.committer.run(() => {
        ctx.store.records.putSession(programmeId, { ...x, date: y.date, startTime: y.startTime });
        ctx.store.records.putSession(programmeId, { ...y, date: x.date, startTime: x.startTime });
        ctx.store.audit(actor(who), 'session.reorder', programmeId, { a, b });
        recordsChanged(programmeId);
      });
      await ctx.committer.synced();
      sendJson(res, 200, { ok: true });
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/restore$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      const { session, programmeId } = sessionOr404(id);
      const next: Session = { ...session };
      delete next.archived;
      ctx.committer.run(() => {
        ctx.store.records.putSession(programmeId, next);
        ctx.store.audit(actor(who), 'session.restore', id);
        recordsChanged(programmeId);
      });
      await ctx.committer.synced();
      sendJson(res, 200, { ok: true });
    },
  );
}
