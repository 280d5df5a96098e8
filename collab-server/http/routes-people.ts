import type { z } from 'zod';
import { buildExportView } from '../../core/analysis/index.ts';
import {
  attendanceTickSchema,
  cohortFormSchema,
  consentFormSchema,
  demographicAnswerProblems,
  demographicsFormSchema,
  fieldsOrLegacy,
  emptyDemographics,
  fieldErrors,
  newId,
  noConsent,
  personDetailsSchema,
  programmeCohorts,
  registrationSchema,
  type EvidenceNote,
  type Participant,
  type PeopleListing,
  type PersonRecord,
} from '../../core/index.ts';
import { PersonalLinks } from '../auth/personal-links.ts';
import { exportSnapshot } from '../store/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/**
 * The facilitator's People screen: registration, cohorts, the register (ticks during and after a
 * session), consent and demographics copied from paper forms, personal join links. Every body is
 * validated with core's form schemas; a refusal names the field (`error.fields`) and changes
 * nothing; every change is in the audit log with the account that made it.
 */
export function addPeopleRoutes(router: Router, ctx: ApiContext): void {
  const links = new PersonalLinks(ctx.store);
  const actorOf = (who: { userId?: string | null }) => who.userId ?? 'desktop';

  const programmeOr404 = (id: string) => {
    if (!ctx.store.records.hasProgramme(id))
      throw new HttpError(404, 'not-found', 'There is no such programme.');
  };
  const personOr404 = (id: string): { person: Participant; programmeId: string } => {
    const person = ctx.store.participants.get(id);
    const programmeId = ctx.store.participants.programmeOf(id);
    if (!person || !programmeId) throw new HttpError(404, 'not-found', 'There is no such person.');
    return { person, programmeId };
  };
  const notErased = (p: Participant) => {
    if (p.erasedAt)
      throw new HttpError(
        409,
        'erased',
        `${p.descriptor}'s record was erased at their request; only their attendance is kept.`,
      );
  };
  const record = (p: Participant): PersonRecord => ({
    ...p,
    consentHistory: ctx.store.participants.consentHistory(p.id),
    hasPersonalLink: links.get(p.id) !== null,
  });
  const personalLink = (key: string) => `${ctx.publicUrl()}/join#${key}`;

  router.add('GET', new RegExp(`^/api/programmes/${ID}/people$`), ({ req, res, url, params }) => {
    requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    programmeOr404(id);
    const sessions = ctx.store.records.listSessions(id);
    const participants = ctx.store.participants.list(id);
    const body: PeopleListing = {
      people: participants.map(record),
      cohorts: programmeCohorts(ctx.store.cohorts.list(id), sessions, participants),
      sessions,
    };
    sendJson(res, 200, { ok: true, ...body });
  });

  // Registering a person ahead of a session (or after it, from a sign-in sheet).
  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/people$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const programmeId = params[0] as string;
      programmeOr404(programmeId);
      const v = parse(registrationSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      checkDescriptor(ctx, programmeId, v.descriptor, null);
      const sessionIds = new Set(ctx.store.records.listSessions(programmeId).map((s) => s.id));
      const unknown = v.sessionIds.find((s) => !sessionIds.has(s));
      if (unknown) throw invalid({ sessionIds: 'Choose sessions of this programme.' });
      const person: Participant = {
        id: newId('p'),
        descriptor: v.descriptor,
        cohort: v.cohort,
        consent: noConsent(),
        demographics: emptyDemographics(),
        attendance: [...new Set(v.sessionIds)].map((sessionId) => ({
          sessionId,
          registered: true,
          attended: false,
        })),
        contact: contactOf(v),
      };
      ctx.store.transaction(() => {
        ctx.store.participants.put(programmeId, person);
        // Contact details are not written to the audit log: it is kept longer than they are.
        ctx.store.audit(actorOf(who), 'person.register', person.id, {
          descriptor: person.descriptor,
          cohort: person.cohort,
          sessions: person.attendance.map((a) => a.sessionId),
        });
      });
      sendJson(res, 201, { ok: true, person: record(person) });
    },
  );

  router.add('PUT', new RegExp(`^/api/people/${ID}$`), async ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const { person, programmeId } = personOr404(params[0] as string);
    const v = parse(personDetailsSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
    checkDescriptor(ctx, programmeId, v.descriptor, person.id);
    const next: Participant = {
      ...person,
      descriptor: v.descriptor,
      cohort: v.cohort,
      contact: contactOf(v),
    };
    ctx.store.transaction(() => {
      ctx.store.participants.put(programmeId, next);
      ctx.store.audit(actorOf(who), 'person.edit', person.id, {
        descriptor: next.descriptor,
        cohort: next.cohort,
      });
    });
    sendJson(res, 200, { ok: true, person: record(next) });
  });

  // A tick on the register, during or after the session.
  router.add(
    'PUT',
    new RegExp(`^/api/people/${ID}/attendance/${ID}$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const [pid, sid] = params as [string, string];
      const { person, programmeId } = personOr404(pid);
      if (ctx.store.records.sessionProgrammeId(sid) !== programmeId)
        throw new HttpError(404, 'not-found', 'That session is not part of their programme.');
      const v = parse(attendanceTickSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      const before = person.attendance.find((a) => a.sessionId === sid);
      const next = {
        sessionId: sid,
        registered: v.registered ?? before?.registered ?? false,
        attended: v.attended ?? before?.attended ?? false,
      };
      ctx.store.transaction(() => {
        ctx.store.participants.setAttendance(pid, next);
        ctx.store.audit(actorOf(who), 'attendance.set', pid, next);
      });
      sendJson(res, 200, { ok: true, person: record(personOr404(pid).person) });
    },
  );

  // Consent copied from a paper form; withdrawing consent to keep words erases them.
  router.add(
    'PUT',
    new RegExp(`^/api/people/${ID}/consent$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const pid = params[0] as string;
      const { person } = personOr404(pid);
      notErased(person);
      const v = parse(consentFormSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      const done = await ctx.writes.recordConsent(pid, v, actorOf(who));
      await ctx.committer.synced();
      sendJson(res, 200, {
        ok: true,
        removed: done?.removed ?? 0,
        person: record(personOr404(pid).person),
      });
    },
  );

  // Demographics copied from a paper form, every field allowing "prefer not to say".
  router.add(
    'PUT',
    new RegExp(`^/api/people/${ID}/demographics$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const pid = params[0] as string;
      const { person } = personOr404(pid);
      notErased(person);
      const v = parse(demographicsFormSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      // The programme's own questions and answers: anything else is refused, field by field.
      const programmeId = ctx.store.participants.programmeOf(pid) as string;
      const fields = fieldsOrLegacy(ctx.store.records.getSettings(programmeId)?.demographicFields);
      const problems = demographicAnswerProblems(fields, v);
      for (const key of Object.keys(v))
        if (!fields.some((f) => f.id === key))
          problems[key] = `"${key}" is not one of this programme's questions.`;
      if (Object.keys(problems).length > 0)
        throw new HttpError(
          400,
          'invalid',
          Object.values(problems).join(' '),
          {},
          { fields: problems },
        );
      ctx.store.transaction(() => {
        ctx.store.participants.setDemographics(pid, v);
        // Which fields were filled in, not the answers: the log outlives the record.
        ctx.store.audit(actorOf(who), 'demographics.record', pid, {
          fields: Object.entries(v)
            .filter(([, x]) => x !== null)
            .map(([k]) => k),
          from: 'paper',
        });
      });
      sendJson(res, 200, { ok: true, person: record(personOr404(pid).person) });
    },
  );

  // A person's own join link (made on first asking, the same afterwards).
  router.add('POST', new RegExp(`^/api/people/${ID}/link$`), ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const pid = params[0] as string;
    const { person } = personOr404(pid);
    notErased(person);
    const had = links.get(pid) !== null;
    const key = ctx.store.transaction(() => {
      const k = links.issue(pid);
      if (!had) ctx.store.audit(actorOf(who), 'person.link.issue', pid);
      return k;
    });
    sendJson(res, 200, { ok: true, link: personalLink(key), descriptor: person.descriptor });
  });

  // A lost card: the link stops working at once.
  router.add('DELETE', new RegExp(`^/api/people/${ID}/link$`), ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const pid = params[0] as string;
    personOr404(pid);
    ctx.store.transaction(() => {
      if (links.revoke(pid)) ctx.store.audit(actorOf(who), 'person.link.revoke', pid);
    });
    sendJson(res, 200, { ok: true });
  });

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/cohorts$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const programmeId = params[0] as string;
      programmeOr404(programmeId);
      const v = parse(cohortFormSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
      ctx.store.transaction(() => {
        ctx.store.cohorts.put(programmeId, v);
        ctx.store.audit(actorOf(who), 'cohort.save', programmeId, v);
      });
      sendJson(res, 200, { ok: true, cohort: v });
    },
  );

  /**
   * Notes a facilitator may link as evidence to an action or a recommendation: the ones reports
   * may use (not hidden, not withdrawn, consent to keep the words), redacted as in reports.
   */
  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/evidence$`),
    async ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(id);
      const view = buildExportView(exportSnapshot(ctx.store, id));
      await ctx.committer.synced();
      const notes: EvidenceNote[] = view.notes.map((n) => ({
        id: n.note.id,
        text: n.text,
        sessionId: n.session.id,
        sessionTitle: n.session.title,
        themeIds: n.note.themeIds,
        polarity: n.note.polarity,
      }));
      sendJson(res, 200, { ok: true, notes });
    },
  );
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

function invalid(fields: Record<string, string>): HttpError {
  const first = Object.values(fields)[0] ?? 'Check the form.';
  return new HttpError(400, 'invalid', first, {}, { fields });
}

function checkDescriptor(
  ctx: ApiContext,
  programmeId: string,
  descriptor: string,
  exceptId: string | null,
): void {
  if (ctx.store.participants.descriptorTaken(programmeId, descriptor, exceptId))
    throw invalid({
      descriptor: `Someone in this programme is already called "${descriptor}". Reports must tell people apart: choose another.`,
    });
}

function contactOf(v: { name: string | null; email: string | null; phone: string | null }) {
  return v.name === null && v.email === null && v.phone === null
    ? null
    : { name: v.name, email: v.email, phone: v.phone };
}
