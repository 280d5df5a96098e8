import type { Logger } from '../server/logger.ts';
import type { Store } from '../store/index.ts';
import type { DocRegistry } from '../sync/doc-registry.ts';

/** Origin of an erasure's changes to a session document. */
export const ERASURE_ORIGIN = Symbol('cohear-erasure');

/** At most one scrub of the store this often by default; one asked for sooner waits its turn. */
const SCRUB_SPACING_MS = 10_000;

/**
 * Consent to keep their words withdrawn: removes a participant's contributions from the live
 * session document, and so from the room and every connected client. Returns how many notes,
 * votes and comments went. The store still holds the words (update log, snapshots, free pages,
 * the write-ahead log) until `StoreScrubber` has run.
 */
export function eraseFromSession(
  registry: DocRegistry,
  sessionId: string,
  participantId: string,
): number {
  let removed = 0;
  const hub = registry.hub(sessionId);
  hub?.session.transact(() => {
    removed = hub.sessionDoc.eraseParticipant(participantId);
  }, ERASURE_ORIGIN);
  return removed;
}

/**
 * Drops every old copy of erased words from the database file. The order matters: compacting the
 * loaded documents replaces their update logs and snapshots, which still hold the words, with
 * their collected state; secure_delete (set when the store opens) has zeroed deleted rows in
 * place; VACUUM rewrites the file without its free pages; a TRUNCATE checkpoint empties the
 * write-ahead log, whose older frames hold the old pages.
 *
 * VACUUM holds the event loop while it rewrites the file (47 ms for an 11 MB file here), so
 * scrubs are spaced out: a participant withdrawing and giving consent over and over must not
 * stall a room. The first runs at once; later ones within 10 s of the last wait for their turn.
 */
export class StoreScrubber {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly registry: DocRegistry,
    private readonly log: Logger,
    private readonly spacingMs = SCRUB_SPACING_MS,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = this.last + this.spacingMs - performance.now();
    if (wait <= 0) return this.scrub();
    this.timer = setTimeout(() => this.scrub(), wait);
  }

  /** Runs a scrub still waiting for its turn (shutdown): erased words must not outlive it. */
  flush(): void {
    if (this.timer) this.scrub();
  }

  private scrub(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const started = performance.now();
    this.last = started;
    try {
      this.registry.compactLoaded();
      this.store.db.exec('VACUUM');
      const [checkpoint] = this.store.db.pragma('wal_checkpoint(TRUNCATE)') as {
        busy: number;
      }[];
      this.log.info('store.scrubbed', {
        ms: Math.round(performance.now() - started),
        ...(checkpoint?.busy ? { logNotTruncated: true } : {}),
      });
    } catch (e) {
      // VACUUM needs free space the size of the file. Nothing is lost by failing (the erasure
      // itself is committed); the words stay in the file until a later scrub succeeds.
      this.log.error('store.scrub-failed', { error: String(e) });
      this.timer = setTimeout(() => this.scrub(), this.spacingMs || SCRUB_SPACING_MS);
    }
  }
}
