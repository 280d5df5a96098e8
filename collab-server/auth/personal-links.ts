import type { Session } from '../../core/index.ts';
import type { Store } from '../store/index.ts';
import { newSecret } from './secrets.ts';

/**
 * Personal join links: one per registered person, printed on a card as a QR code or copied into
 * the facilitator's own email. The key (128 random bits, in the link's fragment like a session's
 * link key) ties the phone that opens it to that person's registration, so the attendance and
 * consent recorded are theirs. It admits only to a session of their programme that is open at
 * the moment of joining; joining by the session's code stays anonymous.
 */
export class PersonalLinks {
  constructor(private readonly store: Store) {}

  /** The person's key, made on first asking and the same afterwards (a printed card keeps working). */
  issue(participantId: string): string {
    const existing = this.get(participantId);
    if (existing) return existing;
    const key = newSecret();
    this.store.db
      .prepare('INSERT INTO personal_links (participant_id, link_key, created_at) VALUES (?, ?, ?)')
      .run(participantId, key, new Date().toISOString());
    return key;
  }

  get(participantId: string): string | null {
    const row = this.store.db
      .prepare('SELECT link_key FROM personal_links WHERE participant_id = ?')
      .get(participantId) as { link_key: string } | undefined;
    return row?.link_key ?? null;
  }

  /** Whose key this is, or null. */
  find(key: string): string | null {
    const row = this.store.db
      .prepare('SELECT participant_id FROM personal_links WHERE link_key = ?')
      .get(key) as { participant_id: string } | undefined;
    return row?.participant_id ?? null;
  }

  /** A lost card: the old link stops working; the next `issue` makes a new one. */
  revoke(participantId: string): boolean {
    return (
      this.store.db
        .prepare('DELETE FROM personal_links WHERE participant_id = ?')
        .run(participantId).changes > 0
    );
  }
}

/**
 * The session a personal link admits to: of the programme's sessions open now, the one the person
 * registered for, else the only one open. Null when none is open, or when several are open and
 * none is theirs (the phone cannot know which room it is in; the session code still works).
 */
export function sessionForPersonalJoin(
  open: readonly Session[],
  registeredFor: ReadonlySet<string>,
): Session | null {
  const theirs = open.filter((s) => registeredFor.has(s.id));
  if (theirs.length === 1) return theirs[0] as Session;
  if (theirs.length > 1) return null;
  return open.length === 1 ? (open[0] as Session) : null;
}
