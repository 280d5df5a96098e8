import type Database from 'better-sqlite3';
import {
  programmeSchema,
  programmeSettingsSchema,
  sessionSchema,
  type ProgrammeSettings,
  type Programme,
  type ProgrammeSummary,
  type Session,
} from '../../core/index.ts';

export type { ProgrammeSummary } from '../../core/index.ts';

/** Programmes and their sessions' planned details. */
export class ProgrammeRecordsTable {
  constructor(private readonly db: Database.Database) {}

  putProgramme(p: Programme): void {
    const v = programmeSchema.parse(p);
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO programmes (id, title, details, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, details = excluded.details, updated_at = excluded.updated_at`,
      )
      .run(v.id, v.title, JSON.stringify(v), now, now);
  }

  getProgramme(id: string): Programme | null {
    const row = this.db.prepare('SELECT details FROM programmes WHERE id = ?').get(id) as
      { details: string } | undefined;
    return row ? programmeSchema.parse(JSON.parse(row.details)) : null;
  }

  /** The programme's analysis settings; undefined when it never set any (defaults apply). */
  getSettings(programmeId: string): ProgrammeSettings | undefined {
    const row = this.db
      .prepare('SELECT settings FROM programme_settings WHERE programme_id = ?')
      .get(programmeId) as { settings: string } | undefined;
    return row ? programmeSettingsSchema.parse(JSON.parse(row.settings)) : undefined;
  }

  putSettings(programmeId: string, settings: ProgrammeSettings): void {
    const v = programmeSettingsSchema.parse(settings);
    this.db
      .prepare(
        `INSERT INTO programme_settings (programme_id, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(programme_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      )
      .run(programmeId, JSON.stringify(v), new Date().toISOString());
  }

  hasProgramme(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM programmes WHERE id = ?').get(id) !== undefined;
  }

  listProgrammes(): ProgrammeSummary[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.details,
           (SELECT COUNT(*) FROM sessions s WHERE s.programme_id = p.id) AS sessions,
           (SELECT COUNT(*) FROM participants q WHERE q.programme_id = p.id) AS participants
         FROM programmes p ORDER BY p.created_at, p.id`,
      )
      .all() as { id: string; details: string; sessions: number; participants: number }[];
    return rows.map((r) => {
      const p = programmeSchema.parse(JSON.parse(r.details));
      return {
        id: r.id,
        title: p.title,
        organisation: p.organisation,
        sessionCount: r.sessions,
        participantCount: r.participants,
      };
    });
  }

  putSession(programmeId: string, s: Session): void {
    const v = sessionSchema.parse(s);
    const owner = this.sessionProgrammeId(v.id);
    if (owner !== null && owner !== programmeId) {
      throw new Error(`session ${v.id} belongs to programme ${owner}, not ${programmeId}`);
    }
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO sessions (id, programme_id, date, details, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET date = excluded.date, details = excluded.details, updated_at = excluded.updated_at`,
      )
      .run(v.id, programmeId, v.date, JSON.stringify(v), now, now);
  }

  getSession(id: string): Session | null {
    const row = this.db.prepare('SELECT details FROM sessions WHERE id = ?').get(id) as
      { details: string } | undefined;
    return row ? sessionSchema.parse(JSON.parse(row.details)) : null;
  }

  sessionProgrammeId(sessionId: string): string | null {
    const row = this.db.prepare('SELECT programme_id FROM sessions WHERE id = ?').get(sessionId) as
      { programme_id: string } | undefined;
    return row?.programme_id ?? null;
  }

  listSessions(programmeId: string): Session[] {
    const rows = this.db
      .prepare('SELECT details FROM sessions WHERE programme_id = ? ORDER BY date, id')
      .all(programmeId) as { details: string }[];
    return rows.map((r) => sessionSchema.parse(JSON.parse(r.details)));
  }

  /** Removes a session's record (its join code and attendance rows go with it, by cascade). */
  deleteSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
  }

  /** How many people have an attendance row (registered or attended) for the session. */
  attendanceCount(sessionId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM attendance WHERE session_id = ?')
      .get(sessionId) as { n: number };
    return row.n;
  }
}
