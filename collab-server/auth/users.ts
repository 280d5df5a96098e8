import { z } from 'zod';
import { newId } from '../../core/index.ts';
import type { Store } from '../store/index.ts';
import { grantMembership, UnknownProgrammeError } from './memberships.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.ts';

/** An admin is a facilitator who may also manage accounts and memberships. */
export const USER_ROLES = ['facilitator', 'observer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** The role as the rest of the server sees it: the admin flag folded in. */
const ROLE = `CASE WHEN is_admin = 1 THEN 'admin' ELSE role END`;

function storedRole(role: UserRole): 'facilitator' | 'observer' {
  return role === 'observer' ? 'observer' : 'facilitator';
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
    /** Programmes the account is a member of from the start. */
    programmes: z.array(z.string().min(1).max(64)).max(1000).optional(),
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
export async function addFacilitator(store: Store, input: NewUser, actor = 'cli'): Promise<User> {
  const v = newUserSchema.parse(input);
  if (findUserByEmail(store, v.email)) throw new UserExistsError(v.email);
  const hash = await hashPassword(v.password);
  const user: User = { id: newId('u'), email: v.email, name: v.name, role: v.role };
  store.transaction(() => {
    if (findUserByEmail(store, v.email)) throw new UserExistsError(v.email);
    for (const p of v.programmes ?? [])
      if (!store.records.hasProgramme(p)) throw new UnknownProgrammeError(p);
    store.db
      .prepare(
        'INSERT INTO users (id, email, name, role, is_admin, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        user.id,
        user.email,
        user.name,
        storedRole(user.role),
        user.role === 'admin' ? 1 : 0,
        hash,
        new Date().toISOString(),
      );
    store.audit(actor, 'user.add', user.id, { role: user.role });
    for (const p of v.programmes ?? []) grantMembership(store, p, user.id, actor);
  });
  return user;
}

export function findUserByEmail(store: Store, email: string): User | null {
  const row = store.db
    .prepare(`SELECT id, email, name, ${ROLE} AS role FROM users WHERE email = ? AND disabled = 0`)
    .get(email) as User | undefined;
  return row ?? null;
}

export function getUser(store: Store, id: string): User | null {
  const row = store.db
    .prepare(`SELECT id, email, name, ${ROLE} AS role FROM users WHERE id = ? AND disabled = 0`)
    .get(id) as User | undefined;
  return row ?? null;
}

export function listUsers(store: Store): User[] {
  return store.db
    .prepare(`SELECT id, email, name, ${ROLE} AS role FROM users WHERE disabled = 0 ORDER BY email`)
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

export interface Account extends User {
  disabled: boolean;
  createdAt: string;
}

/** Every account, disabled ones too, for the admin screen. */
export function listAccounts(store: Store): Account[] {
  const rows = store.db
    .prepare(
      `SELECT id, email, name, ${ROLE} AS role, disabled, created_at AS createdAt FROM users ORDER BY email`,
    )
    .all() as (User & { disabled: number; createdAt: string })[];
  return rows.map((r) => ({ ...r, disabled: r.disabled === 1 }));
}

export function getAccount(store: Store, id: string): Account | null {
  return listAccounts(store).find((a) => a.id === id) ?? null;
}

export class LastAdminError extends Error {
  constructor() {
    super('This is the only administrator left; make another account an administrator first.');
    this.name = 'LastAdminError';
  }
}

function activeAdmins(store: Store): number {
  return (
    store.db
      .prepare('SELECT COUNT(*) AS n FROM users WHERE is_admin = 1 AND disabled = 0')
      .get() as { n: number }
  ).n;
}

/**
 * Changes what an account is. Sign-ins end, so the new role applies from the next request; the
 * last active administrator cannot stop being one (nobody could manage accounts any more).
 */
export function setAccountRole(store: Store, id: string, role: UserRole, actor: string): void {
  store.transaction(() => {
    const before = getAccount(store, id);
    if (!before) throw new Error(`There is no account ${id}.`);
    if (before.role === role) return;
    if (before.role === 'admin' && !before.disabled && activeAdmins(store) <= 1)
      throw new LastAdminError();
    store.db
      .prepare('UPDATE users SET role = ?, is_admin = ? WHERE id = ?')
      .run(storedRole(role), role === 'admin' ? 1 : 0, id);
    store.db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(id);
    store.audit(actor, 'user.role', id, { from: before.role, to: role });
  });
}

/**
 * Disables an account (it can no longer sign in; its sign-ins end now) or enables it again.
 * Accounts are never deleted, so the audit log keeps naming who did what.
 */
export function setAccountDisabled(
  store: Store,
  id: string,
  disabled: boolean,
  actor: string,
): void {
  store.transaction(() => {
    const before = getAccount(store, id);
    if (!before) throw new Error(`There is no account ${id}.`);
    if (before.disabled === disabled) return;
    if (disabled && before.role === 'admin' && activeAdmins(store) <= 1) throw new LastAdminError();
    store.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
    if (disabled) store.db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(id);
    store.audit(actor, disabled ? 'user.disable' : 'user.enable', id);
  });
}
