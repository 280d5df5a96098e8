import type Database from 'better-sqlite3';
import {
  participantSchema,
  type ConsentChange,
  demographicsSchema,
  type Attendance,
  type Consent,
  type ConsentKind,
  type Contact,
  type Demographics,
  type Participant,
} from '../../core/index.ts';

interface ParticipantRow {
  id: string;
  descriptor: string;
  cohort: string;
  erased_at: string | null;
}

const CONSENT_KINDS: ConsentKind[] = ['storeWords', 'quoteAnonymously', 'recording'];

/** Participants with consent, demographics, attendance and (separately) contact details. */
export class ParticipantsTable {
  constructor(private readonly db: Database.Database) {}

  /** Writes a whole participant record; attendance rows are replaced by the given ones. */
  put(programmeId: string, p: Participant): void {
    const v = participantSchema.parse(p);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO participants (id, programme_id, descriptor, cohort, created_at, erased_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET descriptor = excluded.descriptor, cohort = excluded.cohort,
             erased_at = excluded.erased_at`,
        )
        .run(
          v.id,
          programmeId,
          v.descriptor,
          v.cohort,
          new Date().toISOString(),
          v.erasedAt ?? null,
        );
      this.setContact(v.id, v.contact);
      for (const kind of CONSENT_KINDS) {
        const c = v.consent[kind];
        this.db
          .prepare(
            `INSERT INTO consents (participant_id, kind, given, at) VALUES (?, ?, ?, ?)
             ON CONFLICT(participant_id, kind) DO UPDATE SET given = excluded.given, at = excluded.at`,
          )
          .run(v.id, kind, c.given ? 1 : 0, c.at);
      }
      this.setDemographics(v.id, v.demographics);
      this.db.prepare('DELETE FROM attendance WHERE participant_id = ?').run(v.id);
      for (const a of v.attendance) this.setAttendance(v.id, a);
    })();
  }

  /**
   * Adds many new participants at once (an attendee list): each statement prepared once and run
   * for every person inside one transaction, where `put` prepares eight statements per person.
   * Every record is validated first, so a bad one adds nobody. Ids must be new.
   */
  insertMany(programmeId: string, people: readonly Participant[]): void {
    const valid = people.map((p) => participantSchema.parse(p));
    const createdAt = new Date().toISOString();
    const person = this.db.prepare(
      'INSERT INTO participants (id, programme_id, descriptor, cohort, created_at, erased_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const contact = this.db.prepare(
      'INSERT INTO participant_contacts (participant_id, name, email, phone) VALUES (?, ?, ?, ?)',
    );
    const consent = this.db.prepare(
      'INSERT INTO consents (participant_id, kind, given, at) VALUES (?, ?, ?, ?)',
    );
    const answer = this.db.prepare(
      'INSERT INTO demographic_answers (participant_id, field_id, position, value) VALUES (?, ?, ?, ?)',
    );
    const attendance = this.db.prepare(
      'INSERT INTO attendance (participant_id, session_id, registered, attended) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const v of valid) {
        person.run(v.id, programmeId, v.descriptor, v.cohort, createdAt, v.erasedAt ?? null);
        if (v.contact) contact.run(v.id, v.contact.name, v.contact.email, v.contact.phone);
        for (const kind of CONSENT_KINDS)
          consent.run(v.id, kind, v.consent[kind].given ? 1 : 0, v.consent[kind].at);
        Object.entries(v.demographics).forEach(([field, value], i) =>
          answer.run(v.id, field, i, value),
        );
        for (const a of v.attendance)
          attendance.run(v.id, a.sessionId, a.registered ? 1 : 0, a.attended ? 1 : 0);
      }
    })();
  }

  setContact(participantId: string, contact: Contact | null): void {
    if (contact === null) {
      this.db
        .prepare('DELETE FROM participant_contacts WHERE participant_id = ?')
        .run(participantId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO participant_contacts (participant_id, name, email, phone) VALUES (?, ?, ?, ?)
         ON CONFLICT(participant_id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone`,
      )
      .run(participantId, contact.name, contact.email, contact.phone);
  }

