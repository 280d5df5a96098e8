import type { Store } from '../store/index.ts';
import { hashSecret, newSecret } from './secrets.ts';

export interface ParticipantGrant {
  sessionId: string;
  participantId: string;
}

/**
 * Tokens a participant's phone keeps after joining: 128 random bits, scoped to one session,
 * stored hashed. Resolved on every request and connection, so they are cached in memory.
 */
export class ParticipantTokens {
  private readonly cache = new Map<string, ParticipantGrant>();

  constructor(private readonly store: Store) {}

  issue(grant: ParticipantGrant): string {
    const token = newSecret();
    this.store.db
      .prepare(
        'INSERT INTO participant_tokens (token_hash, session_id, participant_id, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(hashSecret(token), grant.sessionId, grant.participantId, new Date().toISOString());
    return token;
  }

  resolve(token: string): ParticipantGrant | null {
    const h = hashSecret(token);
    const hit = this.cache.get(h);
    if (hit) return hit;
    const row = this.store.db
      .prepare('SELECT session_id, participant_id FROM participant_tokens WHERE token_hash = ?')
      .get(h) as { session_id: string; participant_id: string } | undefined;
    if (!row) return null;
    const grant = { sessionId: row.session_id, participantId: row.participant_id };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(h, grant);
    return grant;
  }
}
