import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionDoc, capturedNote } from '../../core/index.ts';
import { connect, liveServer, synced } from './collab-helpers/harness.ts';

afterEach(() => vi.restoreAllMocks());

/**
 * A client that connects between a commit and the sync that puts it on disk must not be shown
 * that commit until it is durable: the server answers its sync request only after the sync.
 * The server runs in this process, so its syncs can be held back and let go.
 */
describe('what a newly connected client is shown', () => {
  const live = liveServer();

  it('waits until every update in it is on disk', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const first = connect(server.url, `session/${sid}`, secret);
    providers.push(first);
    await synced(first);

    const held: (() => void)[] = [];
    const real = fs.fdatasync;
    vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, cb: (e: Error | null) => void) => {
      held.push(() => real(fd, cb));
    }) as typeof fs.fdatasync);

    const note = capturedNote({ text: 'Said while the disk was busy', facilitator: 'F1' });
    new SessionDoc(first.doc).notes.put(note);
    await new Promise((r) => setTimeout(r, 100));
    expect(held.length).toBeGreaterThan(0);

    const second = connect(server.url, `session/${sid}`, secret);
    providers.push(second);
    await new Promise((r) => setTimeout(r, 300));
    expect(second.synced).toBe(false);
    expect(new SessionDoc(second.doc).notes.has(note.id)).toBe(false);

    vi.restoreAllMocks();
    held.splice(0).forEach((go) => go());
    await synced(second);
    expect(new SessionDoc(second.doc).notes.has(note.id)).toBe(true);
  });
});