  /** Records a consent decision and keeps its history, with who recorded it. */
  setConsent(
    participantId: string,
    kind: ConsentKind,
    given: boolean,
    at: string,
    source = 'participant',
  ): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consents (participant_id, kind, given, at) VALUES (?, ?, ?, ?)
           ON CONFLICT(participant_id, kind) DO UPDATE SET given = excluded.given, at = excluded.at`,
        )
        .run(participantId, kind, given ? 1 : 0, at);
      this.db
        .prepare(
          'INSERT INTO consent_history (participant_id, kind, given, at, source) VALUES (?, ?, ?, ?, ?)',
        )
        .run(participantId, kind, given ? 1 : 0, at, source);
    })();
  }

  /** Every consent decision recorded for a person, oldest first. */
  consentHistory(participantId: string): ConsentChange[] {
    const rows = this.db
      .prepare(
        'SELECT kind, given, at, source FROM consent_history WHERE participant_id = ? ORDER BY seq',
      )
      .all(participantId) as { kind: ConsentKind; given: number; at: string; source: string }[];
    return rows.map((r) => ({ kind: r.kind, given: r.given === 1, at: r.at, source: r.source }));
  }

  /**
   * Marks a record erased: demographics gone (a person who asked to be erased is no longer
   * described in reports), and the time kept so reports can say how many records were erased.
   */
  markErased(participantId: string, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM demographic_answers WHERE participant_id = ?')
        .run(participantId);
      this.db.prepare('UPDATE participants SET erased_at = ? WHERE id = ?').run(at, participantId);
    })();
  }

  /** Whether another person of the programme is already called this (case and spaces ignored). */
  descriptorTaken(programmeId: string, descriptor: string, exceptId: string | null): boolean {
    const row = this.db
      .prepare(
        `SELECT 1 FROM participants WHERE programme_id = ? AND id IS NOT ?
           AND lower(trim(descriptor)) = lower(trim(?))`,
      )
      .get(programmeId, exceptId, descriptor);
    return row !== undefined;
  }

  /** Replaces a person's answers with these, kept in the order given. */
  setDemographics(participantId: string, d: Demographics): void {
    const v = demographicsSchema.parse(d);
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM demographic_answers WHERE participant_id = ?')
        .run(participantId);
      const insert = this.db.prepare(
        'INSERT INTO demographic_answers (participant_id, field_id, position, value) VALUES (?, ?, ?, ?)',
      );
      Object.entries(v).forEach(([field, value], i) => insert.run(participantId, field, i, value));
    })();
  }

  setAttendance(participantId: string, a: Attendance): void {
    this.db
      .prepare(
        `INSERT INTO attendance (participant_id, session_id, registered, attended) VALUES (?, ?, ?, ?)
         ON CONFLICT(participant_id, session_id) DO UPDATE SET registered = excluded.registered, attended = excluded.attended`,
      )
      .run(participantId, a.sessionId, a.registered ? 1 : 0, a.attended ? 1 : 0);
  }

  programmeOf(participantId: string): string | null {
    const row = this.db
      .prepare('SELECT programme_id FROM participants WHERE id = ?')
      .get(participantId) as { programme_id: string } | undefined;
    return row?.programme_id ?? null;
  }

  get(participantId: string): Participant | null {
    const row = this.db
      .prepare('SELECT id, descriptor, cohort, erased_at FROM participants WHERE id = ?')
      .get(participantId) as ParticipantRow | undefined;
    return row ? this.assemble(row) : null;
  }

  list(programmeId: string): Participant[] {
    const rows = this.db
      .prepare(
        'SELECT id, descriptor, cohort, erased_at FROM participants WHERE programme_id = ? ORDER BY id',
      )
      .all(programmeId) as ParticipantRow[];
    return rows.map((r) => this.assemble(r));
  }

  private assemble(row: ParticipantRow): Participant {
    const consentRows = this.db
      .prepare('SELECT kind, given, at FROM consents WHERE participant_id = ?')
      .all(row.id) as { kind: ConsentKind; given: number; at: string | null }[];
    const consent = Object.fromEntries(
      CONSENT_KINDS.map((k) => {
        const c = consentRows.find((r) => r.kind === k);
        return [k, { given: c?.given === 1, at: c?.at ?? null }];
      }),
    ) as Consent;
    const answers = this.db
      .prepare(
        'SELECT field_id, value FROM demographic_answers WHERE participant_id = ? ORDER BY position',
      )
      .all(row.id) as { field_id: string; value: string | null }[];
    const contact = this.db
      .prepare('SELECT name, email, phone FROM participant_contacts WHERE participant_id = ?')
      .get(row.id) as Contact | undefined;
    const attendance = this.db
      .prepare(
        'SELECT session_id, registered, attended FROM attendance WHERE participant_id = ? ORDER BY session_id',
      )
      .all(row.id) as { session_id: string; registered: number; attended: number }[];
    return participantSchema.parse({
      id: row.id,
      descriptor: row.descriptor,
      cohort: row.cohort,
      consent,
      demographics: Object.fromEntries(answers.map((a) => [a.field_id, a.value])),
      attendance: attendance.map((a) => ({
        sessionId: a.session_id,
        registered: a.registered === 1,
        attended: a.attended === 1,
      })),
      contact: contact ?? null,
      ...(row.erased_at ? { erasedAt: row.erased_at } : {}),
    });
  }
}
