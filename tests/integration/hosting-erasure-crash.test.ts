import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { SessionDoc } from '../../core/index.ts';
import { DATABASE_FILE } from '../../collab-server/store/data-folder.ts';
import { exited, spawnServer } from './collab-helpers/child-server.ts';
import {
  connect,
  demoDataDir,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

/** Every byte the store keeps on disk: the database file and its log and index, if present. */
function storeBytes(dir: string): Buffer {
  const file = path.join(dir, DATABASE_FILE);
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

const dirs: ReturnType<typeof demoDataDir>[] = [];
afterAll(() => dirs.forEach((d) => d.cleanup()));

/**
 * Issue #20, finding 1: a second erasure within the scrub spacing was only queued, so a kill -9
 * before its turn left the words in the file for good, and the request had already been answered.
 */
describe('erasure through a crash', () => {
  it('kill -9 straight after an erasure: after the restart no byte of the store holds the words', async () => {
    const data = demoDataDir();
    dirs.push(data);
    const sid = data.sessionIds[0] as string;
    let child = await spawnServer(data.dir);
    const server = { url: child.url, desktopSecret: child.desktopSecret, port: 0 } as const;
    const code = await openSession({ ...server, close: async () => {} }, sid);
    const first = await joinAndConsent(child.url, code);
    const second = await joinAndConsent(child.url, code);
    const markers = ['Heron lamp by the stairs', 'Plover gate at the car park'];
    expect(await first.send(writes.addNote(markers[0] as string))).toMatchObject({ ok: true });
    expect(await second.send(writes.addNote(markers[1] as string))).toMatchObject({ ok: true });
    const facilitator = connect(child.url, `session/${sid}`, child.desktopSecret);
    await synced(facilitator);
    const session = new SessionDoc(facilitator.doc);
    const text = () => JSON.stringify(session.read());
    await waitFor(() => markers.every((m) => text().includes(m)), 20_000, 'both notes');

    // The first erasure is scrubbed at once; the second falls within the scrub spacing.
    expect(
      await first.send(writes.consent({ storeWords: false, quoteAnonymously: false })),
    ).toMatchObject({ ok: true });
    let answered = false;
    second
      .send(writes.consent({ storeWords: false, quoteAnonymously: false }))
      .then(() => (answered = true))
      .catch(() => {});
    // Erased from the document (so committed), then killed before anything else can happen.
    await waitFor(() => !text().includes(markers[1] as string), 20_000, 'the second erasure');
    child.child.kill('SIGKILL');
    await exited(child.child);
    facilitator.destroy();
    // The request is answered only once the words are gone from the file.
    expect(answered).toBe(false);

    child = await spawnServer(data.dir);
    try {
      const bytes = storeBytes(data.dir);
      for (const m of markers) expect(bytes.includes(m), m).toBe(false);
    } finally {
      child.child.kill('SIGKILL');
      await exited(child.child);
    }
  });

  describe('answered once the words are gone', () => {
    const live = liveServer({ scrubSpacingMs: 1500 });

    it('a second erasure within the scrub spacing is answered after its scrub', async () => {
      const { server, data } = live;
      const sid = data.sessionIds[0] as string;
      const code = await openSession(server, sid);
      const a = await joinAndConsent(server.url, code);
      const b = await joinAndConsent(server.url, code);
      expect(await a.send(writes.addNote('Wren clock in the hall'))).toMatchObject({ ok: true });
      expect(await b.send(writes.addNote('Linnet bench by the lift'))).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 100));
      expect(storeBytes(data.dir).includes('Linnet bench by the lift')).toBe(true);
      const withdraw = writes.consent({ storeWords: false, quoteAnonymously: false });
      expect(await a.send(withdraw)).toMatchObject({ ok: true });
      expect(
        await b.send(writes.consent({ storeWords: false, quoteAnonymously: false })),
      ).toMatchObject({ ok: true });
      const bytes = storeBytes(data.dir);
      expect(bytes.includes('Wren clock in the hall')).toBe(false);
      expect(bytes.includes('Linnet bench by the lift')).toBe(false);
    });
  });
});
