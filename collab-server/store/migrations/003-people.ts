import type { StoreMigration } from './types.ts';

/**
 * People kept by the facilitator: named cohorts, erasure marked on the record, who recorded each
 * consent decision, when a person joined a session, and personal join links.
 *
 * Security decisions:
 * - A personal link key is stored as given, like a session's link key: the facilitator must be
 *   able to print the card again. It admits only to a session of the person's programme that is
 *   open, and it is deleted when the person is erased.
 */
export const people: StoreMigration = {
  version: 3,
  name: 'people-cohorts-erasure-consent-source-personal-links',
  sql: `
    CREATE TABLE cohorts (
      programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      descriptor TEXT NOT NULL,         -- the word reports call its people by: "Resident"
      PRIMARY KEY (programme_id, name)
    ) STRICT;

    -- Set when the record was erased at the person's request; reports count them in attendance only.
    ALTER TABLE participants ADD COLUMN erased_at TEXT;

    -- Who recorded a consent decision: 'participant' (their own phone) or the facilitator's
    -- account id with the paper form they copied it from.
    ALTER TABLE consent_history ADD COLUMN source TEXT NOT NULL DEFAULT 'participant';

    CREATE TABLE personal_links (
      participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
      link_key TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
