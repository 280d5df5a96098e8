import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { writes } from '../../core/client/index.ts';
import { NOTE_MAX_CHARS, SessionDoc, capturedNote, newId } from '../../core/index.ts';
import {
  api,
  connect,
  demoDataDir,
  liveServer,
  joinAndConsent,
  openSession,
  startTestServer,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

/** A seeded generator, so a failure can be replayed. */
function bytes(seed: number, n: number): Uint8Array {
  let x = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

describe('malformed frames, random bytes, oversized messages and limits', () => {
  const live = liveServer({
    limits: { maxMessageBytes: 64 * 1024, maxConnectionsPerAddress: 40, maxDocBytes: 400 * 1024 },
  });

  it('closes the offender with a clear reason while everyone else keeps syncing', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const a = connect(server.url, `session/${sid}`, secret);
    const b = connect(server.url, `session/${sid}`, secret);
    const p = await joinAndConsent(server.url, code);
    const room = connect(server.url, p.roomDoc, p.token);
    await Promise.all([synced(a), synced(b), synced(room)]);
    const base = `${server.url.replace(/^http/, 'ws')}/collab`;

    // Random bytes, as a facilitator and as a participant.
    for (let seed = 1; seed <= 20; seed++) {
      const ws = await rawSocket(`${base}/session/${sid}?token=${secret}`);
      const closed = closeOf(ws);
      ws.send(bytes(seed, 1 + ((seed * 37) % 300)));
      const c = await Promise.race([
        closed,
        new Promise<null>((r) => setTimeout(() => r(null), 300)),
      ]);
      if (c) expect([1007, 1011, 4413]).toContain(c.code);
      ws.terminate();
    }
    // A well-framed update whose payload is not a Yjs update.
    const bad = encoding.createEncoder();
    encoding.writeVarUint(bad, 0);
    encoding.writeVarUint(bad, 2);
    encoding.writeVarUint8Array(bad, bytes(99, 50));
    const ws1 = await rawSocket(`${base}/session/${sid}?token=${secret}`);
    const c1 = closeOf(ws1);
    ws1.send(encoding.toUint8Array(bad));
    expect(await c1).toMatchObject({ code: 1007 });
    // Text frames are not the protocol.
    const ws2 = await rawSocket(`${base}/room/${sid}?token=${p.token}`);
    const c2 = closeOf(ws2);
    ws2.send('hello');
    expect(await c2).toMatchObject({ code: 1007, reason: 'expected binary y-websocket frames' });
    // Oversized: refused by the frame limit.
    const ws3 = await rawSocket(`${base}/session/${sid}?token=${secret}`);
    const c3 = closeOf(ws3);
    ws3.send(new Uint8Array(65 * 1024));
    expect((await c3).code).toBe(1009);
    // Participant frames have a lower limit (they only send presence).
    const ws4 = await rawSocket(`${base}/room/${sid}?token=${p.token}`);
    const c4 = closeOf(ws4);
    ws4.send(new Uint8Array(9 * 1024));
    expect(await c4).toMatchObject({ code: 1009, reason: 'message too large' });

    // The document size limit: a facilitator filling it gets 4413, the others carry on.
    const filler = connect(server.url, `session/${sid}`, secret);
    await synced(filler);
    const fillerClosed = new Promise<{ code: number; reason: string }>((resolve) =>
      filler.on('connection-close', (e) => e && resolve({ code: e.code, reason: e.reason })),
    );
    const fs = new SessionDoc(filler.doc);
    for (let i = 0; i < 30; i++) {
      fs.notes.put(
        capturedNote({
          id: newId('big'),
          text: 'x'.repeat(NOTE_MAX_CHARS),
          kind: 'story',
          facilitator: 'F',
        }),
      );
      for (let k = 0; k < 4; k++)
        fs.notes.patch(fs.notes.all().at(-1)!.id, { text: `${k}`.repeat(NOTE_MAX_CHARS) });
    }
    expect(await fillerClosed).toMatchObject({ code: 4413 });
    filler.destroy();

    // HTTP limits: too long a note, too big a body, not JSON.
    const long = await p.send(writes.addNote('y'.repeat(NOTE_MAX_CHARS + 1)));
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const huge = await api(server.url, 'POST', '/api/participant/writes', {
      token: p.token,
      body: { junk: 'z'.repeat(70 * 1024) },
    });
    expect(huge.status).toBe(413);
    const notJson = await fetch(`${server.url}/api/participant/writes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: '{"oops',
    });
    expect(notJson.status).toBe(400);

    // Connections per address: the 41st from one address gets HTTP 429.
    const many: WebSocket[] = [];
    let refused = 0;
    for (let i = 0; i < 45; i++) {
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(`${base}/room/${sid}?token=${p.token}`);
        ws.on('open', () => {
          many.push(ws);
          resolve();
        });
        ws.on('unexpected-response', (_r, res) => {
          if (res.statusCode === 429) refused++;
          resolve();
        });
        ws.on('error', () => resolve());
      });
    }
    expect(refused).toBeGreaterThan(0);
    many.forEach((w) => w.terminate());

    // After all that: the server is up, and the well-behaved clients still sync.
    const sa = new SessionDoc(a.doc);
    const sb = new SessionDoc(b.doc);
    const w = writes.addNote('Still here');
    const r = await p.send(w);
    expect(r.ok).toBe(true);
    const id = w.type === 'note.add' ? w.note.id : '';
    await waitFor(() => sa.notes.has(id) && sb.notes.has(id), 10_000, 'sync after abuse');
    sa.notes.patch(id, { shared: true });
    await waitFor(
      () => JSON.stringify(room.doc.getMap('sharedNotes').toJSON()).includes('Still here'),
      10_000,
      'room after abuse',
    );
    expect((await api(server.url, 'GET', '/api/health')).body.ok).toBe(true);
    [a, b, room].forEach((x) => x.destroy());
  });

  it('throttles wrong join codes per address and in total, before looking the code up', async () => {
    const data2 = demoDataDir();
    const s2 = await startTestServer(data2.dir, {
      joinThrottle: {
        perAddressBurst: 3,
        perAddressPerSecond: 0.01,
        totalBurst: 5,
        totalPerSecond: 0.01,
      },
    });
    try {
      const code = await openSession(s2, data2.sessionIds[0] as string);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await api(s2.url, 'POST', '/api/join', { body: { code: '000000000000' } })).status,
        );
      expect(statuses).toEqual([404, 404, 404, 429]);
      // Even the right code is refused from that address while it is throttled.
      const right = await api(s2.url, 'POST', '/api/join', { body: { code } });
      expect(right.status).toBe(429);
      expect(right.headers.get('retry-after')).toBeTruthy();
      // Other addresses (through a proxy that forwards X-Forwarded-For) share the total budget.
      await s2.close();
      const s3 = await startTestServer(data2.dir, {
        trustProxy: ['127.0.0.1'],
        joinThrottle: {
          perAddressBurst: 3,
          perAddressPerSecond: 0.01,
          totalBurst: 5,
          totalPerSecond: 0.01,
        },
      });
      const code3 = (
        await api(s3.url, 'GET', `/api/sessions/${data2.sessionIds[0]}/join`, {
          token: s3.desktopSecret,
        })
      ).body.code as string;
      const from = (ip: string, c: string) =>
        api(s3.url, 'POST', '/api/join', { body: { code: c }, headers: { 'x-forwarded-for': ip } });
      const wrong: number[] = [];
      for (let i = 0; i < 6; i++) wrong.push((await from(`10.0.0.${i}`, '111122223333')).status);
      expect(wrong).toEqual([404, 404, 404, 404, 404, 429]);
      expect((await from('10.0.9.9', code3)).status).toBe(429);
      // The join link is not held by the total limit.
      const link = (
        await api(s3.url, 'GET', `/api/sessions/${data2.sessionIds[0]}/join`, {
          token: s3.desktopSecret,
        })
      ).body.link as string;
      const byLink = await api(s3.url, 'POST', '/api/join', {
        body: { link: link.split('#')[1] },
        headers: { 'x-forwarded-for': '10.0.9.10' },
      });
      expect(byLink.status).toBe(200);
      expect((byLink.body.token as string).length).toBeGreaterThanOrEqual(22);
      await s3.close();
    } finally {
      data2.cleanup();
    }
  });
});
