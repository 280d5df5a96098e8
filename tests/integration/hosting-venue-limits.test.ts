import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { joinSession } from '../../core/client/index.ts';
import { fetchLike, liveServer, openSession } from './collab-helpers/harness.ts';

/** Opens a raw WebSocket to a document; resolves with the HTTP status of a refusal, or 101. */
function open(
  baseUrl: string,
  doc: string,
  token: string,
): Promise<{ status: number; ws: WebSocket }> {
  const ws = new WebSocket(
    `${baseUrl.replace(/^http/, 'ws')}/collab/${doc}?token=${encodeURIComponent(token)}`,
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws });
      res.resume();
    });
    ws.once('error', reject);
  });
}

/**
 * Issue #20, finding 2: one participant's token could take the whole per-address allowance (298
 * room sockets), locking out everyone else behind a venue's one address. Limits are now per
 * participant and per facilitator sign-in, and the per-address cap fits a room of phones.
 */
describe('connection limits that fit a venue', () => {
  const live = liveServer();

  it('one participant cannot fill the allowance of their address', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const greedy = await joinSession(fetchLike, server.url, { code });
    const sockets: WebSocket[] = [];
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      const r = await open(server.url, greedy.roomDoc, greedy.token);
      sockets.push(r.ws);
      if (r.status === 429) refused++;
      else expect(r.status).toBe(101);
    }
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(40);
    const next = await joinSession(fetchLike, server.url, { code });
    const r = await open(server.url, next.roomDoc, next.token);
    sockets.push(r.ws);
    expect(r.status).toBe(101);
    for (const ws of sockets) ws.terminate();
  });

  it('a facilitator sign-in has its own allowance too', async () => {
    const { server, data } = live;
    const sockets: WebSocket[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++) {
      const r = await open(
        server.url,
        `programme/${data.programmeId}`,
        server.desktopSecret as string,
      );
      sockets.push(r.ws);
      statuses.push(r.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 101).length).toBeGreaterThanOrEqual(16);
    for (const ws of sockets) ws.terminate();
  });

  it('1,000 phones of different participants from one address all connect', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[1] as string;
    const code = await openSession(server, sid);
    const joined = [];
    for (let i = 0; i < 1000; i++) joined.push(await joinSession(fetchLike, server.url, { code }));
    const results: { status: number; ws: WebSocket }[] = [];
    // In batches, as a room told "scan the code now" would arrive.
    for (let i = 0; i < joined.length; i += 100)
      results.push(
        ...(await Promise.all(
          joined.slice(i, i + 100).map((p) => open(server.url, p.roomDoc, p.token)),
        )),
      );
    expect(results.filter((r) => r.status === 101).length).toBe(1000);
    for (const r of results) r.ws.terminate();
  }, 240_000);
});
