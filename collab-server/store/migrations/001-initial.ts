import type { StoreMigration } from './types.ts';

/**
 * The first schema. Records that the app edits as a whole (a programme's details, a session's
 * plan, a participant's descriptor) are JSON columns validated by core's zod schemas; what the
 * app queries or erases by (ids, consent, demographics, attendance) has real columns.
 */
export const initial: StoreMigration = {
  version: 1,
  name: 'initial-programmes-participants-documents-audit',
  sql: `
    CREATE TABLE programmes (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      details TEXT NOT NULL,            -- JSON: core Programme
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      details TEXT NOT NULL,            -- JSON: core Session
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_programme ON sessions(programme_id, date);

    CREATE TABLE participants (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      descriptor TEXT NOT NULL,
      cohort TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX participants_by_programme ON participants(programme_id);

    -- Personal data lives only here, never in a Yjs document.
    CREATE TABLE participant_contacts (
      participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
      name TEXT,
      email TEXT,
      phone TEXT
    ) STRICT;

    CREATE TABLE consents (
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('storeWords', 'quoteAnonymously', 'recording')),
      given INTEGER NOT NULL CHECK (given IN (0, 1)),
      at TEXT,
      PRIMARY KEY (participant_id, kind)
    ) STRICT;

    -- Every consent change, kept so a facilitator can show when consent was given or withdrawn.
    CREATE TABLE consent_history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      given INTEGER NOT NULL,
      at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE demographics (
      participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
      gender TEXT,
      age_band TEXT,
      ethnicity TEXT,
      town TEXT
    ) STRICT;

    CREATE TABLE attendance (
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      registered INTEGER NOT NULL CHECK (registered IN (0, 1)),
      attended INTEGER NOT NULL CHECK (attended IN (0, 1)),
      PRIMARY KEY (participant_id, session_id)
    ) STRICT;

    -- The Yjs update log: every accepted update, committed before it is acknowledged.
    CREATE TABLE doc_updates (
      doc TEXT NOT NULL,
      seq INTEGER NOT NULL,
      update_data BLOB NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (doc, seq)
    ) STRICT, WITHOUT ROWID;

    -- A compacted state per document: the log up to and including upto_seq, merged.
    CREATE TABLE doc_snapshots (
      doc TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      upto_seq INTEGER NOT NULL,
      at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
  `,
};
