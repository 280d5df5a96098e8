import type { Store } from '../store/index.ts';

/** What a LiveDoc exposes to the committer. */
export interface CommitParticipant {
  /** Takes what this batch committed; the returned function sends it (once it is on disk). */
  takeCommitted(): () => void;
  /** The batch rolled back after this document changed in memory: memory and disk disagree. */
  poison(error: unknown): void;
}

/**
 * Durability rule: an update is on disk before anyone is told about it. `run` wraps one unit of
 * work (a facilitator's update, a batch of participant writes and the room projection they
 * cause) in one SQLite transaction; documents append their updates inside it and publish them
 * only once the store has synced that commit (off the event loop: Store.afterSync). Whoever
 * acknowledges the work waits the same way (`synced`). If it rolls back, any document that had
 * already changed in memory is poisoned (reloaded from disk) so memory never runs ahead of the
 * store.
 */
export class Committer {
  private depth = 0;
  private readonly touched = new Set<CommitParticipant>();
  private readonly hooks: (() => void)[] = [];

  constructor(private readonly store: Store) {}

  /** Work to finish inside every unit of work, just before it commits (the room projection). */
  beforeCommit(hook: () => void): void {
    this.hooks.push(hook);
  }

  get inBatch(): boolean {
    return this.depth > 0;
  }

  touch(p: CommitParticipant): void {
    this.touched.add(p);
  }

  run<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth++;
    let result: T;
    try {
      result = this.store.transactionSyncedLater(() => {
        const r = fn();
        for (const h of this.hooks) h();
        return r;
      });
    } catch (e) {
      this.depth--;
      const hit = [...this.touched];
      this.touched.clear();
      for (const p of hit) p.poison(e);
      throw e;
    }
    this.depth--;
    const sends = [...this.touched].map((p) => p.takeCommitted());
    this.touched.clear();
    if (sends.length > 0) this.store.afterSync(() => sends.forEach((send) => send()));
    return result;
  }

  /** Resolves once everything committed so far is on disk (after its broadcasts are sent). */
  synced(): Promise<void> {
    return this.store.synced();
  }
}
