import type Database from 'better-sqlite3';
import {
  NO_RETENTION_LIMIT,
  retentionSchedule,
  type RetentionPolicy,
  type RetentionSchedule,
} from '../../core/index.ts';

/** Retention periods per programme and the participants already expired (migration 004). */
export class RetentionRecords {
  constructor(private readonly db: Database.Database) {}

  policy(programmeId: string): RetentionPolicy {
    const row = this.db
      .prepare(
        'SELECT contact_months, identifying_months FROM programme_retention WHERE programme_id = ?',
      )
      .get(programmeId) as { contact_months: number | null; identifying_months: number | null };
    if (!row) return NO_RETENTION_LIMIT;
    return {
      contactMonthsAfterEnd: row.contact_months,
      identifyingMonthsAfterEnd: row.identifying_months,
    };
  }

  setPolicy(programmeId: string, policy: RetentionPolicy, actor: string, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO programme_retention (programme_id, contact_months, identifying_months, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(programme_id) DO UPDATE SET contact_months = excluded.contact_months,
           identifying_months = excluded.identifying_months, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(
        programmeId,
        policy.contactMonthsAfterEnd,
        policy.identifyingMonthsAfterEnd,
        at.toISOString(),
        actor,
      );
  }

  /** Programmes with a period set. */
  programmesWithPolicy(): string[] {
    return (
      this.db.prepare('SELECT programme_id FROM programme_retention').all() as {
        programme_id: string;
      }[]
    ).map((r) => r.programme_id);
  }

  schedule(programmeId: string, today: string): RetentionSchedule {
    const dates = (
      this.db.prepare('SELECT date FROM sessions WHERE programme_id = ?').all(programmeId) as {
        date: string;
      }[]
    ).map((r) => r.date);
    return retentionSchedule(this.policy(programmeId), dates, today);
  }

  /** Participants of a programme whose contact details are still held. */
  withContact(programmeId: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT c.participant_id AS id FROM participant_contacts c
           JOIN participants p ON p.id = c.participant_id WHERE p.programme_id = ?`,
        )
        .all(programmeId) as { id: string }[]
    ).map((r) => r.id);
  }

  /** Participants of a programme the expiry job has not yet erased. */
  notExpired(programmeId: string): string[] {
    return (
      this.db
        .prepare(
          `SELECT id FROM participants WHERE programme_id = ?
           AND id NOT IN (SELECT participant_id FROM retention_expiries)`,
        )
        .all(programmeId) as { id: string }[]
    ).map((r) => r.id);
  }

  markExpired(participantId: string, programmeId: string, at: Date): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO retention_expiries (participant_id, programme_id, expired_at) VALUES (?, ?, ?)',
      )
      .run(participantId, programmeId, at.toISOString());
  }
}
