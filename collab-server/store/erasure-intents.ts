import type Database from 'better-sqlite3';

export interface ErasureIntent {
  id: number;
  participantId: string;
  sessionIds: string[];
}

/**
 * Erasures whose scrub of the file has not finished yet (migration 004). Written inside the
 * erasure's own transaction, cleared only after a scrub that started after it.
 */
export class ErasureIntents {
  constructor(private readonly db: Database.Database) {}

  add(participantId: string, sessionIds: readonly string[], at = new Date()): void {
    this.db
      .prepare(
        'INSERT INTO erasure_intents (participant_id, session_ids, requested_at) VALUES (?, ?, ?)',
      )
      .run(participantId, JSON.stringify(sessionIds), at.toISOString());
  }

  pending(): ErasureIntent[] {
    const rows = this.db
      .prepare('SELECT id, participant_id, session_ids FROM erasure_intents ORDER BY id')
      .all() as { id: number; participant_id: string; session_ids: string }[];
    return rows.map((r) => ({
      id: r.id,
      participantId: r.participant_id,
      sessionIds: JSON.parse(r.session_ids) as string[],
    }));
  }

  /** The newest intent's id (0 with none): a scrub starting now covers every intent up to it. */
  newest(): number {
    const row = this.db.prepare('SELECT MAX(id) AS id FROM erasure_intents').get() as {
      id: number | null;
    };
    return row.id ?? 0;
  }

  clearUpTo(id: number): void {
    this.db.prepare('DELETE FROM erasure_intents WHERE id <= ?').run(id);
  }
}
