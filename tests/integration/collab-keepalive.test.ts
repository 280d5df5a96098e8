import { describe, expect, it } from 'vitest';
import { SERVER_PRESENCE_ID } from '../../collab-server/sync/presence.ts';
import {
  connect,
  liveServer,
  joinAndConsent,
  openSession,
  synced,
} from './collab-helpers/harness.ts';

/**
 * The stock client gives up on a connection after 30 s without a message and forgets a remote
 * presence not renewed for 30 s. In a silent room, a phone that sends no presence of its own must
 * keep both its connection and the participant count. This test has to wait out the real 30 s.
 */
describe('keep-alive in a silent room', () => {
  const live = liveServer();

  it('keeps a presence-less phone connected and the count alive for 40 s', async () => {
    const { server, providers } = live;
    const sid = live.data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const phones = await Promise.all([0, 1, 2].map(() => joinAndConsent(server.url, code)));
    const rooms = phones.map((p) => connect(server.url, p.roomDoc, p.token));
    providers.push(...rooms);
    await Promise.all(rooms.map((r) => synced(r)));
    // No presence at all from these clients: only the server can keep the line busy.
    rooms.forEach((r) => r.awareness.setLocalState(null));
    let drops = 0;
    rooms.forEach((r) =>
      r.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') drops++;
      }),
    );
    await new Promise((r) => setTimeout(r, 40_000));
    expect(drops).toBe(0);
    for (const r of rooms) {
      expect(r.wsconnected).toBe(true);
      expect(r.awareness.getStates().get(SERVER_PRESENCE_ID)).toMatchObject({ role: 'server' });
    }
  }, 60_000);
});
