import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { SessionDoc, capturedNote } from '../../core/index.ts';
import {
  api,
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
} from './collab-helpers/harness.ts';

afterEach(() => vi.restoreAllMocks());

/** Holds every sync of the server's log until `release`: commits land, nothing reaches the disk. */
function holdSyncs(): { held: (() => void)[]; release: () => void } {
  const held: (() => void)[] = [];
  const real = fs.fdatasync;
  vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, cb: (e: Error | null) => void) => {
    held.push(() => real(fd, cb));
  }) as typeof fs.fdatasync);
  return {
    held,
    release: () => {
      vi.restoreAllMocks();
      held.splice(0).forEach((go) => go());
    },
  };
}

/** Settles the promise's state into `box.done` so a test can see it has not answered yet. */
function watch<T>(p: Promise<T>): { done: boolean; result: Promise<T> } {
  const box = { done: false, result: p };
  void p.finally(() => (box.done = true));
  return box;
}

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

    const { held, release } = holdSyncs();

    const note = capturedNote({ text: 'Said while the disk was busy', facilitator: 'F1' });
    new SessionDoc(first.doc).notes.put(note);
    await new Promise((r) => setTimeout(r, 100));
    expect(held.length).toBeGreaterThan(0);

    const second = connect(server.url, `session/${sid}`, secret);
    providers.push(second);
    await new Promise((r) => setTimeout(r, 300));
    expect(second.synced).toBe(false);
    expect(new SessionDoc(second.doc).notes.has(note.id)).toBe(false);

    release();
    await synced(second);
    expect(new SessionDoc(second.doc).notes.has(note.id)).toBe(true);
  });

  it("answers a participant's own view and a download only once what they hold is on disk", async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);

    const { held, release } = holdSyncs();
    const write = watch(p.send(writes.addNote('Written while the disk was busy')));
    await new Promise((r) => setTimeout(r, 100));
    expect(held.length).toBeGreaterThan(0);
    const me = watch(api(server.url, 'GET', '/api/participant/me', { token: p.token }));
    const download = watch(
      api(server.url, 'GET', `/api/programmes/${data.programmeId}/exports/key-theme-table.json`, {
        token: secret,
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect([write.done, me.done, download.done]).toEqual([false, false, false]);

    release();
    expect((await write.result).ok).toBe(true);
    const view = await me.result;
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body.notes)).toContain('Written while the disk was busy');
    expect((await download.result).status).toBe(200);
  });
});
