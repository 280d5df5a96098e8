import { newId } from '../model/primitives.ts';
import type { ProgrammeSnapshot } from './snapshot.ts';

/** Ids already used in the data folder the snapshot is going into. */
export interface TakenIds {
  session: (id: string) => boolean;
  participant: (id: string) => boolean;
}

/**
 * Gives a snapshot fresh ids wherever its session or participant ids are already used by another
 * programme, and rewrites every reference to them (attendance, note authors, votes, card
 * comments), so a programme file from another data folder imports beside the programmes already
 * there. Ids inside documents (notes, steps, themes, cards) live in their own session's or
 * programme's document, so they cannot clash across programmes and are kept.
 *
 * Returns the snapshot unchanged when nothing clashes, so re-importing into an empty folder keeps
 * every id of the file.
 * @example reIdSnapshot(snap, { session: (id) => store.records.sessionProgrammeId(id) !== null, participant: ... })
 */
export function reIdSnapshot(
  snap: ProgrammeSnapshot,
  taken: TakenIds,
): { snapshot: ProgrammeSnapshot; renamed: { sessions: number; participants: number } } {
  const sessionIds = new Map<string, string>();
  const participantIds = new Map<string, string>();
  for (const s of snap.sessions)
    if (taken.session(s.session.id)) sessionIds.set(s.session.id, newId('s'));
  for (const p of snap.participants)
    if (taken.participant(p.id)) participantIds.set(p.id, newId('p'));
  const renamed = { sessions: sessionIds.size, participants: participantIds.size };
  if (renamed.sessions === 0 && renamed.participants === 0) return { snapshot: snap, renamed };
  const sid = (id: string) => sessionIds.get(id) ?? id;
  const pid = (id: string) => participantIds.get(id) ?? id;
  const snapshot: ProgrammeSnapshot = {
    ...snap,
    sessions: snap.sessions.map((rec) => ({
      ...rec,
      session: { ...rec.session, id: sid(rec.session.id) },
      notes: rec.notes.map((n) => ({
        ...n,
        author:
          n.author.type === 'participant'
            ? { ...n.author, participantId: pid(n.author.participantId) }
            : {
                ...n.author,
                capturedFor: n.author.capturedFor === null ? null : pid(n.author.capturedFor),
              },
      })),
      reflectCards: rec.reflectCards.map((c) => ({
        ...c,
        votes: Object.fromEntries(Object.entries(c.votes).map(([k, v]) => [pid(k), v])),
        comments: c.comments.map((m) => ({ ...m, participantId: pid(m.participantId) })),
      })),
    })),
    participants: snap.participants.map((p) => ({
      ...p,
      id: pid(p.id),
      attendance: p.attendance.map((a) => ({ ...a, sessionId: sid(a.sessionId) })),
    })),
  };
  return { snapshot, renamed };
}
