import type { StoreMigration } from './types.ts';

/**
 * Accounts, sign-in sessions, join codes, participant tokens and the participant write journal.
 *
 * Security decisions:
 * - Passwords are stored only as scrypt hashes (salt and parameters inside the string).
 * - Sign-in tokens and participant tokens are stored as SHA-256 hashes: a copied database file
 *   does not let anyone sign in. They carry 128 bits of randomness, so an unsalted hash is enough.
 * - Join codes and join-link keys are stored as given: the facilitator must be able to show them
 *   again, and they die when the session closes.
 */
export const auth: StoreMigration = {
  version: 2,
  name: 'auth-accounts-join-codes-participant-tokens-write-journal',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('facilitator', 'observer')),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
    ) STRICT;

    CREATE TABLE auth_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);

    -- At most one live code per session; closing the session deletes the row.
    CREATE TABLE join_codes (
      session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
      code TEXT NOT NULL UNIQUE,
      link_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE participant_tokens (
      token_hash TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX participant_tokens_by_participant ON participant_tokens(participant_id);

    -- Every accepted participant write, keyed by the id the client made, so a retry returns the
    -- first answer instead of applying twice.
    CREATE TABLE participant_writes (
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      write_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      response TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (participant_id, write_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
