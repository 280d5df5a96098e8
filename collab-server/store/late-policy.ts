import type Database from 'better-sqlite3';

/** The most days after close a facilitator may keep a session open to late words. */
export const MAX_LATE_DAYS = 90;

export interface LatePolicy {
  /** Days after close during which participants' words are still accepted, marked late. */
  days: number;
  /** When the session last closed (ISO), or null while it has never closed. */
  closedAt: string | null;
  /** Until when late words are accepted (ISO), or null when they are not (or not yet closed). */
  lateUntil: string | null;
}

/**
 * Per-session "accept late contributions for N days after close". A session with no row
 * accepts none, which is how every session behaved before the setting existed.
 */
export class LatePolicies {
  constructor(private readonly db: Database.Database) {}

  get(sessionId: string): LatePolicy {
    const row = this.db
      .prepare('SELECT late_days, closed_at FROM session_late_policy WHERE session_id = ?')
      .get(sessionId) as { late_days: number; closed_at: string | null } | undefined;
    const days = row?.late_days ?? 0;
    const closedAt = row?.closed_at ?? null;
    const lateUntil =
      closedAt && days > 0
        ? new Date(Date.parse(closedAt) + days * 86_400_000).toISOString()
        : null;
    return { days, closedAt, lateUntil };
  }

  setDays(sessionId: string, days: number): void {
    this.db
      .prepare(
        `INSERT INTO session_late_policy (session_id, late_days) VALUES (?, ?)
         ON CONFLICT(session_id) DO UPDATE SET late_days = excluded.late_days`,
      )
      .run(sessionId, days);
  }

  markClosed(sessionId: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO session_late_policy (session_id, closed_at) VALUES (?, ?)
         ON CONFLICT(session_id) DO UPDATE SET closed_at = excluded.closed_at`,
      )
      .run(sessionId, at);
  }

  /** Whether a closed session takes late words at `now`. */
  acceptsLate(sessionId: string, now: number): boolean {
    const { lateUntil } = this.get(sessionId);
    return lateUntil !== null && now < Date.parse(lateUntil);
  }
}
