import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { writeSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';
import { joinAndConsent, liveServer, openSession } from './collab-helpers/harness.ts';

/**
 * The participant page's liveness check (renderer/src/participant/liveness.ts) sends a sync
 * step 1 on the room socket every second and counts anything heard as proof of life. That
 * holds only if the server answers every one, small, on a read-only room, and never treats the
 * beat as abuse. Sizes are printed for docs/architecture.md's cost figure.
 */
describe('liveness beat on the room socket', () => {
  const live = liveServer();

  it('answers every sync step 1 on a participant room with a small sync step 2', async () => {
    const { server } = live;
    const sid = live.data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    const url = `${server.url.replace(/^http/, 'ws')}/collab/${p.roomDoc}?token=${p.token}`;
    const ws = new WebSocket(url);
    const doc = new Y.Doc();
    const answers: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const sub = decoding.readVarUint(d);
      const update = decoding.readVarUint8Array(d);
      if (sub === 1 || sub === 2) Y.applyUpdate(doc, update);
      if (sub === 1) answers.push(new Uint8Array(data));
    });
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    const beat = () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      writeSyncStep1(e, doc);
      const frame = encoding.toUint8Array(e);
      ws.send(frame);
      return frame.byteLength;
    };
    // The first answer carries the room; after it each beat carries only the state vector.
    beat();
    await expect.poll(() => answers.length, { timeout: 10_000 }).toBe(1);
    const sent: number[] = [];
    for (let i = 0; i < 60; i++) sent.push(beat());
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBe(61);
    const replies = answers.slice(1).map((a) => a.byteLength);
    console.info(
      `room state ${answers[0]!.byteLength} B; per beat: sent ${Math.max(...sent)} B, answer ${Math.max(...replies)} B`,
    );
    expect(Math.max(...sent)).toBeLessThan(64);
    expect(Math.max(...replies)).toBeLessThan(256);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });
});
