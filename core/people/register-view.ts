import { attendanceTotals, type AttendanceTotals } from '../analysis/attendance.ts';
import type { Participant, Session } from '../model/index.ts';

/** One person's line on a session's register. */
export interface RegisterRow {
  participant: Participant;
  registered: boolean;
  attended: boolean;
  /** Came without registering: shown in words on the screen, counted apart in reports. */
  walkIn: boolean;
  erased: boolean;
}

export interface SessionRegister {
  session: Session;
  rows: RegisterRow[];
  totals: AttendanceTotals;
}

/** Numbers in descriptors compare as numbers: "Resident 2" before "Resident 10". */
export function byDescriptor(a: Participant, b: Participant): number {
  return (
    a.descriptor.localeCompare(b.descriptor, undefined, { numeric: true }) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * A session's register: everyone with a record for it (registered or came), then the rest of
 * its cohort who could still be ticked, in descriptor order; erased people stay on it, marked,
 * because attendance is what reports keep of them. Totals are the reports' own figures.
 */
export function sessionRegister(
  session: Session,
  participants: readonly Participant[],
): SessionRegister {
  const rows: RegisterRow[] = [];
  for (const p of [...participants].sort(byDescriptor)) {
    const a = p.attendance.find((x) => x.sessionId === session.id);
    const inCohort = session.cohort === '' || p.cohort === session.cohort;
    if (!a && (!inCohort || p.erasedAt)) continue;
    const registered = a?.registered ?? false;
    const attended = a?.attended ?? false;
    rows.push({
      participant: p,
      registered,
      attended,
      walkIn: attended && !registered,
      erased: p.erasedAt !== undefined,
    });
  }
  // Those with a record first: the register a facilitator ticks down during a session.
  rows.sort((x, y) => Number(y.registered || y.attended) - Number(x.registered || x.attended));
  return { session, rows, totals: attendanceTotals(session, participants) };
}
