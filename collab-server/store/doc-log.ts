import type Database from 'better-sqlite3';
import * as Y from 'yjs';

export interface StoredDocState {
  /** The compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in the order they were accepted. */
  updates: Uint8Array[];
  /** The sequence number of the last update held (snapshot or log), 0 if none. */
  lastSeq: number;
}

/**
 * The Yjs update log and snapshots. Every method is synchronous: when `append` returns, the
 * update is committed. On its own that commit is also synced; inside the live server's units of
 * work (Committer) it is synced off the event loop, and broadcast only after (Store.afterSync).
 */
export class DocLog {
  private readonly insert: Database.Statement;
  private readonly maxSeq: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO doc_updates (doc, seq, update_data, at) VALUES (?, ?, ?, ?)',
    );
    this.maxSeq = db.prepare(
      `SELECT MAX(s) AS seq FROM (
         SELECT MAX(seq) AS s FROM doc_updates WHERE doc = ?
         UNION ALL SELECT upto_seq AS s FROM doc_snapshots WHERE doc = ?)`,
    );
  }

  lastSeq(doc: string): number {
    const row = this.maxSeq.get(doc, doc) as { seq: number | null };
    return row.seq ?? 0;
  }

  /** Appends one update and returns its sequence number. */
  append(doc: string, update: Uint8Array): number {
    const seq = this.lastSeq(doc) + 1;
    this.insert.run(
      doc,
      seq,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      new Date().toISOString(),
    );
    return seq;
  }

  /** Appends several updates in one transaction (one fsync), in order. */
  appendMany(doc: string, updates: readonly Uint8Array[]): number {
    return this.db.transaction(() => {
      let seq = 0;
      for (const u of updates) seq = this.append(doc, u);
      return seq;
    })();
  }

  load(doc: string): StoredDocState {
    const snap = this.db
      .prepare('SELECT state, upto_seq FROM doc_snapshots WHERE doc = ?')
      .get(doc) as { state: Buffer; upto_seq: number } | undefined;
    const after = snap?.upto_seq ?? 0;
    const rows = this.db
      .prepare('SELECT seq, update_data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq')
      .all(doc, after) as { seq: number; update_data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.state) : null,
      updates: rows.map((r) => new Uint8Array(r.update_data)),
      lastSeq: rows.length > 0 ? (rows[rows.length - 1] as { seq: number }).seq : after,
    };
  }

  /** Applies the stored state to `ydoc` (which may be fresh) and returns the last sequence. */
  loadInto(doc: string, ydoc: Y.Doc, origin?: unknown): number {
    const state = this.load(doc);
    Y.transact(
      ydoc,
      () => {
        if (state.snapshot) Y.applyUpdate(ydoc, state.snapshot);
        for (const u of state.updates) Y.applyUpdate(ydoc, u);
      },
      origin,
    );
    return state.lastSeq;
  }

  /** Whether any state is stored for the document. */
  exists(doc: string): boolean {
    return this.lastSeq(doc) > 0;
  }

  updateCount(doc: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(doc) as {
        n: number;
      }
    ).n;
  }

  /**
   * Replaces the log up to `uptoSeq` with one merged state. The caller passes the state that
   * includes exactly those updates (for example the encoded in-memory doc at that sequence).
   */
  compact(doc: string, state: Uint8Array, uptoSeq: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO doc_snapshots (doc, state, upto_seq, at) VALUES (?, ?, ?, ?)
           ON CONFLICT(doc) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, at = excluded.at`,
        )
        .run(
          doc,
          Buffer.from(state.buffer, state.byteOffset, state.byteLength),
          uptoSeq,
          new Date().toISOString(),
        );
      this.db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?').run(doc, uptoSeq);
    })();
  }

  /** Merges everything stored into a snapshot without loading a Y.Doc's types. */
  compactStored(doc: string): void {
    const state = this.load(doc);
    const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
    if (parts.length === 0) return;
    this.compact(doc, Y.mergeUpdates(parts), state.lastSeq);
  }

  /** Removes every trace of a document (used when a programme is deleted). */
  remove(doc: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM doc_updates WHERE doc = ?').run(doc);
      this.db.prepare('DELETE FROM doc_snapshots WHERE doc = ?').run(doc);
    })();
  }
}
