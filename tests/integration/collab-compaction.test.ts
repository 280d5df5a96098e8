import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { Store } from '../../collab-server/store/index.ts';
import {
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

const COMPACT_EVERY = 5;

/**
 * Compaction stops the event loop while it encodes a whole document, so it waits for a quiet
 * second once enough updates have gathered, and goes ahead regardless when the log is ten times
 * overdue (a discussion that never pauses).
 */
describe('compaction of the update log', () => {
  const live = liveServer({
    compactEvery: COMPACT_EVERY,
    limits: { writeBurst: 1000, writesPerSecond: 1000 },
  });

  it('waits for a quiet second, unless the log is ten times overdue', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const facilitator = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    providers.push(facilitator);
    await synced(facilitator);
    const p = await joinAndConsent(server.url, code);
    const store = Store.openFolder(data.dir, { readonly: true });
    const logged = () => store.docs.load(`session/${sid}`).updates.length;
    try {
      // A burst over the threshold is not compacted while it lasts...
      for (let i = 0; i < 2 * COMPACT_EVERY; i++)
        expect((await p.send(writes.addNote(`Busy note ${i}`))).ok).toBe(true);
      expect(logged()).toBeGreaterThanOrEqual(2 * COMPACT_EVERY);
      // ...and is once the document has been quiet for a second.
      const quietFrom = Date.now();
      await waitFor(() => logged() === 0, 5000, 'the log to be compacted when quiet');
      expect(Date.now() - quietFrom).toBeGreaterThanOrEqual(800);

      // Ten times over the threshold without a pause: compacted while still busy.
      let lowest = Infinity;
      for (let i = 0; i < 14 * COMPACT_EVERY; i++) {
        expect((await p.send(writes.addNote(`Endless note ${i}`))).ok).toBe(true);
        if (i > 12 * COMPACT_EVERY) lowest = Math.min(lowest, logged());
      }
      expect(lowest).toBeLessThan(10 * COMPACT_EVERY);
    } finally {
      store.close();
    }
  }, 30_000);
});
