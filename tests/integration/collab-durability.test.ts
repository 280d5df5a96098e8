import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc, capturedNote, newId } from '../../core/index.ts';
import { Store } from '../../collab-server/store/index.ts';
import { exited, spawnServer } from './collab-helpers/child-server.ts';
import {
  api,
  connect,
  demoDataDir,
  joinAndConsent,
  openSession,
  startTestServer,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

const dirs: ReturnType<typeof demoDataDir>[] = [];

/** Map order is not part of the content (compaction may change it): compare sorted by id. */
function canonical(doc: SessionDoc): string {
  const c = doc.read();
  return JSON.stringify({ ...c, notes: [...c.notes].sort((a, b) => a.id.localeCompare(b.id)) });
}
afterAll(() => dirs.forEach((d) => d.cleanup()));

describe('durability', () => {
  it('a restart keeps everything: notes, shares, votes, consent, join code, compacted log', async () => {
    const data = demoDataDir();
    dirs.push(data);
    const sid = data.sessionIds[0] as string;
    let server = await startTestServer(data.dir, { compactEvery: 5 });
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    let f = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    await synced(f);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const w = writes.addNote(`Restart note ${i}`);
      expect((await p.send(w)).ok).toBe(true);
      if (w.type === 'note.add') ids.push(w.note.id);
    }
    const s = new SessionDoc(f.doc);
    await waitFor(() => ids.every((id) => s.notes.has(id)));
    s.notes.patch(ids[0] as string, { shared: true, themeIds: [] });
    const card = s.cards.all()[0];
    if (card) expect((await p.send(writes.vote(card.id, 'agree'))).ok).toBe(true);
    let room = connect(server.url, p.roomDoc, p.token);
    await synced(room);
    await waitFor(() => new RoomDoc(room.doc).notes.has(ids[0] as string));
    await waitFor(
      () => !card || new SessionDoc(f.doc).cards.get(card.id)?.votes[p.participantId] === 'agree',
    );
    const sessionBefore = canonical(new SessionDoc(f.doc));
    const roomBefore = JSON.stringify(new RoomDoc(room.doc).read());
    f.destroy();
    room.destroy();
    await server.close();

    const store = Store.openFolder(data.dir, { readonly: true });
    const snapshots = store.db.prepare('SELECT COUNT(*) AS n FROM doc_snapshots').get() as {
      n: number;
    };
    expect(snapshots.n).toBeGreaterThan(0);
    store.close();

    server = await startTestServer(data.dir);
    f = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    room = connect(server.url, p.roomDoc, p.token);
    await Promise.all([synced(f), synced(room)]);
    expect(canonical(new SessionDoc(f.doc)) === sessionBefore).toBe(true);
    expect(JSON.stringify(new RoomDoc(room.doc).read()) === roomBefore).toBe(true);
    // The same token and code still work; a replayed write is recognised after the restart.
    const again = await api(server.url, 'GET', `/api/sessions/${sid}/join`, {
      token: server.desktopSecret,
    });
    expect(again.body.code).toBe(code);
    const me = await api(server.url, 'GET', '/api/participant/me', { token: p.token });
    expect((me.body.consent as { storeWords: { given: boolean } }).storeWords.given).toBe(true);
    expect((me.body.notes as unknown[]).length).toBe(12);
    f.destroy();
    room.destroy();
    await server.close();
  });

  it('kill -9 in the middle of a load loses no note any client saw accepted', async () => {
    const data = demoDataDir();
    dirs.push(data);
    const sid = data.sessionIds[0] as string;
    let child = await spawnServer(data.dir);
    const code = (
      await api(child.url, 'POST', `/api/sessions/${sid}/open`, {
        token: child.desktopSecret,
        body: {},
      })
    ).body.code as string;
    const people = await Promise.all([0, 1, 2, 3, 4, 5].map(() => joinAndConsent(child.url, code)));
    // A facilitator writing through the document, and another watching: what the watcher saw
    // arrive was accepted by the server.
    const writer = connect(child.url, `session/${sid}`, child.desktopSecret);
    const watcher = connect(child.url, `session/${sid}`, child.desktopSecret);
    await Promise.all([synced(writer), synced(watcher)]);
    const seen = new Set<string>();
    new SessionDoc(watcher.doc).notes.map.observe((e) => {
      for (const k of e.keysChanged) seen.add(k);
    });
    const acknowledged: string[] = [];
    let stop = false;
    const loads = people.map(async (p, i) => {
      for (let k = 0; !stop; k++) {
        const w = writes.addNote(`Load ${i}-${k}`);
        try {
          const r = await p.send(w);
          if (r.ok && w.type === 'note.add') acknowledged.push(w.note.id);
        } catch {
          return;
        }
      }
    });
    const facilitatorLoad = (async () => {
      const s = new SessionDoc(writer.doc);
      for (let k = 0; !stop; k++) {
        s.notes.put(
          capturedNote({ id: newId('fk'), text: `Captured ${k}`, facilitator: 'Scribe' }),
        );
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    await waitFor(() => acknowledged.length >= 60 && seen.size >= 40, 20_000, 'load');
    child.child.kill('SIGKILL');
    stop = true;
    await Promise.all([...loads, facilitatorLoad]);
    const ackedAtKill = [...acknowledged];
    const seenAtKill = [...seen];
    writer.destroy();
    watcher.destroy();
    await exited(child.child);

    child = await spawnServer(data.dir);
    const check = connect(child.url, `session/${sid}`, child.desktopSecret);
    await synced(check);
    const s = new SessionDoc(check.doc);
    const missingAcked = ackedAtKill.filter((id) => !s.notes.has(id));
    const missingSeen = seenAtKill.filter((id) => !s.notes.has(id));
    expect(missingAcked).toEqual([]);
    expect(missingSeen).toEqual([]);
    expect(Y.encodeStateVector(check.doc).byteLength).toBeGreaterThan(1);
    check.destroy();
    child.child.kill('SIGTERM');
    await exited(child.child);
  });
});
