import type { StoreMigration } from './types.ts';

/**
 * Late contributions and closed codes.
 *
 * - `session_late_policy`: how many days after close a session still accepts participants'
 *   words (marked late), and when it closed. Kept beside the session row rather than in its
 *   JSON details, so the programme file's session schema does not change.
 * - `closed_join_codes`: a closed session's code, kept for a while so a participant who types
 *   it is told the session has closed instead of that they mistyped. Security decision: such a
 *   code opens nothing, so saying it belonged to a closed session tells a guesser nothing
 *   they can use; new codes never reuse one while it is kept.
 */
export const lateContributions: StoreMigration = {
  version: 5,
  name: 'late-contributions-and-closed-join-codes',
  sql: `
    CREATE TABLE session_late_policy (
      session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
      late_days INTEGER NOT NULL DEFAULT 0 CHECK (late_days BETWEEN 0 AND 90),
      closed_at TEXT
    ) STRICT;

    CREATE TABLE closed_join_codes (
      code TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      closed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX closed_join_codes_by_session ON closed_join_codes(session_id);
  `,
};
