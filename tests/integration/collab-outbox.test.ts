import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryOutboxStorage,
  Outbox,
  participantTransport,
  writes,
  type ParticipantWrite,
  type WriteResponse,
} from '../../core/client/index.ts';
import { SessionDoc } from '../../core/index.ts';
import { CuttableProxy } from './collab-helpers/cuttable-proxy.ts';
import {
  connect,
  demoDataDir,
  fetchLike,
  joinAndConsent,
  openSession,
  startTestServer,
  synced,
  waitFor,
  type TestServer,
} from './collab-helpers/harness.ts';

describe('participant outbox over a connection that drops', () => {
  let data: ReturnType<typeof demoDataDir>;
  let server: TestServer;
  let proxy: CuttableProxy;
  beforeAll(async () => {
    data = demoDataDir();
    server = await startTestServer(data.dir);
    proxy = new CuttableProxy(server.port);
    await proxy.start();
  });
  afterAll(async () => {
    await proxy.stop();
    await server.close();
    data.cleanup();
  });

  it('delivers each note exactly once after reconnecting', async () => {
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    // A fresh fetch connection per request, so a cut link is a real dropped request.
    const send = participantTransport(
      (url, init) => fetch(url, { ...init, headers: { ...init.headers, connection: 'close' } }),
      viaProxy,
      p.token,
    );
    const storage = new MemoryOutboxStorage();
    const settled: [ParticipantWrite, WriteResponse][] = [];
    const timers: (() => void)[] = [];
    const outbox = new Outbox({
      storage,
      send,
      onSettled: (w, r) => settled.push([w, r]),
      setTimer: (fn) => timers.push(fn),
    });
    const f = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    await synced(f);
    const s = new SessionDoc(f.doc);

    // 1. The answer is lost: the note landed, but the phone does not know.
    proxy.dropAnswers = true;
    const first = writes.addNote('Typed as the signal dropped');
    void outbox.submit(first);
    await waitFor(() => timers.length === 1, 5000, 'retry scheduled');
    expect(storage.load().map((w) => w.writeId)).toEqual([first.writeId]);
    // 2. Then fully offline: two more notes typed, kept in the outbox.
    proxy.dropAnswers = false;
    proxy.offline = true;
    const second = writes.addNote('Typed while offline');
    const third = writes.addNote('Typed while offline, second');
    void outbox.submit(second);
    void outbox.submit(third);
    timers.shift()?.();
    await waitFor(() => timers.length === 1, 5000, 'second retry');
    expect(storage.load()).toHaveLength(3);
    // 3. Back online: everything delivered, in order, each once.
    proxy.offline = false;
    timers.shift()?.();
    await outbox.drained();
    expect(storage.load()).toEqual([]);
    expect(settled.map(([w]) => w.writeId)).toEqual([first.writeId, second.writeId, third.writeId]);
    expect(settled.every(([, r]) => r.ok)).toBe(true);
    expect(settled[0]?.[1]).toMatchObject({ ok: true, replayed: true });

    const texts = [first, second, third].map((w) => (w.type === 'note.add' ? w.note.text : ''));
    await waitFor(
      () => texts.every((t) => s.notes.all().some((n) => n.text === t)),
      5000,
      'notes arrive',
    );
    for (const t of texts) expect(s.notes.all().filter((n) => n.text === t)).toHaveLength(1);
    // A later resend of the same write (a second tab, a stale outbox) changes nothing either.
    const again = await participantTransport(fetchLike, server.url, p.token)(first);
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(s.notes.all().filter((n) => n.text === texts[0])).toHaveLength(1);
    f.destroy();
  });
});
