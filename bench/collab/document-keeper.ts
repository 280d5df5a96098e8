import { Worker } from 'node:worker_threads';

/**
 * Real Y.Docs for the phones that keep one (one in DOC_SAMPLE), applied on a thread of their own
 * at the lowest priority, so that the benchmark checks every shared note can really be applied
 * without that applying delaying when the other phones read their frames.
 *
 * Why a thread: the phones' thread used to apply these itself, 64 updates at a time, once a burst
 * of frames had gone quiet for 3 ms. A server that pauses for longer than that in the middle of a
 * burst (Cohear sends a share 250 connections at a time, and any server can be caught by its own
 * collector) then had the rest of its burst read only after a millisecond or more of Yjs: charged
 * to the server as late arrivals, though a thousand real phones apply on a thousand devices. With
 * the documents here, the phones' thread only copies what a keeping phone read and passes it on,
 * once per turn of its event loop; this thread applies when the load core has nothing else to do.
 */
export interface KeeperInput {
  sharedMap: string;
}

/** What crosses to the keeper's thread: distinct updates, then (document, update) index pairs. */
export interface KeeperBatch {
  type: 'batch';
  updates: Uint8Array[];
  entries: number[];
}

export class DocumentKeeper {
  private readonly worker: Worker;
  private documents = 0;
  private updates: Uint8Array[] = [];
  /** Where each distinct update of this batch is in `updates` (a broadcast is the same bytes). */
  private readonly indexOf = new Map<string, number>();
  private entries: number[] = [];
  private flushQueued = false;

  constructor(sharedMap: string) {
    this.worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      workerData: {
        module: './document-keeper-thread.ts',
        sharedMap,
      } satisfies KeeperInput & { module: string },
    });
  }

  /** A new document (made in the keeper's thread when first used); its number is for `keep`. */
  add(): number {
    return this.documents++;
  }

  /**
   * Passes on an update one keeping phone read (its first sync, or a broadcast). `bytes` is the
   * update as a latin1 string, which the caller already has, and names it within the batch.
   */
  keep(document: number, update: Uint8Array, bytes: string): void {
    let index = this.indexOf.get(bytes);
    if (index === undefined) {
      index = this.updates.length;
      // The caller's bytes may sit in a shared read buffer: this batch keeps its own copy.
      this.updates.push(new Uint8Array(update));
      this.indexOf.set(bytes, index);
    }
    this.entries.push(document, index);
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const batch: KeeperBatch = { type: 'batch', updates: this.updates, entries: this.entries };
    this.updates = [];
    this.entries = [];
    this.indexOf.clear();
    this.worker.postMessage(batch);
  }

  /** When each shared note was applied, per document; once everything passed on so far is. */
  applied(): Promise<[string, number[]][]> {
    if (this.flushQueued) this.flush();
    return new Promise((resolve, reject) => {
      const onMessage = (m: { type: string; applied?: [string, number[]][] }) => {
        if (m.type !== 'applied') return;
        this.worker.off('message', onMessage);
        resolve(m.applied ?? []);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage({ type: 'report' });
    });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}
