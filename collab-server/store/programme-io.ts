import * as Y from 'yjs';
import {
  ProgrammeDoc,
  SessionDoc,
  assembleSnapshot,
  docsFromSnapshot,
  programmeDocName,
  programmeSnapshotSchema,
  reIdSnapshot,
  sessionDocName,
  type ProgrammeSnapshot,
} from '../../core/index.ts';
import type { Store } from './store.ts';

export class ProgrammeExistsError extends Error {
  constructor(readonly programmeId: string) {
    super(
      `A programme with id ${programmeId} is already in this data folder. Nothing was imported.`,
    );
    this.name = 'ProgrammeExistsError';
  }
}

/**
 * Writes a whole programme into the store in one transaction: its records, and its programme and
 * session documents as their first update. Either all of it lands or the database is unchanged.
 */
export function importSnapshot(store: Store, snapshot: ProgrammeSnapshot, actor = 'cli'): string {
  const id = programmeSnapshotSchema.parse(snapshot).programme.id;
  store.transaction(() => {
    if (store.records.hasProgramme(id)) throw new ProgrammeExistsError(id);
    // Session and participant ids are keys of the whole data folder; a file made elsewhere may
    // use ones another programme holds. Those get fresh ids, references rewritten (#18).
    const { snapshot: snap, renamed } = reIdSnapshot(programmeSnapshotSchema.parse(snapshot), {
      session: (sid) => store.records.sessionProgrammeId(sid) !== null,
      participant: (pid) => store.participants.programmeOf(pid) !== null,
    });
    const { programmeDoc, sessionDocs } = docsFromSnapshot(snap);
    store.records.putProgramme(snap.programme);
    if (snap.settings !== undefined) store.records.putSettings(id, snap.settings);
    for (const s of snap.sessions) store.records.putSession(id, s.session);
    for (const p of snap.participants) store.participants.put(id, p);
    for (const c of snap.cohorts ?? []) store.cohorts.put(id, c);
    store.docs.append(programmeDocName(id), Y.encodeStateAsUpdate(programmeDoc.doc));
    for (const [sessionId, doc] of sessionDocs) {
      store.docs.append(sessionDocName(sessionId), Y.encodeStateAsUpdate(doc.doc));
    }
    store.audit(actor, 'programme.import', id, {
      sessions: snap.sessions.length,
      participants: snap.participants.length,
      ...(renamed.sessions + renamed.participants > 0 ? { renamed } : {}),
    });
  });
  return id;
}

/** Loads a document from the store, migrated to the current schema (in memory only). */
export function loadProgrammeDoc(store: Store, programmeId: string): ProgrammeDoc {
  const doc = new Y.Doc();
  store.docs.loadInto(programmeDocName(programmeId), doc);
  ProgrammeDoc.migrate(doc);
  return new ProgrammeDoc(doc);
}

export function loadSessionDoc(store: Store, sessionId: string): SessionDoc {
  const doc = new Y.Doc();
  store.docs.loadInto(sessionDocName(sessionId), doc);
  SessionDoc.migrate(doc);
  return new SessionDoc(doc);
}

export class UnknownProgrammeError extends Error {
  constructor(readonly programmeId: string) {
    super(
      `There is no programme ${programmeId} in this data folder. \`cohear list\` shows the ones there are.`,
    );
    this.name = 'UnknownProgrammeError';
  }
}

/** Reads a whole programme back out of the store as the snapshot every export uses. */
export function exportSnapshot(store: Store, programmeId: string): ProgrammeSnapshot {
  const programme = store.records.getProgramme(programmeId);
  if (!programme) throw new UnknownProgrammeError(programmeId);
  const sessions = store.records.listSessions(programmeId);
  const participants = store.participants.list(programmeId);
  const programmeDoc = loadProgrammeDoc(store, programmeId);
  const sessionDocs = new Map(sessions.map((s) => [s.id, loadSessionDoc(store, s.id)]));
  const cohorts = store.cohorts.list(programmeId);
  const settings = store.records.getSettings(programmeId);
  return assembleSnapshot(
    { programme, sessions, participants, cohorts, ...(settings === undefined ? {} : { settings }) },
    programmeDoc,
    sessionDocs,
  );
}
