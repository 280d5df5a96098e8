import { randomInt } from 'node:crypto';
import type { Store } from '../store/index.ts';
import { LatePolicies } from '../store/late-policy.ts';
import { newSecret } from './secrets.ts';

/** How long a closed session's code still answers "closed" rather than "wrong". */
export const CLOSED_CODE_KEPT_MS = 30 * 86_400_000;

/**
 * Join codes: digits only, because digits are the easiest thing to read aloud in a room and to
 * type on a phone's number pad (the participant page asks for `inputmode="numeric"`). The length
 * is chosen with the throttle so a live code cannot be guessed (docs/security.md).
 */
export interface JoinCodeOptions {
  digits: number;
  /** Most sessions open at once; part of the guessing bound, so it is enforced. */
  maxLiveCodes: number;
}

export interface JoinInfo {
  sessionId: string;
  /** Digits only, as stored and compared. */
  code: string;
  /** Grouped in fours for reading aloud: "4821 0937 5562". */
  codeDisplay: string;
  /** The 128-bit key the join link carries; it bypasses the total guess limit. */
  linkKey: string;
}

export class TooManyOpenSessionsError extends Error {
  constructor(max: number) {
    super(
      `At most ${max} sessions may be open at once on this server (it keeps join codes unguessable). Close one first.`,
    );
    this.name = 'TooManyOpenSessionsError';
  }
}

export function formatCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Whatever a person typed, as digits: spaces, dashes and dots are ignored. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s\-.]/g, '');
}

export class JoinCodes {
  constructor(
    private readonly store: Store,
    readonly options: JoinCodeOptions,
  ) {}

  /** The live code of a session, issuing one if it has none. */
  issue(sessionId: string): JoinInfo {
    const existing = this.get(sessionId);
    if (existing) return existing;
    return this.store.transaction(() => {
      const live = (
        this.store.db.prepare('SELECT COUNT(*) AS n FROM join_codes').get() as { n: number }
      ).n;
      if (live >= this.options.maxLiveCodes)
        throw new TooManyOpenSessionsError(this.options.maxLiveCodes);
      for (;;) {
        let code = '';
        for (let i = 0; i < this.options.digits; i++) code += String(randomInt(10));
        const taken =
          this.store.db.prepare('SELECT 1 FROM join_codes WHERE code = ?').get(code) ??
          this.store.db.prepare('SELECT 1 FROM closed_join_codes WHERE code = ?').get(code);
        if (taken) continue;
        // Reopened: its old code is no longer "closed".
        this.store.db.prepare('DELETE FROM closed_join_codes WHERE session_id = ?').run(sessionId);
        const linkKey = newSecret();
        this.store.db
          .prepare(
            'INSERT INTO join_codes (session_id, code, link_key, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(sessionId, code, linkKey, new Date().toISOString());
        return { sessionId, code, codeDisplay: formatCode(code), linkKey };
      }
    });
  }

  get(sessionId: string): JoinInfo | null {
    const row = this.store.db
      .prepare('SELECT code, link_key FROM join_codes WHERE session_id = ?')
      .get(sessionId) as { code: string; link_key: string } | undefined;
    return row
      ? { sessionId, code: row.code, codeDisplay: formatCode(row.code), linkKey: row.link_key }
      : null;
  }

  /** The session a code opens, or null. */
  findByCode(code: string): string | null {
    const row = this.store.db
      .prepare('SELECT session_id FROM join_codes WHERE code = ?')
      .get(normaliseCode(code)) as { session_id: string } | undefined;
    return row?.session_id ?? null;
  }

  findByLinkKey(key: string): string | null {
    const row = this.store.db
      .prepare('SELECT session_id FROM join_codes WHERE link_key = ?')
      .get(key) as { session_id: string } | undefined;
    return row?.session_id ?? null;
  }

  /**
   * Closing a session kills its code and link at once. The code is remembered (not live) so
   * that typing it says the session has closed, and the time of closing starts any period of
   * late contributions.
   */
  revoke(sessionId: string, now = Date.now()): void {
    const at = new Date(now).toISOString();
    const code = this.get(sessionId)?.code;
    this.store.transaction(() => {
      this.store.db
        .prepare('DELETE FROM closed_join_codes WHERE closed_at < ?')
        .run(new Date(now - CLOSED_CODE_KEPT_MS).toISOString());
      if (code)
        this.store.db
          .prepare(
            'INSERT OR REPLACE INTO closed_join_codes (code, session_id, closed_at) VALUES (?, ?, ?)',
          )
          .run(code, sessionId, at);
      this.store.db.prepare('DELETE FROM join_codes WHERE session_id = ?').run(sessionId);
      new LatePolicies(this.store.db).markClosed(sessionId, at);
    });
  }

  /** The session a closed code belonged to (kept for 30 days after closing), or null. */
  findClosedByCode(code: string, now = Date.now()): string | null {
    const row = this.store.db
      .prepare('SELECT session_id, closed_at FROM closed_join_codes WHERE code = ?')
      .get(normaliseCode(code)) as { session_id: string; closed_at: string } | undefined;
    if (!row || Date.parse(row.closed_at) < now - CLOSED_CODE_KEPT_MS) return null;
    return row.session_id;
  }
}
