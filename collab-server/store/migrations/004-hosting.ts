import type { StoreMigration } from './types.ts';

/**
 * Hosting and information governance (issue #20).
 *
 * - `erasure_intents`: an erasure's promise to scrub the file, committed in the same transaction
 *   as the erasure itself. A row lives until a scrub (compaction, VACUUM, TRUNCATE checkpoint)
 *   has finished after it; a restart finishes any left before serving anyone, so a crash between
 *   the erasure and its scrub cannot leave the words in the file. It holds ids only, never words.
 * - `programme_retention`: how long a programme keeps contact details and everything identifying
 *   after its last session (core/retention); no row means kept until erased.
 * - `retention_expiries`: participants whose identifying data the expiry job has erased, so the
 *   daily run does not erase them again.
 *
 * Version 4: after 003-people.
 */
export const hosting: StoreMigration = {
  version: 4,
  name: 'hosting-erasure-intents-retention',
  sql: `
    CREATE TABLE erasure_intents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      participant_id TEXT NOT NULL,
      -- JSON array of the session ids whose documents held the participant's words.
      session_ids TEXT NOT NULL,
      requested_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE programme_retention (
      programme_id TEXT PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
      contact_months INTEGER,
      identifying_months INTEGER,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE retention_expiries (
      participant_id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL,
      expired_at TEXT NOT NULL
    ) STRICT;
  `,
};
