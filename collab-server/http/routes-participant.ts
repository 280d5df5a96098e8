import {
  joinRequestSchema,
  type JoinRequest,
  type JoinResponse,
} from '../../core/client/messages.ts';
import type { Session } from '../../core/index.ts';
import {
  emptyDemographics,
  fieldsOrLegacy,
  newId,
  noConsent,
  type Participant,
} from '../../core/index.ts';
import { PersonalLinks, sessionForPersonalJoin } from '../auth/personal-links.ts';
import { roomDocName } from '../../core/index.ts';
import { LatePolicies } from '../store/late-policy.ts';
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
    const { sessionId, session, personId } = resolveJoin(ctx, parsed.data, address, Date.now());
    const programmeId = ctx.store.records.sessionProgrammeId(sessionId) as string;
    const participantId = personId ?? newId('p');
    let descriptor = '';
    const token = ctx.store.transaction(() => {
      // Attendance is recorded only for a session open at this moment: asked again inside the
      // transaction, so a close that landed since the code was looked up is honoured.
      if (ctx.store.records.getSession(sessionId)?.status !== 'open')
        throw new HttpError(404, 'not-found', 'This session has just closed.');
      if (personId) {
        const me = ctx.store.participants.get(personId) as Participant;
        descriptor = me.descriptor;
        const before = me.attendance.find((a) => a.sessionId === sessionId);
        ctx.store.participants.setAttendance(personId, {
          sessionId,
          registered: before?.registered ?? false,
          attended: true,
        });
      } else {
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
      }
      ctx.store.audit(`participant:${participantId}`, 'session.join', sessionId, {
        by: byCode ? 'code' : personId ? 'personal-link' : 'link',
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
        late: n.late === true,
      }));
    // Their own votes and comments, so a reload shows what they chose and wrote.
    const votes: Record<string, string> = {};
    const comments: { id: string; cardId: string; text: string; late: boolean }[] = [];
    for (const card of hub?.sessionDoc.cards.all() ?? []) {
      const v = card.votes[p.participantId];
      if (v) votes[card.id] = v;
      for (const c of card.comments)
        if (c.participantId === p.participantId)
          comments.push({ id: c.id, cardId: card.id, text: c.text, late: c.late === true });
    }
    // Read from memory, where a note can be committed but not yet synced (its own write is not
    // acknowledged until it is): answer once everything read here is on disk.
    await ctx.committer.synced();
    const record = ctx.store.records.getSession(p.sessionId);
    const late = new LatePolicies(ctx.store.db).get(p.sessionId);
    sendJson(res, 200, {
      ok: true,
      sessionStatus: record?.status ?? 'closed',
      lateUntil: late.lateUntil,
      sessionId: p.sessionId,
      participantId: p.participantId,
      descriptor: me.descriptor,
      consent: me.consent,
      demographics: me.demographics,
      demographicFields,
      notes,
      votes,
      comments,
    });
  });
}

/** The open session of a person's programme that their personal link admits them to, or null. */
function personalSession(ctx: ApiContext, participantId: string): string | null {
  const me = ctx.store.participants.get(participantId);
  const programmeId = ctx.store.participants.programmeOf(participantId);
  if (!me || !programmeId || me.erasedAt) return null;
  const open = ctx.store.records.listSessions(programmeId).filter((s) => s.status === 'open');
  const registered = new Set(me.attendance.filter((a) => a.registered).map((a) => a.sessionId));
  return sessionForPersonalJoin(open, registered)?.id ?? null;
}

/**
 * The session a join request opens (and the registered person a personal link names), or the
 * HttpError to answer with. Shared by the page's JSON request and the plain form that works
 * before any script has loaded.
 * Security decision: the throttle is asked before the code is looked up (see JoinThrottle).
 */
export function resolveJoin(
  ctx: ApiContext,
  request: JoinRequest,
  address: string,
  now: number,
): { sessionId: string; session: Session; personId: string | null } {
  const byCode = 'code' in request;
  const admit = ctx.joinThrottle.admit(address, byCode, now);
  if (!admit.ok)
    throw new HttpError(
      429,
      'rate-limited',
      'Too many tries from this network. Wait for the countdown, then try again.',
      { 'Retry-After': String(Math.ceil(admit.retryAfterMs / 1000)) },
      { retryAfterMs: admit.retryAfterMs },
    );
  let sessionId =
    'code' in request ? ctx.codes.findByCode(request.code) : ctx.codes.findByLinkKey(request.link);
  // Not a session's link: perhaps a person's own, which admits them to their open session.
  const personId =
    sessionId === null && 'link' in request
      ? new PersonalLinks(ctx.store).find(request.link)
      : null;
  if (personId) sessionId = personalSession(ctx, personId);
  const session = sessionId ? ctx.store.records.getSession(sessionId) : null;
  if (!sessionId || !session || session.status !== 'open') {
    // A closed session's code opens nothing, so saying so costs no guess (see JoinCodes).
    if ('code' in request && !sessionId && ctx.codes.findClosedByCode(request.code, now))
      throw new HttpError(410, 'session-closed', 'That session has closed.');
    ctx.joinThrottle.wrong(address, byCode, now);
    ctx.log.warn('join.refused', { address, by: byCode ? 'code' : personId ? 'person' : 'link' });
    throw new HttpError(
      404,
      byCode ? 'wrong-code' : personId ? 'session-not-open' : 'link-expired',
      byCode
        ? 'That code did not work. Check the numbers with the facilitator.'
        : personId
          ? 'Your session is not open yet. Try again when the facilitator opens it, or ask for the code.'
          : 'That link has expired. Ask the facilitator for the code.',
    );
  }
  return { sessionId, session, personId };
}
