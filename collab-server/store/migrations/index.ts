import { initial } from './001-initial.ts';
import { auth } from './002-auth.ts';
import { programmeFields } from './008-programme-fields.ts';
import type { StoreMigration } from './types.ts';

/** Every schema step in order. Append only: the version of each is its place in this list. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [initial, auth, programmeFields];

export type { StoreMigration } from './types.ts';
