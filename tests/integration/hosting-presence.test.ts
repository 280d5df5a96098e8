import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { joinSession } from '../../core/client/index.ts';
import { fetchLike, liveServer, openSession, waitFor } from './collab-helpers/harness.ts';

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

/** An awareness frame with one entry whose state is the given text (JSON or not). */
function awarenessFrame(clientId: number, clock: number, stateText: string): Uint8Array {
  const payload = encoding.createEncoder();
  encoding.writeVarUint(payload, 1);
  encoding.writeVarUint(payload, clientId);
  encoding.writeVarUint(payload, clock);
  encoding.writeVarString(payload, stateText);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(payload));
  return encoding.toUint8Array(e);
}

/** Sync step 1 whose state vector claims five entries and holds none. */
function garbledSyncStep1(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, new Uint8Array([5, 0x80]));
  return encoding.toUint8Array(e);
}

/** What the stock client does with an awareness frame: applies it (and throws on garbage). */
function applyLikeStockClient(frame: Uint8Array, awareness: awarenessProtocol.Awareness): void {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== 1) return;
  awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(d), 'test');
}

/**
 * Issue #20, findings 4 and 5: presence on `programme/*` was relayed unchecked, so one
 * facilitator's malformed awareness frame threw inside every other facilitator's stock client;
 * and a garbled sync request was closed with 1011 and logged as a server error, where it is the
 * client's fault (1007, a warning, once per connection).
 */
describe('presence validated on every document; malformed frames are the client’s fault', () => {
  const live = liveServer();

  it('a malformed presence frame on a programme document reaches no one and closes its sender with 1007', async () => {
    const { server, data } = live;
    const base = `${server.url.replace(/^http/, 'ws')}/collab/programme/${data.programmeId}?token=${server.desktopSecret}`;
    const listener = await rawSocket(base);
    const heard: Uint8Array[] = [];
    listener.on('message', (m: Buffer) => heard.push(new Uint8Array(m)));
    const good = await rawSocket(base);
    const bad = await rawSocket(base);
    const closed = closeOf(bad);
    good.send(awarenessFrame(4242, 1, JSON.stringify({ user: { name: 'Facilitator two' } })));
    await waitFor(
      () => heard.some((f) => Buffer.from(f).includes('Facilitator two')),
      10_000,
      'a good presence frame relayed',
    );
    for (let i = 0; i < 3; i++) bad.send(awarenessFrame(777, 1 + i, '{"user": not json'));
    expect((await closed).code).toBe(1007);
    await new Promise((r) => setTimeout(r, 300));
    // Everything the listener heard, a stock client applies without throwing.
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    for (const f of heard) expect(() => applyLikeStockClient(f, awareness)).not.toThrow();
    expect(awareness.getStates().has(777)).toBe(false);
    const warnings = server.logs.filter((l) => l.event === 'ws.malformed');
    expect(warnings.filter((l) => l.level === 'warn').length).toBe(warnings.length);
    const conns = warnings.map((l) => l.conn);
    expect(new Set(conns).size).toBe(conns.length);
    listener.terminate();
    good.terminate();
  });

  it('a garbled sync request is closed with 1007 and logged as a warning, not a server error', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const p = await joinSession(fetchLike, server.url, { code });
    const errorsBefore = server.logs.filter((l) => l.level === 'error').length;
    for (const [doc, token] of [
      [p.roomDoc, p.token],
      [`session/${sid}`, server.desktopSecret as string],
    ] as const) {
      const ws = await rawSocket(
        `${server.url.replace(/^http/, 'ws')}/collab/${doc}?token=${token}`,
      );
      const closed = closeOf(ws);
      ws.send(garbledSyncStep1());
      ws.send(garbledSyncStep1());
      expect((await closed).code).toBe(1007);
    }
    expect(server.logs.filter((l) => l.level === 'error').length).toBe(errorsBefore);
  });
});
