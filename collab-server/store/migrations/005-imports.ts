import type { StoreMigration } from './types.ts';

/**
 * Imports of attendee lists, transcripts and typed-up notes, with what each changed so the last
 * one can be undone. No file name, speaker name or contact detail is kept here: `summary` holds
 * counts and `undo` holds ids and the names of fields an import filled in, nothing else, so an
 * erasure never has a copy of someone's details to chase in this table.
 */
export const imports: StoreMigration = {
  version: 6,
  name: 'imports-with-undo',
  sql: `
    CREATE TABLE imports (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('registrations', 'transcript', 'notes')),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      summary TEXT NOT NULL,            -- JSON: counts shown to the facilitator
      undo TEXT NOT NULL,               -- JSON: ids created and fields filled, to reverse them
      undone_at TEXT
    ) STRICT;
    CREATE INDEX imports_by_programme ON imports(programme_id, at);
  `,
};
