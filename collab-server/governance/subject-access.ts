import { subjectAccessReport, type SubjectAccessReport } from '../../core/index.ts';
import { loadSessionDoc, type Store } from '../store/index.ts';

/**
 * Gathers everything held about one participant from the store (records, consent history, write
 * journal, and every session document of their programme as committed) into core's subject
 * access report. Null when there is no such participant. The server and `cohear participant
 * export` both call this, so both give the same file.
 */
export function gatherSubjectAccess(
  store: Store,
  participantId: string,
  producedAt: Date,
): SubjectAccessReport | null {
  const participant = store.participants.get(participantId);
  const programmeId = store.participants.programmeOf(participantId);
  if (!participant || !programmeId) return null;
  const programme = store.records.getProgramme(programmeId);
  if (!programme) return null;
  const consentHistory = (
    store.db
      .prepare('SELECT kind, given, at FROM consent_history WHERE participant_id = ? ORDER BY seq')
      .all(participantId) as { kind: string; given: number; at: string }[]
  ).map((r) => ({ kind: r.kind, given: r.given === 1, at: r.at }));
  const changes = store.db
    .prepare(
      'SELECT write_id AS writeId, kind, at FROM participant_writes WHERE participant_id = ? ORDER BY at, write_id',
    )
    .all(participantId) as { writeId: string; kind: string; at: string }[];
  const sessions = store.records.listSessions(programmeId).map((s) => {
    const content = loadSessionDoc(store, s.id).read();
    return {
      id: s.id,
      title: s.title,
      date: s.date,
      notes: content.notes,
      reflectCards: content.reflectCards,
    };
  });
  return subjectAccessReport({
    programme: {
      id: programme.id,
      title: programme.title,
      organisation: programme.organisation,
    },
    participant,
    consentHistory,
    changes,
    sessions,
    producedAt: producedAt.toISOString(),
  });
}
