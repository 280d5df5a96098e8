import * as Y from 'yjs';
import type { Store } from '../store/index.ts';
import type { Logger } from '../server/logger.ts';
import type { Committer, CommitParticipant } from './committer.ts';
import type { Connection } from './connection.ts';
import { encodeSyncStep2, encodeUpdate } from './protocol.ts';
import { WsFrame } from './ws-frame.ts';

/** Origin of the transaction that loads stored state: it is already on disk. */
const LOAD_ORIGIN = Symbol('cohear-load');

export interface LiveDocOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactEvery: number;
  maxDocBytes: number;
}

export class DocumentFullError extends Error {
  constructor(max: number) {
    super(`this document has reached its size limit (${Math.round(max / 1024 / 1024)} MB)`);
    this.name = 'DocumentFullError';
  }
}

/**
 * One loaded Yjs document and the connections syncing it. Every change, whatever its origin, is
 * appended to the store's update log in the document's `update` event (synchronously, inside the
 * committer's transaction) and sent to connections only after that transaction commits.
 */
export class LiveDoc implements CommitParticipant {
  readonly doc = new Y.Doc({ gc: true });
  readonly connections = new Set<Connection>();
  private pending: { update: Uint8Array; origin: unknown }[] = [];
  private lastSeq = 0;
  private sinceCompaction = 0;
  private approxBytes = 0;
  private fullState: Uint8Array | null = null;
  private compactionScheduled = false;
  broken = false;
  onPoison: (() => void) | null = null;

  constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly committer: Committer,
    private readonly options: LiveDocOptions,
    private readonly log: Logger,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
  }

  /** Loads stored state and brings the schema up to date (the migration is itself committed). */
  load(migrate: (doc: Y.Doc) => unknown): void {
    const stored = this.store.docs.load(this.name);
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      },
      LOAD_ORIGIN,
    );
    this.lastSeq = stored.lastSeq;
    this.sinceCompaction = stored.updates.length;
    this.approxBytes =
      (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0);
    this.committer.run(() => migrate(this.doc));
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    this.fullState = null;
    // Durability: committed (or part of the committer's open transaction) before anyone hears of it.
    this.lastSeq = this.store.docs.append(this.name, update);
    this.sinceCompaction++;
    this.approxBytes += update.byteLength;
    this.pending.push({ update, origin });
    // Outside a unit of work the append committed on its own, synced (synchronous=FULL).
    if (this.committer.inBatch) this.committer.touch(this);
    else this.takeCommitted()();
  }

  takeCommitted(): () => void {
    const pending = this.pending;
    this.pending = [];
    return () => this.send(pending);
  }

  /** Sends committed updates to every connection except the one they came from. */
  private send(pending: { update: Uint8Array; origin: unknown }[]): void {
    if (this.broken) return;
    for (const { update, origin } of pending) {
      const frame = new WsFrame(encodeUpdate(update));
      for (const c of this.connections) if (c !== origin) c.send(frame);
    }
    if (this.sinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  poison(error: unknown): void {
    this.pending = [];
    this.broken = true;
    this.log.error('doc.poisoned', { doc: this.name, error: String(error) });
    this.onPoison?.();
  }

  /** Runs `fn` on the document as one durable unit of work. */
  transact(fn: () => void, origin: unknown): void {
    this.committer.run(() => Y.transact(this.doc, fn, origin));
  }

  /** Applies a facilitator's update: size checked, committed, then relayed. */
  applyRemote(update: Uint8Array, from: Connection): void {
    if (this.approxBytes + update.byteLength > this.options.maxDocBytes)
      throw new DocumentFullError(this.options.maxDocBytes);
    this.committer.run(() => Y.applyUpdate(this.doc, update, from));
  }

  /** The reply to a client's sync step 1; the full state is cached for fresh clients. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    // A fresh client's state vector is a single zero byte (no clients known).
    if (stateVector.byteLength <= 1) {
      this.fullState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      return this.fullState;
    }
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      this.compact();
    });
  }

  /** Replaces the update log with one snapshot of the current state. */
  compact(): void {
    if (this.broken || this.sinceCompaction === 0 || this.committer.inBatch) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.store.docs.compact(this.name, state, this.lastSeq);
    this.sinceCompaction = 0;
    this.approxBytes = state.byteLength;
    this.log.info('doc.compacted', { doc: this.name, bytes: state.byteLength, seq: this.lastSeq });
  }

  destroy(): void {
    this.doc.destroy();
  }
}
