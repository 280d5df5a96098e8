import type { Store } from '../store/index.ts';
import type { Principal } from './principal.ts';

/**
 * Programme memberships (server mode): which accounts may reach which programme. What a member
 * may do there comes from the account's role; desktop mode has one local user, who reaches
 * every programme.
 */

export class UnknownProgrammeError extends Error {
  constructor(id: string) {
    super(`There is no programme ${id}. Nothing was changed.`);
    this.name = 'UnknownProgrammeError';
  }
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: 'facilitator' | 'observer' | 'admin';
  disabled: boolean;
  grantedAt: string;
  grantedBy: string;
}

/** Adds an account to a programme; true if it was not a member before. Audited. */
export function grantMembership(
  store: Store,
  programmeId: string,
  userId: string,
  actor: string,
): boolean {
  return store.transaction(() => {
    if (!store.records.hasProgramme(programmeId)) throw new UnknownProgrammeError(programmeId);
    const r = store.db
      .prepare(
        `INSERT INTO programme_members (programme_id, user_id, granted_at, granted_by)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(programmeId, userId, new Date().toISOString(), actor);
    if (r.changes > 0) store.audit(actor, 'member.add', programmeId, { user: userId });
    return r.changes > 0;
  });
}

/** Takes an account out of a programme; true if it was a member. Audited. */
export function revokeMembership(
  store: Store,
  programmeId: string,
  userId: string,
  actor: string,
): boolean {
  return store.transaction(() => {
    const r = store.db
      .prepare('DELETE FROM programme_members WHERE programme_id = ? AND user_id = ?')
      .run(programmeId, userId);
    if (r.changes > 0) store.audit(actor, 'member.remove', programmeId, { user: userId });
    return r.changes > 0;
  });
}

export function listMembers(store: Store, programmeId: string): Member[] {
  const rows = store.db
    .prepare(
      `SELECT u.id AS userId, u.email, u.name,
         CASE WHEN u.is_admin = 1 THEN 'admin' ELSE u.role END AS role,
         u.disabled, m.granted_at AS grantedAt, m.granted_by AS grantedBy
       FROM programme_members m JOIN users u ON u.id = m.user_id
       WHERE m.programme_id = ? ORDER BY u.email`,
    )
    .all(programmeId) as (Omit<Member, 'disabled'> & { disabled: number })[];
  return rows.map((r) => ({ ...r, disabled: r.disabled === 1 }));
}

export function isMember(store: Store, programmeId: string, userId: string): boolean {
  return (
    store.db
      .prepare('SELECT 1 FROM programme_members WHERE programme_id = ? AND user_id = ?')
      .get(programmeId, userId) !== undefined
  );
}

/** The programmes an account is a member of. */
export function programmesOf(store: Store, userId: string): Set<string> {
  const rows = store.db
    .prepare('SELECT programme_id AS id FROM programme_members WHERE user_id = ?')
    .all(userId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether a signed-in facilitator or observer may reach a programme at all (what they may do
 * there is each route's role check). The desktop's local user has no account and reaches all.
 */
export function mayReachProgramme(
  store: Store,
  principal: Principal,
  programmeId: string,
): boolean {
  if (principal.role === 'participant') return false;
  if (principal.userId === null) return true;
  return isMember(store, programmeId, principal.userId);
}

/** The programme a document belongs to: `programme/<id>`, or the session's for session and room. */
export function programmeOfDoc(store: Store, kind: string, id: string): string | null {
  if (kind === 'programme') return store.records.hasProgramme(id) ? id : null;
  return store.records.sessionProgrammeId(id);
}
