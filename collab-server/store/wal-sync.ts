import fs from 'node:fs';

/**
 * Makes committed transactions durable without stopping the event loop.
 *
 * Why: with synchronous=FULL, SQLite syncs the write-ahead log inside COMMIT, and better-sqlite3
 * runs COMMIT on the event loop. On this project's machines that sync takes 1-6 ms, twenty and
 * more times a second in a busy session, and nothing else (a shared note on its way to a
 * thousand phones, another participant's note) moves meanwhile. The live server's transactions
 * therefore commit with synchronous=NORMAL (written to the log, not yet synced) and ask this
 * class to sync the log file on libuv's thread pool; what they would acknowledge or broadcast
 * waits for that. One sync covers every commit made before it started, so writes that arrive
 * while a sync is running share the next one (a group commit).
 *
 * fdatasync on our own descriptor of the log flushes the same file SQLite wrote: the kernel
 * keeps dirty pages per file, not per descriptor.
 */
export class WalSync {
  private fd: number | null = null;
  private inode = 0;
  private syncing = false;
  /** A commit was made since the last sync started: the next `afterSync` needs a new sync. */
  private unsynced = false;
  /** Callbacks for commits made since the running sync started: they need the next one. */
  private waiting: (() => void)[] = [];
  /** Callbacks the running sync will release. */
  private covered: (() => void)[] = [];

  constructor(
    private readonly walFile: string,
    /** A failed sync means the disk may not hold what it reported written: nothing may be acknowledged. */
    private readonly onFailure: (error: Error) => void,
    /** Called when a sync has released its callbacks and nothing is left waiting for another. */
    private readonly onSettled: () => void = () => {},
  ) {}

  /** No sync is running and nothing committed is waiting for one (callbacks wait only then). */
  get settled(): boolean {
    return !this.syncing && !this.unsynced;
  }

  /** Records that a transaction was committed at synchronous=NORMAL and is not yet on disk. */
  committed(): void {
    this.unsynced = true;
  }

  /**
   * Runs `done` once every transaction committed so far is on disk. With nothing committed since
   * the last sync started, no new sync is needed: `done` runs with the running sync, or at once.
   * (A new client's sync request on a quiet document would otherwise cost a sync each.)
   */
  afterSync(done: () => void): void {
    if (this.unsynced) {
      this.waiting.push(done);
      if (!this.syncing) this.start();
    } else if (this.syncing) {
      this.covered.push(done);
    } else {
      done();
    }
  }

  /** Syncs now, on this thread, and releases everything waiting (shutdown). */
  syncNow(): void {
    this.unsynced = false;
    const done = [...this.covered, ...this.waiting];
    this.covered = [];
    this.waiting = [];
    const fd = this.descriptor();
    if (fd !== null) fs.fdatasyncSync(fd);
    for (const d of done) d();
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private start(): void {
    let fd: number | null;
    try {
      fd = this.descriptor();
    } catch (e) {
      return this.fail(e);
    }
    this.covered = this.waiting;
    this.waiting = [];
    this.unsynced = false;
    // No log file yet means nothing was written through it: there is nothing to sync.
    if (fd === null) return this.release();
    this.syncing = true;
    fs.fdatasync(fd, (error) => {
      this.syncing = false;
      if (error) return this.fail(error);
      this.release();
    });
  }

  private release(): void {
    const done = this.covered;
    this.covered = [];
    for (const d of done) d();
    if (this.waiting.length > 0 && !this.syncing) this.start();
    else if (this.settled) this.onSettled();
  }

  private fail(error: unknown): void {
    this.covered = [];
    this.waiting = [];
    this.onFailure(error instanceof Error ? error : new Error(String(error)));
  }

  /**
   * Our descriptor of the log, reopened if SQLite replaced the file (it deletes the log when
   * the last connection closes, so another process may have made a new one).
   */
  private descriptor(): number | null {
    let inode: number;
    try {
      inode = fs.statSync(this.walFile).ino;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    if (this.fd !== null && inode === this.inode) return this.fd;
    this.close();
    this.fd = fs.openSync(this.walFile, 'r');
    this.inode = fs.fstatSync(this.fd).ino;
    return this.fd;
  }
}
