import { initial } from './001-initial.ts';
import { auth } from './002-auth.ts';
import { people } from './003-people.ts';
import { hosting } from './004-hosting.ts';
import { lateContributions } from './006-late-contributions.ts';
import { imports } from './005-imports.ts';
import { programmeFields } from './008-programme-fields.ts';
import { memberships } from './013-memberships.ts';
import type { StoreMigration } from './types.ts';

/** Every schema step in order. Append only: the version of each is its place in this list. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [
  initial,
  auth,
  people,
  hosting,
  lateContributions,
  imports,
  programmeFields,
  memberships,
];

export type { StoreMigration } from './types.ts';
