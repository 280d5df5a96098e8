import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RoomDoc, SessionDoc } from '../../core/index.ts';
import {
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  synced,
  waitFor,
  type TestParticipant,
} from './collab-helpers/harness.ts';

const PHONES = 320;
const SHARES = 6;
const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;

/**
 * A room larger than one send slice (LiveDoc sends an update to 250 connections, then lets the
 * event loop read before going on). Shares made in quick succession overlap in sending; every
 * phone must still get every room update exactly once and in the order they were committed.
 */
describe('a room larger than one send slice', () => {
  const live = liveServer({
    limits: { maxConnectionsPerAddress: 1000 },
    joinThrottle: {
      perAddressBurst: 1000,
      perAddressPerSecond: 1000,
      totalBurst: 1000,
      totalPerSecond: 1000,
    },
  });

  it('gives every phone every update, once each, in commit order', async () => {
    const { server, providers, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const facilitator = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    providers.push(facilitator);
    await synced(facilitator);

    const people: TestParticipant[] = [];
    for (let i = 0; i < PHONES; i += 40)
      people.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(40, PHONES - i) }, () => joinAndConsent(server.url, code)),
        )),
      );
    // Plain sockets, so that each phone's frames can be compared byte for byte and in order.
    const received: Buffer[][] = people.map(() => []);
    const phones = people.map((p, i) => {
      const ws = new WebSocket(
        `${server.url.replace(/^http/, 'ws')}/collab/${p.roomDoc}?token=${p.token}`,
      );
      ws.on('message', (data: Buffer) => {
        if (data[0] === MESSAGE_SYNC && data[1] === SYNC_UPDATE) received[i]?.push(data);
      });
      return ws;
    });
    await Promise.all(phones.map((ws) => new Promise((r) => ws.once('open', r))));
    // Each phone asks for the room and gets it before any share is made.
    const room = connect(server.url, people[0]?.roomDoc as string, people[0]?.token as string);
    providers.push(room);
    await synced(room);

    const session = new SessionDoc(facilitator.doc);
    const ids = session.notes
      .all()
      .filter((n) => !n.shared && !n.hidden && !n.withdrawn)
      .map((n) => n.id)
      .slice(0, SHARES);
    expect(ids).toHaveLength(SHARES);
    for (const id of ids) session.notes.patch(id, { shared: true });

    await waitFor(
      () => received.every((r) => r.length >= SHARES),
      20_000,
      'every phone to receive every shared note',
    );
    await new Promise((r) => setTimeout(r, 200));
    const first = received[0] as Buffer[];
    for (const r of received) {
      expect(r.length).toBe(first.length);
      r.forEach((frame, k) => expect(frame.equals(first[k] as Buffer)).toBe(true));
    }
    // Those updates are the shares: a stock client in the same room shows every one.
    const shown = new RoomDoc(room.doc);
    for (const id of ids) expect(shown.notes.has(id)).toBe(true);
    phones.forEach((ws) => ws.close());
  }, 60_000);
});
