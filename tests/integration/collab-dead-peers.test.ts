import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
} from './collab-helpers/harness.ts';

const PING_MS = 400;

/**
 * A phone that loses its signal never closes its connection. The server pings each connection on
 * its own phase and drops one that has not answered by its next ping, so a dead phone cannot hold
 * its place (and its share of the per-address limit) for long; live clients answer and stay.
 */
describe('dead connections', () => {
  const live = liveServer({ limits: { pingIntervalMs: PING_MS } });

  it('drops a connection that stops answering pings and keeps the ones that answer', async () => {
    const { server, providers } = live;
    const sid = live.data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const [alive, dead] = await Promise.all([0, 1].map(() => joinAndConsent(server.url, code)));
    if (!alive || !dead) throw new Error('join failed');
    const room = connect(server.url, alive.roomDoc, alive.token);
    providers.push(room);
    await synced(room);
    let drops = 0;
    room.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') drops++;
    });

    // A socket whose other end has gone quiet: connected, but it never answers a ping.
    const url = `${server.url.replace(/^http/, 'ws')}/collab/${dead.roomDoc}?token=${dead.token}`;
    const silent = new WebSocket(url, { autoPong: false });
    const pings: number[] = [];
    silent.on('ping', () => pings.push(Date.now()));
    const closedAt = await new Promise<number>((resolve, reject) => {
      silent.on('close', () => resolve(Date.now()));
      silent.on('error', reject);
    });

    // At least one ping went unanswered, and the drop came within about two intervals of it.
    expect(pings.length).toBeGreaterThanOrEqual(1);
    expect(closedAt - (pings[0] as number)).toBeGreaterThanOrEqual(PING_MS * 0.9);
    expect(closedAt - (pings[0] as number)).toBeLessThan(PING_MS * 2.5);
    // The stock client answered every ping meanwhile and was never dropped.
    await new Promise((r) => setTimeout(r, PING_MS * 3));
    expect(drops).toBe(0);
    expect(room.wsconnected).toBe(true);
  }, 20_000);
});
