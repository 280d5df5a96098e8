import {
  emptyDemographics,
  noConsent,
  type Consent,
  type Note,
  type RegistrationPlan,
  type Theme,
} from '../../core/index.ts';
import type { DocAccess } from './doc-access.ts';
import { ImportLog, emptyUndo, type ImportKind, type ImportRecord } from './import-log.ts';

/**
 * Registrations: new participants and, for people already there, registration for the session
 * plus the details they lacked. One unit of work with its import record.
 */
export function applyRegistrations(
  access: DocAccess,
  args: { programmeId: string; sessionId: string; plan: RegistrationPlan; actor: string },
): ImportRecord {
  const { store } = access;
  const { programmeId, sessionId, plan, actor } = args;
  return access.unit(() => {
    const undo = emptyUndo();
    store.participants.insertMany(programmeId, plan.create);
    undo.createdParticipants.push(...plan.create.map((p) => p.id));
    for (const u of plan.update) {
      const current = store.participants.get(u.participantId);
      if (!current) continue;
      const before = current.attendance.find((a) => a.sessionId === sessionId);
      undo.attendance.push({
        participantId: u.participantId,
        sessionId,
        before: before ? { registered: before.registered, attended: before.attended } : null,
      });
      store.participants.setAttendance(u.participantId, u.attendance);
      const filled = Object.keys(u.contact) as ('name' | 'email' | 'phone')[];
      if (filled.length > 0) {
        const base = current.contact ?? { name: null, email: null, phone: null };
        store.participants.setContact(u.participantId, { ...base, ...u.contact });
        undo.filledContact.push({ participantId: u.participantId, fields: filled });
      }
      const demo = Object.keys(u.demographics);
      if (demo.length > 0) {
        store.participants.setDemographics(u.participantId, {
          ...current.demographics,
          ...u.demographics,
        });
        undo.filledDemographics.push({ participantId: u.participantId, fields: demo });
      }
    }
    const summary = {
      rows: plan.create.length + plan.update.length + plan.unchanged,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged,
      attended:
        plan.create.filter((p) => p.attendance.some((a) => a.attended)).length +
        plan.update.filter((u) => u.attendance.attended).length,
    };
    store.audit(actor, 'import.registrations', sessionId, summary);
    return new ImportLog(store).add({
      programmeId,
      sessionId,
      kind: 'registrations',
      actor,
      summary,
      undo,
    });
  });
}

/**
 * Notes from a transcript or typed up from paper: new participants (by descriptor), new themes,
 * then the notes not already in the session (same ids: the same file imported again adds
 * nothing). Everyone whose words are imported is marked as having attended.
 */
export function applyNotes(
  access: DocAccess,
  args: {
    kind: Extract<ImportKind, 'transcript' | 'notes'>;
    programmeId: string;
    sessionId: string;
    notes: Note[];
    newParticipants: { id: string; descriptor: string }[];
    newThemes: Theme[];
    /** The facilitator confirmed that the new participants agreed to their words being kept. */
    consentGiven: boolean;
    cohort: string;
    actor: string;
    extraSummary?: Record<string, number>;
  },
): ImportRecord {
  const { store } = access;
  const { programmeId, sessionId, actor } = args;
  return access.unit(() => {
    const undo = emptyUndo();
    const at = new Date().toISOString();
    for (const p of args.newParticipants) {
      const consent: Consent = noConsent();
      if (args.consentGiven) {
        consent.storeWords = { given: true, at };
        consent.recording = { given: true, at };
      }
      store.participants.put(programmeId, {
        id: p.id,
        descriptor: p.descriptor,
        cohort: args.cohort,
        consent,
        demographics: emptyDemographics(),
        attendance: [],
        contact: null,
      });
      undo.createdParticipants.push(p.id);
    }
    const speakers = new Set<string>();
    for (const n of args.notes)
      if (n.author.type === 'facilitator' && n.author.capturedFor)
        speakers.add(n.author.capturedFor);
    for (const pid of speakers) {
      const current = store.participants.get(pid);
      const before = current?.attendance.find((a) => a.sessionId === sessionId);
      if (before?.attended) continue;
      undo.attendance.push({
        participantId: pid,
        sessionId,
        before: before ? { registered: before.registered, attended: before.attended } : null,
      });
      store.participants.setAttendance(pid, {
        sessionId,
        registered: before?.registered ?? false,
        attended: true,
      });
    }
    if (args.newThemes.length > 0) {
      const programme = access.programme(programmeId);
      access.change(programme.doc, () => {
        for (const t of args.newThemes) programme.themes.put(t);
      });
      undo.themes = args.newThemes.map((t) => t.id);
    }
    const session = access.session(sessionId);
    const added: string[] = [];
    access.change(session.doc, () => {
      for (const n of args.notes) {
        if (session.notes.has(n.id)) continue;
        session.notes.put(n);
        added.push(n.id);
      }
    });
    undo.notes = [{ sessionId, noteIds: added }];
    const summary = {
      notes: added.length,
      alreadyThere: args.notes.length - added.length,
      newParticipants: args.newParticipants.length,
      newThemes: args.newThemes.length,
      ...args.extraSummary,
    };
    store.audit(actor, `import.${args.kind}`, sessionId, summary);
    return new ImportLog(store).add({
      programmeId,
      sessionId,
      kind: args.kind,
      actor,
      summary,
      undo,
    });
  });
}

