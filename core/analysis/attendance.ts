import type { Session } from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';

export interface SessionAttendance {
  session: Session;
  /** The number registered in advance, as planned for the session. */
  registered: number;
  attended: number;
  /** Registered in advance and came. */
  registeredAndAttended: number;
  /** Came without registering. */
  walkIns: number;
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
    .map(({ session }) => {
      let attended = 0;
      let registeredAndAttended = 0;
      let registeredRecords = 0;
      for (const p of snapshot.participants) {
        const a = p.attendance.find((x) => x.sessionId === session.id);
        if (!a) continue;
        if (a.registered) registeredRecords += 1;
        if (a.attended) attended += 1;
        if (a.attended && a.registered) registeredAndAttended += 1;
      }
      return {
        session,
        // The store may not hold everyone who registered (some register by phone or through a
        // partner); the session's own figure is the official one, unless the records show more.
        registered: Math.max(session.registeredCount, registeredRecords),
        attended,
        registeredAndAttended,
        walkIns: attended - registeredAndAttended,
      };
    });
}

/**
 * Whether registered and attended mean anything for a session: planning meetings and
 * facilitators' own debriefs have no participants, so a chart of them would show "0 of 0".
 */
export function attendanceApplies(session: Session): boolean {
  return session.kind !== 'planning' && session.kind !== 'debrief';
}
