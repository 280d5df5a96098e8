import type { Participant, Session } from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';

export interface AttendanceTotals {
  /** The number registered in advance: the session's planned figure, or the records if more. */
  registered: number;
  /** People recorded as registered for the session. */
  registeredRecords: number;
  attended: number;
  /** Registered in advance and came. */
  registeredAndAttended: number;
  /** Came without registering. */
  walkIns: number;
  /** Registered and did not come (from the records). */
  noShows: number;
  /** People counted here whose records were later erased at their request. */
  erased: number;
}

export interface SessionAttendance extends AttendanceTotals {
  session: Session;
}

/**
 * Registered against attended for one session. The People screen and every report use this one
 * function, so the figures a facilitator ticked are the figures a commissioner reads. Erased
 * people are still counted here: attendance is the one thing reports keep of them.
 */
export function attendanceTotals(
  session: Session,
  participants: readonly Participant[],
): AttendanceTotals {
  let attended = 0;
  let registeredAndAttended = 0;
  let registeredRecords = 0;
  let erased = 0;
  for (const p of participants) {
    const a = p.attendance.find((x) => x.sessionId === session.id);
    if (!a) continue;
    if (a.registered) registeredRecords += 1;
    if (a.attended) attended += 1;
    if (a.attended && a.registered) registeredAndAttended += 1;
    if (p.erasedAt && (a.registered || a.attended)) erased += 1;
  }
  return {
    // The store may not hold everyone who registered (some register by phone or through a
    // partner); the session's own figure is the official one, unless the records show more.
    registered: Math.max(session.registeredCount, registeredRecords),
    registeredRecords,
    attended,
    registeredAndAttended,
    walkIns: attended - registeredAndAttended,
    noShows: registeredRecords - registeredAndAttended,
    erased,
  };
}

/** Registered against attended for each session, in date order. */
export function attendanceBySession(snapshot: ProgrammeSnapshot): SessionAttendance[] {
  return [...snapshot.sessions]
    .sort(
      (a, b) =>
        a.session.date.localeCompare(b.session.date) ||
        (a.session.startTime ?? '').localeCompare(b.session.startTime ?? '') ||
        a.session.id.localeCompare(b.session.id),
    )
    .map(({ session }) => ({ session, ...attendanceTotals(session, snapshot.participants) }));
}

/** How many people's records were erased at their request. */
export function erasedCount(participants: readonly Participant[]): number {
  return participants.filter((p) => p.erasedAt !== undefined).length;
}

/**
 * The line a report carries when records were erased, or null when none were: erased people are
 * counted in attendance totals and nowhere else (no words, no demographics, no consent figures).
 */
export function erasureLine(participants: readonly Participant[]): string | null {
  const n = erasedCount(participants);
  if (n === 0) return null;
  return n === 1
    ? 'The record of 1 person was erased at their request: they are counted in the attendance figures only.'
    : `The records of ${n} people were erased at their request: they are counted in the attendance figures only.`;
}

/**
 * Whether registered and attended mean anything for a session: planning meetings and
 * facilitators' own debriefs have no participants, so a chart of them would show "0 of 0".
 */
export function attendanceApplies(session: Session): boolean {
  return session.kind !== 'planning' && session.kind !== 'debrief';
}
