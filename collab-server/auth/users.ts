import { z } from 'zod';
import { newId } from '../../core/index.ts';
import type { Store } from '../store/index.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';

export const USER_ROLES = ['facilitator', 'observer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Long enough to resist guessing, short enough that people do not write it on a sticky note. */
export const PASSWORD_MIN_CHARS = 10;

export const newUserSchema = z
  .object({
    email: z.email({ error: 'expected an email address' }).max(320),
    name: z.string().trim().min(1, 'expected a name').max(200),
    password: z
      .string()
      .min(PASSWORD_MIN_CHARS, `a password needs at least ${PASSWORD_MIN_CHARS} characters`)
      .max(1000),
    role: z.enum(USER_ROLES).default('facilitator'),
  })
  .strict();
export type NewUser = z.input<typeof newUserSchema>;

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`There is already an account for ${email}. Nothing was changed.`);
    this.name = 'UserExistsError';
  }
}

/**
 * Adds a facilitator (or, with `role: 'observer'`, a commissioner who may only download exports)
 * for server mode. Used by `cohear user add`.
 *
 * @example
 *   const store = Store.openFolder(dir);
 *   const user = await addFacilitator(store, { email: 'sam@example.org', name: 'Sam', password });
 */
export async function addFacilitator(store: Store, input: NewUser): Promise<User> {
  const v = newUserSchema.parse(input);
  if (findUserByEmail(store, v.email)) throw new UserExistsError(v.email);
  const hash = await hashPassword(v.password);
  const user: User = { id: newId('u'), email: v.email, name: v.name, role: v.role };
  store.transaction(() => {
    if (findUserByEmail(store, v.email)) throw new UserExistsError(v.email);
    store.db
      .prepare(
        'INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(user.id, user.email, user.name, user.role, hash, new Date().toISOString());
    store.audit('cli', 'user.add', user.id, { role: user.role });
  });
  return user;
}

export function findUserByEmail(store: Store, email: string): User | null {
  const row = store.db
    .prepare('SELECT id, email, name, role FROM users WHERE email = ? AND disabled = 0')
    .get(email) as User | undefined;
  return row ?? null;
}

export function getUser(store: Store, id: string): User | null {
  const row = store.db
    .prepare('SELECT id, email, name, role FROM users WHERE id = ? AND disabled = 0')
    .get(id) as User | undefined;
  return row ?? null;
}

export function listUsers(store: Store): User[] {
  return store.db
    .prepare('SELECT id, email, name, role FROM users WHERE disabled = 0 ORDER BY email')
    .all() as User[];
}

/** Checks an email and password; a missing account takes as long as a wrong password. */
export async function checkLogin(
  store: Store,
  email: string,
  password: string,
): Promise<User | null> {
  const row = store.db
    .prepare('SELECT id, password_hash FROM users WHERE email = ? AND disabled = 0')
    .get(email) as { id: string; password_hash: string } | undefined;
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return ok && row ? getUser(store, row.id) : null;
}
