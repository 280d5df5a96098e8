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
  /**
   * Compact the update log into a snapshot once this many updates have been appended and the
   * document has then been quiet for a second, or at ten times as many regardless.
   */
  compactEvery: number;
  maxDocBytes: number;
}

/**
 * Why compaction waits for a quiet moment: it encodes the whole document and rewrites its stored
 * state, 20-60 ms of the event loop for a busy session's document, in which no note or share
 * moves. Every 500 updates in the middle of a discussion that was one stall every 25 s at 20
 * notes a second. Sessions have lulls; a log that never gets one is compacted when overdue.
 */
const COMPACT_QUIET_MS = 1000;
const COMPACT_OVERDUE_FACTOR = 10;

/** Connections one update is sent to before other work gets a turn (see LiveDoc.sendSome). */
const SEND_SLICE = 250;

interface OutgoingUpdate {
  frame: WsFrame;
  origin: unknown;
  /** Everyone connected when it was committed; those who join later sync it from the document. */
  to: Connection[];
  next: number;
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
  /** Committed updates still being sent (see sendSome). */
  private outgoing: OutgoingUpdate[] = [];
  private lastSeq = 0;
  private sinceCompaction = 0;
  private approxBytes = 0;
  private fullState: Uint8Array | null = null;
  private lastUpdateAt = 0;
  private compactTimer: NodeJS.Timeout | null = null;
  /** Whether the armed compaction runs regardless of quiet (the log is overdue). */
  private compactNow = false;
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
    this.lastUpdateAt = Date.now();
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

  /** Sends committed updates to every connection except the one they came from, in order. */
  private send(pending: { update: Uint8Array; origin: unknown }[]): void {
    if (this.broken) return;
    for (const { update, origin } of pending)
      this.outgoing.push({
        frame: new WsFrame(encodeUpdate(update)),
        origin,
        to: [...this.connections],
        next: 0,
      });
    this.sendSome();
    if (this.sinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  /**
   * Sends queued updates, at most SEND_SLICE connections at a time, then lets the event loop read
   * what has arrived before going on. Why: a room of 1,000 phones takes 6-7 ms to send one shared
   * note to, and a participant's note arriving meanwhile used to wait all of it before even being
   * read. Each connection still gets the updates of this document in commit order: one queue, and
   * a later update waits until the one before has gone to everyone.
   */
  private sendSome(): void {
    let budget = SEND_SLICE;
    while (this.outgoing.length > 0) {
      const item = this.outgoing[0] as OutgoingUpdate;
      while (item.next < item.to.length) {
        if (budget-- === 0) {
          setImmediate(() => this.sendSome());
          return;
        }
        const c = item.to[item.next++] as Connection;
        if (c !== item.origin) c.send(item.frame);
      }
      this.outgoing.shift();
    }
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

  /**
   * Answers a client's sync step 1 with what the document holds now, sent once all of that is on
   * disk. Why wait: the live server's commits reach the disk a millisecond or so after they are
   * applied (WalSync), and a client that connected in between would otherwise be shown an update
   * a power cut could still take away. The reply and later broadcasts are released in commit
   * order, so nothing overtakes it.
   */
  answerSyncStep1(stateVector: Uint8Array, conn: Connection): void {
    const reply = this.syncStep2For(stateVector);
    this.store.afterSync(() => conn.send(reply));
  }

  /** The reply to a client's sync step 1; the full state is cached for fresh clients. */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    // A fresh client's state vector is a single zero byte (no clients known).
    if (stateVector.byteLength <= 1) {
      this.fullState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      return this.fullState;
    }
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  private scheduleCompaction(): void {
    if (this.broken) return;
    const overdue = this.sinceCompaction >= this.options.compactEvery * COMPACT_OVERDUE_FACTOR;
    // Already waiting: for a quiet second (unless it is overdue now), or to run at once.
    if (this.compactTimer && (this.compactNow || !overdue)) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactNow = overdue;
    const wait = overdue ? 0 : this.lastUpdateAt + COMPACT_QUIET_MS - Date.now();
    this.compactTimer = setTimeout(
      () => {
        this.compactTimer = null;
        // Written to again while waiting for quiet: wait for the next quiet second.
        if (!this.compactNow && Date.now() - this.lastUpdateAt < COMPACT_QUIET_MS)
          return this.scheduleCompaction();
        this.compact();
      },
      Math.max(0, wait),
    );
    this.compactTimer.unref();
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
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.doc.destroy();
  }
}
