import { randomInt } from 'node:crypto';
import type { Store } from '../store/index.ts';
import { newSecret } from './secrets.ts';

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
        const taken = this.store.db.prepare('SELECT 1 FROM join_codes WHERE code = ?').get(code);
        if (taken) continue;
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

  /** Closing a session kills its code and link at once. */
  revoke(sessionId: string): void {
    this.store.db.prepare('DELETE FROM join_codes WHERE session_id = ?').run(sessionId);
  }
}