export class NothingToUndoError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = 'NothingToUndoError';
  }
}

/**
 * Reverses the programme's last import: its notes and themes leave the documents (a theme only
 * if no note outside the import uses it), its new participants go, and attendance and the
 * details it filled in return to what they were. Notes edited since are removed as well: they
 * came from the file, which can be imported again.
 */
export function undoLastImport(
  access: DocAccess,
  programmeId: string,
  actor: string,
): ImportRecord {
  const { store } = access;
  const log = new ImportLog(store);
  return access.unit(() => {
    const last = log.last(programmeId);
    if (!last) throw new NothingToUndoError('This programme has no import to undo.');
    if (last.undone) throw new NothingToUndoError('The last import has already been undone.');
    const { undo } = last;
    for (const { sessionId, noteIds } of undo.notes) {
      if (noteIds.length === 0 || !store.records.getSession(sessionId)) continue;
      const session = access.session(sessionId);
      access.change(session.doc, () => {
        for (const id of noteIds) session.notes.remove(id);
      });
    }
    if (undo.themes.length > 0) {
      const used = new Set<string>();
      for (const s of store.records.listSessions(programmeId))
        for (const n of access.session(s.id).notes.all()) for (const t of n.themeIds) used.add(t);
      const programme = access.programme(programmeId);
      access.change(programme.doc, () => {
        for (const id of undo.themes) if (!used.has(id)) programme.themes.remove(id);
      });
    }
    for (const a of undo.attendance) {
      if (a.before)
        store.participants.setAttendance(a.participantId, { sessionId: a.sessionId, ...a.before });
      else
        store.db
          .prepare('DELETE FROM attendance WHERE participant_id = ? AND session_id = ?')
          .run(a.participantId, a.sessionId);
    }
    for (const c of undo.filledContact) {
      const p = store.participants.get(c.participantId);
      if (!p?.contact) continue;
      const contact = { ...p.contact };
      for (const f of c.fields) contact[f] = null;
      store.participants.setContact(
        c.participantId,
        contact.name === null && contact.email === null && contact.phone === null ? null : contact,
      );
    }
    for (const d of undo.filledDemographics) {
      const p = store.participants.get(d.participantId);
      if (!p) continue;
      const demographics = { ...p.demographics };
      for (const f of d.fields) demographics[f] = null;
      store.participants.setDemographics(d.participantId, demographics);
    }
    for (const id of undo.createdParticipants)
      store.db.prepare('DELETE FROM participants WHERE id = ?').run(id);
    log.markUndone(last.id);
    store.audit(actor, 'import.undo', last.id, { kind: last.kind });
    return { ...last, undone: true };
  });
}
