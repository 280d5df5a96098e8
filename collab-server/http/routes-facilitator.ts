import {
  formatIssues,
  newProgrammeSchema,
  makeDemoProgramme,
  programmeFromTemplate,
  type Session,
} from '../../core/index.ts';
import { grantMembership, mayReachProgramme, programmesOf } from '../auth/memberships.ts';
import { TooManyOpenSessionsError, type JoinInfo } from '../auth/join-codes.ts';
import { exportSnapshot, importSnapshot } from '../store/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/** What a facilitator's screen shows to put the session up for joining. */
export function joinView(ctx: ApiContext, info: JoinInfo) {
  return {
    code: info.code,
    codeDisplay: info.codeDisplay,
    // The key travels in the fragment, which browsers never send to a server or in a Referer.
    link: `${ctx.publicUrl()}/join#${info.linkKey}`,
  };
}

function sessionOr404(ctx: ApiContext, id: string): Session {
  const s = ctx.store.records.getSession(id);
  if (!s) throw new HttpError(404, 'not-found', 'There is no such session.');
  return s;
}

export function addFacilitatorRoutes(router: Router, ctx: ApiContext): void {
  router.add('GET', /^\/api\/programmes$/, ({ req, res, url }) => {
    const who = requireRole(ctx, req, url, 'facilitator', 'observer');
    const all = ctx.store.records.listProgrammes();
    // An account sees the programmes it is a member of; the desktop's local user sees all.
    const mine = who.userId === null ? null : programmesOf(ctx.store, who.userId);
    sendJson(res, 200, { ok: true, programmes: mine ? all.filter((p) => mine.has(p.id)) : all });
  });

  // A new programme planned from a template: its sessions, agendas and codebook, no people yet.
  router.add('POST', /^\/api\/programmes$/, async ({ req, res, url }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const parsed = newProgrammeSchema.safeParse(await readJson(req, ctx.limits.maxHttpBodyBytes));
    if (!parsed.success) throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
    const { template, ...details } = parsed.data;
    const snapshot = programmeFromTemplate(template, details);
    ctx.store.transaction(() => {
      importSnapshot(ctx.store, snapshot, who.userId ?? 'desktop');
      // Whoever plans a programme is its first member.
      if (who.userId !== null)
        grantMembership(ctx.store, snapshot.programme.id, who.userId, who.userId);
    });
    sendJson(res, 201, { ok: true, id: snapshot.programme.id });
  });

  // The demo programme in one click, so a first start shows a full workspace.
  router.add('POST', /^\/api\/programmes\/demo$/, ({ req, res, url }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const demo = makeDemoProgramme();
    const id = demo.programme.id;
    if (!ctx.store.records.hasProgramme(id))
      ctx.store.transaction(() => {
        importSnapshot(ctx.store, demo, who.userId ?? 'desktop');
        if (who.userId !== null) grantMembership(ctx.store, id, who.userId, who.userId);
      });
    else if (!mayReachProgramme(ctx.store, who, id))
      // Made by someone else, and perhaps no longer only fictional: joining it is an admin's call.
      throw new HttpError(
        403,
        'not-a-member',
        'The demo programme exists already and you are not a member of it. An administrator can add you.',
      );
    sendJson(res, 200, { ok: true, id });
  });

  router.add('GET', new RegExp(`^/api/programmes/${ID}$`), ({ req, res, url, params }) => {
    requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    const programme = ctx.store.records.getProgramme(id);
    if (!programme) throw new HttpError(404, 'not-found', 'There is no such programme.');
    const sessions = ctx.store.records.listSessions(id).map((s) => ({
      ...s,
      docs: { session: `session/${s.id}`, room: `room/${s.id}` },
      present: ctx.registry.loadedHub(s.id)?.presence.count ?? 0,
      // The overview's debrief countdown stops once the group has confirmed the debrief.
      debriefConfirmedAt: ctx.registry.hub(s.id)?.sessionDoc.debrief().confirmedAt ?? null,
    }));
    sendJson(res, 200, { ok: true, programme, sessions, doc: `programme/${id}` });
  });

  // Opening a session issues its join code; closing it kills the code and the link at once.
  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/open$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      let info: JoinInfo;
      try {
        info = setStatus(ctx, id, 'open', () => ctx.codes.issue(id));
      } catch (e) {
        if (e instanceof TooManyOpenSessionsError)
          throw new HttpError(409, 'too-many-open', e.message);
        throw e;
      }
      ctx.store.audit(who.userId ?? 'desktop', 'session.open', id);
      await ctx.committer.synced();
      sendJson(res, 200, { ok: true, status: 'open', ...joinView(ctx, info) });
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/sessions/${ID}/close$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      setStatus(ctx, id, 'closed', () => ctx.codes.revoke(id));
      ctx.store.audit(who.userId ?? 'desktop', 'session.close', id);
      await ctx.committer.synced();
      sendJson(res, 200, { ok: true, status: 'closed' });
    },
  );

  router.add('GET', new RegExp(`^/api/sessions/${ID}/join$`), ({ req, res, url, params }) => {
    requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    const s = sessionOr404(ctx, id);
    const info = ctx.codes.get(id);
    if (s.status !== 'open' || !info)
      throw new HttpError(409, 'session-closed', 'Open the session to get its join code.');
    sendJson(res, 200, { ok: true, status: s.status, ...joinView(ctx, info) });
  });

  /**
   * The people of a programme, as a facilitator needs them to act on a request to be erased:
   * how reports refer to them, where they took part, and whether their words may be kept.
   * Contact details stay in the store (they are not needed to find someone's words).
   */
  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/participants$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      if (!ctx.store.records.hasProgramme(id))
        throw new HttpError(404, 'not-found', 'There is no such programme.');
      const titles = new Map(ctx.store.records.listSessions(id).map((s) => [s.id, s.title]));
      const participants = ctx.store.participants.list(id).map((p) => ({
        id: p.id,
        descriptor: p.descriptor,
        cohort: p.cohort,
        attended: p.attendance
          .filter((a) => a.attended)
          .map((a) => titles.get(a.sessionId) ?? a.sessionId),
        keepsWords: p.consent.storeWords.given,
      }));
      sendJson(res, 200, { ok: true, participants });
    },
  );

  // A participant who asks, after the session, for their words to be removed.
  router.add(
    'POST',
    new RegExp(`^/api/participants/${ID}/erase$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      // Answered once the words have left the database file (see StoreScrubber).
      const done = await ctx.writes.eraseOnRequest(params[0] as string, who.userId ?? 'desktop');
      if (!done) throw new HttpError(404, 'not-found', 'There is no such participant.');
      sendJson(res, 200, { ok: true, removed: done.removed });
    },
  );

  // Exports: the one thing observers (commissioners) may do.
  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/exports/([A-Za-z0-9_.-]{1,80})$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator', 'observer');
      const [id, name] = params as [string, string];
      const exporter = ctx.exporters[name];
      if (!exporter)
        throw new HttpError(
          404,
          'not-found',
          `No export called ${name}.`,
          {},
          {
            available: Object.keys(ctx.exporters),
          },
        );
      if (!ctx.store.records.hasProgramme(id))
        throw new HttpError(404, 'not-found', 'There is no such programme.');
      // Live edits are committed as they happen, so the store holds them; the newest may still
      // be on their way to the disk, and nothing may leave the server before it is durable.
      const snapshot = exportSnapshot(ctx.store, id);
      await ctx.committer.synced();
      const sessionId = url.searchParams.get('session') ?? undefined;
      if (sessionId !== undefined && !snapshot.sessions.some((x) => x.session.id === sessionId))
        throw new HttpError(404, 'not-found', 'There is no such session in this programme.');
      const file = await exporter(snapshot, sessionId === undefined ? {} : { sessionId });
      ctx.store.audit(who.userId ?? 'desktop', 'export.download', id, {
        name,
        ...(sessionId ? { sessionId } : {}),
      });
      const body = typeof file.body === 'string' ? Buffer.from(file.body) : Buffer.from(file.body);
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': body.byteLength,
        'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9_.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    },
  );
}

/** Changes a session's status and lets the room show it, in one unit of work. */
function setStatus<T>(
  ctx: ApiContext,
  id: string,
  status: Session['status'],
  alongside: () => T,
): T {
  const s = sessionOr404(ctx, id);
  const programmeId = ctx.store.records.sessionProgrammeId(id) as string;
  return ctx.committer.run(() => {
    const out = alongside();
    if (s.status !== status) ctx.store.records.putSession(programmeId, { ...s, status });
    ctx.registry.loadedHub(id)?.projector.markHeader();
    return out;
  });
}
