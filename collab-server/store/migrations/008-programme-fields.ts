import type { StoreMigration } from './types.ts';

/**
 * Demographic fields became a programme setting, so answers are kept one row per field instead
 * of one column per fixed field. `position` keeps each person's answers in the order they were
 * given, so a programme file exported, imported and exported again is byte-identical. Settings
 * (fields, the clouds' stop list, a local reference population) are stored with the programme
 * as one validated JSON value; a programme without a row uses the defaults.
 */
export const programmeFields: StoreMigration = {
  // Third in this branch; the lead renumbers the file (008) and this version at merge.
  version: 7,
  name: 'programme-settings-and-demographic-answers',
  sql: `
    CREATE TABLE programme_settings (
      programme_id TEXT PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
      settings TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE demographic_answers (
      participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
      field_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      value TEXT,
      PRIMARY KEY (participant_id, field_id)
    ) STRICT;

    INSERT INTO demographic_answers (participant_id, field_id, position, value)
      SELECT participant_id, 'gender', 0, gender FROM demographics
      UNION ALL SELECT participant_id, 'ageBand', 1, age_band FROM demographics
      UNION ALL SELECT participant_id, 'ethnicity', 2, ethnicity FROM demographics
      UNION ALL SELECT participant_id, 'town', 3, town FROM demographics;

    DROP TABLE demographics;
  `,
};
