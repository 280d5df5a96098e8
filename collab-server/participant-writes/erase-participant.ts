import type { Logger } from '../server/logger.ts';
import { ErasureIntents } from '../store/erasure-intents.ts';
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
 *
 * Each erasure commits an intent (`ErasureIntents`) with its own changes, and `request` resolves
 * only when a scrub that began after it has finished: whoever asked is answered once the words
 * are gone from the file. A crash before then leaves the intent, and `recover` (at start, before
 * the server listens) erases again and scrubs.
 */
export class StoreScrubber {
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private waiting: (() => void)[] = [];
  private readonly intents: ErasureIntents;

  constructor(
    private readonly store: Store,
    private readonly registry: DocRegistry,
    private readonly log: Logger,
    private readonly spacingMs = SCRUB_SPACING_MS,
  ) {
    this.intents = new ErasureIntents(store.db);
  }

  /** Records an erasure's intent to scrub; call inside the erasure's own transaction. */
  intend(participantId: string, sessionIds: readonly string[]): void {
    this.intents.add(participantId, sessionIds);
  }

  /** Resolves once a scrub that started after this call has finished. */
  request(): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!this.timer) {
      const wait = this.last + this.spacingMs - performance.now();
      if (wait <= 0) this.scrub();
      else this.timer = setTimeout(() => this.scrub(), wait);
    }
    return done;
  }

  /** Runs a scrub still waiting for its turn (shutdown): erased words must not outlive it. */
  flush(): void {
    if (this.timer) this.scrub();
  }

  /**
   * At start, before anyone is served: erasures a crash left unscrubbed are applied again (a
   * no-op where the documents already lost the words) and the file is scrubbed. Returns how many.
   */
  recover(): number {
    const pending = this.intents.pending();
    if (pending.length === 0) return 0;
    for (const intent of pending)
      for (const sessionId of intent.sessionIds)
        eraseFromSession(this.registry, sessionId, intent.participantId);
    this.scrub();
    this.registry.unloadIdle(Date.now(), true);
    this.log.info('store.scrub-recovered', { erasures: pending.length });
    return pending.length;
  }

  private scrub(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const started = performance.now();
    this.last = started;
    const covers = this.intents.newest();
    const waiters = this.waiting;
    this.waiting = [];
    try {
      this.registry.compactLoaded();
      this.store.db.exec('VACUUM');
      const [checkpoint] = this.store.db.pragma('wal_checkpoint(TRUNCATE)') as {
        busy: number;
      }[];
      // Another connection (a backup, say) reading an old snapshot keeps the log's old frames.
      if (checkpoint?.busy) throw new Error('the write-ahead log is in use and was not emptied');
      if (covers > 0) this.intents.clearUpTo(covers);
      this.log.info('store.scrubbed', { ms: Math.round(performance.now() - started) });
      for (const resolve of waiters) resolve();
    } catch (e) {
      // VACUUM needs free space the size of the file. Nothing is lost by failing (the erasure
      // and its intent are committed); whoever asked waits for a later scrub that succeeds.
      this.waiting.unshift(...waiters);
      this.log.error('store.scrub-failed', { error: String(e) });
      this.timer = setTimeout(() => this.scrub(), this.spacingMs || SCRUB_SPACING_MS);
    }
  }
}
