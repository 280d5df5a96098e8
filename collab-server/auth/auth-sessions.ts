import type { Store } from '../store/index.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { getUser, type User } from './users.ts';

/**
 * Sign-in sessions for server mode. The token goes to the browser in an http-only, SameSite
 * cookie; only its hash is stored, and logout deletes it.
 */
export class AuthSessions {
  constructor(
    private readonly store: Store,
    private readonly lifetimeMs: number,
  ) {}

  create(userId: string): { token: string; expiresAt: Date } {
    const token = newSecret();
    const now = Date.now();
    const expiresAt = new Date(now + this.lifetimeMs);
    this.store.db
      .prepare(
        'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(hashSecret(token), userId, new Date(now).toISOString(), expiresAt.toISOString());
    return { token, expiresAt };
  }

  resolve(token: string): User | null {
    const row = this.store.db
      .prepare('SELECT user_id, expires_at FROM auth_sessions WHERE token_hash = ?')
      .get(hashSecret(token)) as { user_id: string; expires_at: string } | undefined;
    if (!row) return null;
    if (Date.parse(row.expires_at) <= Date.now()) {
      this.revoke(token);
      return null;
    }
    return getUser(this.store, row.user_id);
  }

  revoke(token: string): void {
    this.store.db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(hashSecret(token));
  }
}
