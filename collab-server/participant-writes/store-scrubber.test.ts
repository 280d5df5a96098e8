import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '../server/logger.ts';
import { Store } from '../store/index.ts';
import { prepareDataFolder } from '../store/data-folder.ts';
import { Committer } from '../sync/committer.ts';
import { DocRegistry } from '../sync/doc-registry.ts';
import { StoreScrubber } from './erase-participant.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohear-scrub-'));
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A real store and document registry in the temp folder; `events` collects what is logged. */
function openStore() {
  const store = Store.openFolder(prepareDataFolder(dir));
  const events: string[] = [];
  const log = new Logger((e) => events.push(String(e.event)));
  const registry = new DocRegistry(
    store,
    new Committer(store),
    { compactEvery: 500, maxDocBytes: 1e7, idleUnloadMs: 60_000, presencePerSecond: 1 },
    log,
  );
  return { store, events, log, registry };
}

describe('StoreScrubber', () => {
  it('scrubs at once, then at most once every 10 s, and runs a waiting scrub at shutdown', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance'] });
    const { store, events, log, registry } = openStore();
    const scrubs = () => events.filter((e) => e === 'store.scrubbed').length;
    const scrubber = new StoreScrubber(store, registry, log);

    scrubber.request();
    expect(scrubs()).toBe(1);
    vi.advanceTimersByTime(3000);
    scrubber.request();
    scrubber.request();
    expect(scrubs()).toBe(1);
    vi.advanceTimersByTime(6999);
    expect(scrubs()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(scrubs()).toBe(2);

    scrubber.request();
    scrubber.flush();
    expect(scrubs()).toBe(3);
    vi.advanceTimersByTime(20_000);
    expect(scrubs()).toBe(3);
    registry.close();
    store.close();
  });

  it('logs a failed scrub, keeps the server up and tries again later', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance'] });
    const { store, events, log, registry } = openStore();
    const scrubber = new StoreScrubber(store, registry, log);
    // A statement still running on the connection makes VACUUM refuse.
    const running = store.db.prepare('SELECT 1 AS x UNION ALL SELECT 2').iterate();
    running.next();
    expect(() => scrubber.request()).not.toThrow();
    expect(events).toContain('store.scrub-failed');
    running.return?.();
    vi.advanceTimersByTime(10_000);
    expect(events.at(-1)).toBe('store.scrubbed');
    registry.close();
    store.close();
  });
});
