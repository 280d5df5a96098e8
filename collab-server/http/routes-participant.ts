import { joinRequestSchema, type JoinResponse } from '../../core/client/messages.ts';
import { emptyDemographics, fieldsOrLegacy, newId, noConsent } from '../../core/index.ts';
import { roomDocName } from '../../core/index.ts';
import { COLLAB_PATH } from '../sync/ws-gateway.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, clientAddress, readJson, sendJson, type Router } from './http-kit.ts';

export function addParticipantRoutes(router: Router, ctx: ApiContext): void {
  /**
   * Join with a code (throttled per address and in total) or a link key (per address only).
   * Security decision: the throttle is asked before the code is looked up (see JoinThrottle).
   */
  router.add('POST', /^\/api\/join$/, async ({ req, res }) => {
    const parsed = joinRequestSchema.safeParse(await readJson(req, ctx.limits.maxHttpBodyBytes));
    if (!parsed.success) throw new HttpError(400, 'invalid', 'Send the join code.');
    const address = clientAddress(req, ctx.trustProxy);
    const byCode = 'code' in parsed.data;
    const now = Date.now();
    const admit = ctx.joinThrottle.admit(address, byCode, now);
    if (!admit.ok)
      throw new HttpError(
        429,
        'rate-limited',
        'Too many tries. Wait a moment, then type the code again.',
        { 'Retry-After': String(Math.ceil(admit.retryAfterMs / 1000)) },
        { retryAfterMs: admit.retryAfterMs },
      );
    const sessionId =
      'code' in parsed.data
        ? ctx.codes.findByCode(parsed.data.code)
        : ctx.codes.findByLinkKey(parsed.data.link);
    const session = sessionId ? ctx.store.records.getSession(sessionId) : null;
    if (!sessionId || !session || session.status !== 'open') {
      ctx.joinThrottle.wrong(address, byCode, now);
      ctx.log.warn('join.refused', { address, by: byCode ? 'code' : 'link' });
      throw new HttpError(
        404,
        'not-found',
        byCode
          ? 'That code did not work. Check the numbers with the facilitator.'
          : 'That link has expired. Ask the facilitator for the code.',
      );
    }
    const programmeId = ctx.store.records.sessionProgrammeId(sessionId) as string;
    const participantId = newId('p');
    let descriptor = '';
    const token = ctx.store.transaction(() => {
      const n = (
        ctx.store.db
          .prepare('SELECT COUNT(*) AS n FROM participants WHERE programme_id = ?')
          .get(programmeId) as { n: number }
      ).n;
      descriptor = `Participant ${n + 1}`;
      ctx.store.participants.put(programmeId, {
        id: participantId,
        descriptor,
        cohort: session.cohort,
        consent: noConsent(),
        demographics: emptyDemographics(
          fieldsOrLegacy(ctx.store.records.getSettings(programmeId)?.demographicFields).map(
            (f) => f.id,
          ),
        ),
        attendance: [{ sessionId, registered: false, attended: true }],
        contact: null,
      });
      ctx.store.audit(`participant:${participantId}`, 'session.join', sessionId, {
        by: byCode ? 'code' : 'link',
      });
      return ctx.auth.participantTokens.issue({ sessionId, participantId });
    });
    const body: JoinResponse = {
      token,
      sessionId,
      participantId,
      descriptor,
      roomDoc: roomDocName(sessionId),
      collabPath: COLLAB_PATH,
    };
    sendJson(res, 200, { ok: true, ...body });
  });

  /** Validated participant writes (see core/client/messages.ts for the message shapes). */
  router.add('POST', /^\/api\/participant\/writes$/, async ({ req, res, url }) => {
    const p = requireRole(ctx, req, url, 'participant');
    const body = await readJson(req, ctx.limits.maxHttpBodyBytes);
    const result = await ctx.writes.submit(p, body);
    const headers: Record<string, string> = {};
    if (!result.body.ok && result.body.error.retryAfterMs)
      headers['Retry-After'] = String(Math.ceil(result.body.error.retryAfterMs / 1000));
    sendJson(res, result.status, result.body, headers);
  });

  /** The participant's own view: consent, demographics and their own notes (rooms show no authors). */
  router.add('GET', /^\/api\/participant\/me$/, async ({ req, res, url }) => {
    const p = requireRole(ctx, req, url, 'participant');
    const me = ctx.store.participants.get(p.participantId);
    if (!me) throw new HttpError(404, 'not-found', 'Your place in this session has gone.');
    const programmeId = ctx.store.participants.programmeOf(p.participantId);
    // The questions this programme asks, so the page's form follows the programme's fields.
    const demographicFields = fieldsOrLegacy(
      programmeId === null
        ? undefined
        : ctx.store.records.getSettings(programmeId)?.demographicFields,
    );
    const hub = ctx.registry.hub(p.sessionId);
    const notes = (hub?.sessionDoc.notes.all() ?? [])
      .filter((n) => n.author.type === 'participant' && n.author.participantId === p.participantId)
      .map((n) => ({
        id: n.id,
        text: n.text,
        withdrawn: n.withdrawn,
        stepId: n.stepId,
        createdAt: n.createdAt,
      }));
    // Read from memory, where a note can be committed but not yet synced (its own write is not
    // acknowledged until it is): answer once everything read here is on disk.
    await ctx.committer.synced();
    sendJson(res, 200, {
      ok: true,
      sessionId: p.sessionId,
      participantId: p.participantId,
      descriptor: me.descriptor,
      consent: me.consent,
      demographics: me.demographics,
      demographicFields,
      notes,
    });
  });
}
