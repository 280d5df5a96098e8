import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from './store.ts';
import { WalSync } from './wal-sync.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohear-walsync-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const never = () => {
  throw new Error('the sync should not fail here');
};

describe('WalSync', () => {
  it('releases callbacks in order, each after a sync that began after it was registered', async () => {
    const file = path.join(dir, 'log');
    fs.writeFileSync(file, 'x');
    const started: number[] = [];
    const order: string[] = [];
    const real = fs.fdatasync;
    vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, cb: (e: Error | null) => void) => {
      started.push(order.length);
      real(fd, cb);
    }) as typeof fs.fdatasync);
    const wal = new WalSync(file, never);
    const all = new Promise<void>((resolve) => {
      wal.committed();
      wal.afterSync(() => order.push('a'));
      // Committed while the first sync runs: it must wait for a second one.
      wal.committed();
      wal.afterSync(() => order.push('b'));
      wal.afterSync(() => {
        order.push('c');
        resolve();
      });
    });
    await all;
    wal.close();
    expect(order).toEqual(['a', 'b', 'c']);
    // One sync for "a", then one shared by "b" and "c" (a group commit), started after "a" ran.
    expect(started).toEqual([0, 1]);
  });

  it('needs no new sync when nothing was committed since the last one started', async () => {
    const file = path.join(dir, 'log');
    fs.writeFileSync(file, 'x');
    const syncs = vi.spyOn(fs, 'fdatasync');
    const wal = new WalSync(file, never);
    const order: string[] = [];
    // Nothing committed yet: released at once, without a sync.
    wal.afterSync(() => order.push('idle'));
    expect(order).toEqual(['idle']);
    wal.committed();
    const both = new Promise<void>((resolve) => {
      wal.afterSync(() => order.push('a'));
      // Nothing committed after the running sync started: it covers this one too.
      wal.afterSync(() => {
        order.push('b');
        resolve();
      });
    });
    expect(order).toEqual(['idle']);
    await both;
    wal.close();
    expect(order).toEqual(['idle', 'a', 'b']);
    expect(syncs).toHaveBeenCalledTimes(1);
  });

  it('releases at once when there is no log file, and follows a replaced file', async () => {
    const file = path.join(dir, 'log');
    const wal = new WalSync(file, never);
    const synced = () =>
      new Promise<void>((resolve) => {
        wal.committed();
        wal.afterSync(resolve);
      });
    await synced();
    fs.writeFileSync(file, 'one');
    await synced();
    // Replaced while our descriptor holds the old file, so the new one cannot reuse its inode.
    fs.writeFileSync(`${file}.new`, 'two');
    fs.renameSync(`${file}.new`, file);
    const opened = vi.spyOn(fs, 'openSync');
    await synced();
    expect(opened).toHaveBeenCalledTimes(1);
    wal.close();
  });

  it('reports a failed sync instead of releasing anything', async () => {
    const file = path.join(dir, 'log');
    fs.writeFileSync(file, 'x');
    vi.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, cb: (e: Error) => void) =>
      cb(new Error('EIO: i/o error'))) as typeof fs.fdatasync);
    const failures: string[] = [];
    const released: string[] = [];
    const wal = new WalSync(file, (e) => failures.push(e.message));
    wal.committed();
    wal.afterSync(() => released.push('a'));
    await new Promise((r) => setImmediate(r));
    wal.close();
    expect(failures).toEqual(['EIO: i/o error']);
    expect(released).toEqual([]);
  });
});

