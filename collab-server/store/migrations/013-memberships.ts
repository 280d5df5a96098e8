import type { StoreMigration } from './types.ts';

/**
 * Who sees which programme in server mode (issue #20, item 7).
 *
 * - `programme_members`: one row per account allowed into a programme. What the member may do
 *   there follows from the account's role (a facilitator edits, an observer downloads exports),
 *   so changing someone's role never leaves a membership that says something else.
 * - `users.is_admin`: an administrator is a facilitator account that may also manage accounts
 *   and memberships. Kept as a flag beside `role` because SQLite cannot change the role column's
 *   CHECK without rebuilding `users` (and, through its cascade, signing everyone out).
 *
 * Upgrading a data folder: every account that exists now becomes a member of every programme
 * that exists now, so nobody loses access they had the moment before; an administrator then
 * narrows it down on the admin screen or with `cohear member remove`.
 *
 * Version 8: after 008-programme-fields on this branch; the lead renumbers at merge.
 */
export const memberships: StoreMigration = {
  version: 8,
  name: 'programme-memberships-and-admins',
  sql: `
    CREATE TABLE programme_members (
      programme_id TEXT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      granted_at TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      PRIMARY KEY (programme_id, user_id)
    ) STRICT;
    CREATE INDEX programme_members_by_user ON programme_members(user_id);

    ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1));

    INSERT INTO programme_members (programme_id, user_id, granted_at, granted_by)
      SELECT p.id, u.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'upgrade'
      FROM programmes p CROSS JOIN users u WHERE u.disabled = 0;
  `,
};
