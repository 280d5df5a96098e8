import {
  noteParticipantId,
  type Note,
  type Participant,
  type ReflectCard,
} from '../model/index.ts';

/** One session as the subject access report reads it: its record and its document's content. */
export interface SubjectAccessSession {
  id: string;
  title: string;
  date: string;
  notes: readonly Note[];
  reflectCards: readonly ReflectCard[];
}

export interface SubjectAccessInput {
  programme: { id: string; title: string; organisation: string };
  participant: Participant;
  /** Every consent change, oldest first. */
  consentHistory: readonly { kind: string; given: boolean; at: string }[];
  /** Every write they made through the participant page, oldest first (the write journal). */
  changes: readonly { writeId: string; kind: string; at: string }[];
  sessions: readonly SubjectAccessSession[];
  producedAt: string;
}

export const SUBJECT_ACCESS_FORMAT = 'cohear-subject-access';

/**
 * Everything held about one participant, as one document for a subject access request: their
 * record (contact details, consent and its history, demographics, attendance), every note whose
 * words are theirs (typed by them or captured for them), their votes and comments on reflect-back
 * cards, and the log of changes they made. Pure, so the server's endpoint and the CLI give the
 * same file for the same data.
 */
export function subjectAccessReport(input: SubjectAccessInput) {
  const { participant: p } = input;
  const sessions = [...input.sessions].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  const where = (s: SubjectAccessSession) => ({ sessionId: s.id, session: s.title, date: s.date });
  return {
    format: SUBJECT_ACCESS_FORMAT,
    version: 1,
    producedAt: input.producedAt,
    programme: input.programme,
    participant: {
      id: p.id,
      descriptor: p.descriptor,
      cohort: p.cohort,
      contact: p.contact,
      consent: p.consent,
      consentHistory: input.consentHistory,
      demographics: p.demographics,
      attendance: p.attendance.map((a) => ({
        ...a,
        session: sessions.find((s) => s.id === a.sessionId)?.title ?? null,
      })),
    },
    notes: sessions.flatMap((s) =>
      s.notes
        .filter((n) => noteParticipantId(n) === p.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .map((n) => ({
          ...where(s),
          id: n.id,
          text: n.text,
          kind: n.kind,
          createdAt: n.createdAt,
          capturedByFacilitator: n.author.type !== 'participant',
          sharedWithRoom: n.shared,
          quotable: n.quotable,
          withdrawn: n.withdrawn,
        })),
    ),
    votes: sessions.flatMap((s) =>
      s.reflectCards
        .filter((c) => c.votes[p.id] !== undefined)
        .map((c) => ({ ...where(s), cardId: c.id, card: c.text, vote: c.votes[p.id] })),
    ),
    comments: sessions.flatMap((s) =>
      s.reflectCards.flatMap((c) =>
        c.comments
          .filter((m) => m.participantId === p.id)
          .map((m) => ({
            ...where(s),
            cardId: c.id,
            card: c.text,
            id: m.id,
            text: m.text,
            at: m.at,
          })),
      ),
    ),
    changes: input.changes,
  };
}

export type SubjectAccessReport = ReturnType<typeof subjectAccessReport>;