describe('Store.transactionSyncedLater', () => {
  it('commits at once, leaves the connection at synchronous=FULL, and releases after the sync', async () => {
    const store = Store.open(path.join(dir, 'a.sqlite'));
    store.db.exec('CREATE TABLE t (x INTEGER)');
    store.transactionSyncedLater(() => store.db.prepare('INSERT INTO t VALUES (1)').run());
    // Committed: another connection sees it before any sync.
    const other = Store.open(path.join(dir, 'a.sqlite'), { readonly: true });
    expect(other.db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    other.close();
    // 2 is FULL: everything outside the live server's hot path still syncs inside COMMIT.
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.synced();
    expect(() =>
      store.transactionSyncedLater(() => {
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });
});

describe('Store checkpoints on the live path', () => {
  /** Whether the database file itself (not its write-ahead log) holds these bytes. */
  const inDatabaseFile = (file: string, text: string) =>
    fs.readFileSync(file).includes(Buffer.from(text));
  const turn = () => new Promise((r) => setImmediate(r));

  it('copies the log into the database file once its sync has settled, not inside a commit', async () => {
    const file = path.join(dir, 'a.sqlite');
    const store = Store.open(file, { checkpointEveryMs: 0 });
    store.db.exec('CREATE TABLE t (x TEXT)');
    // Table creation committed at FULL; SQLite's own threshold is far away.
    store.transactionSyncedLater(() =>
      store.db.prepare('INSERT INTO t VALUES (?)').run('first-marker'),
    );
    expect(inDatabaseFile(file, 'first-marker')).toBe(false);
    await store.synced();
    await turn();
    expect(inDatabaseFile(file, 'first-marker')).toBe(true);
    store.close();
  });

  it('waits while a commit is still to be synced, then runs when that sync settles', async () => {
    const file = path.join(dir, 'a.sqlite');
    const store = Store.open(file, { checkpointEveryMs: 0 });
    store.db.exec('CREATE TABLE t (x TEXT)');
    store.transactionSyncedLater(() =>
      store.db.prepare('INSERT INTO t VALUES (?)').run('before-marker'),
    );
    await new Promise<void>((resolve) =>
      store.afterSync(() => {
        // In the same turn as the settling: a new commit, not yet synced.
        store.transactionSyncedLater(() =>
          store.db.prepare('INSERT INTO t VALUES (?)').run('after-marker'),
        );
        resolve();
      }),
    );
    await turn();
    expect(inDatabaseFile(file, 'before-marker')).toBe(false);
    await store.synced();
    await turn();
    expect(inDatabaseFile(file, 'before-marker')).toBe(true);
    expect(inDatabaseFile(file, 'after-marker')).toBe(true);
    store.close();
  });

  it('checkpoints at most once per interval', async () => {
    const file = path.join(dir, 'a.sqlite');
    const store = Store.open(file, { checkpointEveryMs: 60_000 });
    store.db.exec('CREATE TABLE t (x TEXT)');
    store.transactionSyncedLater(() =>
      store.db.prepare('INSERT INTO t VALUES (?)').run('early-marker'),
    );
    await store.synced();
    await turn();
    expect(inDatabaseFile(file, 'early-marker')).toBe(false);
    store.close();
  });

  it('reports a failed checkpoint and carries on', async () => {
    const file = path.join(dir, 'a.sqlite');
    const store = Store.open(file, { checkpointEveryMs: 0 });
    const failures: string[] = [];
    store.onCheckpointFailure = (e) => failures.push(e.message);
    store.db.exec('CREATE TABLE t (x TEXT)');
    const pragma = store.db.pragma.bind(store.db);
    vi.spyOn(store.db, 'pragma').mockImplementation(((source: string, options?: object) => {
      if (source.startsWith('wal_checkpoint')) throw new Error('disk I/O error');
      return pragma(source, options);
    }) as typeof store.db.pragma);
    store.transactionSyncedLater(() => store.db.prepare('INSERT INTO t VALUES (?)').run('kept'));
    await store.synced();
    await turn();
    expect(failures).toEqual(['disk I/O error']);
    vi.restoreAllMocks();
    // Nothing was lost: the log still holds the commit, and the next settling checkpoints it.
    store.transactionSyncedLater(() => store.db.prepare('INSERT INTO t VALUES (?)').run('next'));
    await store.synced();
    await turn();
    expect(inDatabaseFile(file, 'kept')).toBe(true);
    store.close();
  });
});
