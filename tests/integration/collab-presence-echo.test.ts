import { describe, expect, it } from 'vitest';
import {
  connect,
  liveServer,
  joinAndConsent,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

/**
 * The stock client sends back every awareness change it applies, so a facilitator's client
 * echoes the whole room's presence to the server each time it hears it. With more phones present
 * than the server once accepted in one awareness message, that normal echo was taken for
 * garbage and the facilitator was disconnected every time presence arrived.
 */
describe("a facilitator's presence echo", () => {
  const live = liveServer();

  it('keeps the facilitator connected while it sees 70 phones present', async () => {
    const { server, providers } = live;
    const sid = live.data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const facilitator = connect(server.url, `session/${sid}`, server.desktopSecret as string);
    providers.push(facilitator);
    await synced(facilitator);
    facilitator.awareness.setLocalState({ name: 'Lead facilitator' });
    let drops = 0;
    facilitator.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') drops++;
    });

    const phones = [];
    for (let i = 0; i < 70; i++) phones.push(await joinAndConsent(server.url, code));
    const rooms = phones.map((p) => connect(server.url, p.roomDoc, p.token));
    providers.push(...rooms);
    await Promise.all(rooms.map((r) => synced(r)));
    rooms.forEach((r, i) => r.awareness.setLocalState({ name: `Phone ${i}`, colour: '#336699' }));

    const present = () =>
      [...facilitator.awareness.getStates().values()].filter(
        (s) => (s as { role?: string }).role === 'participant',
      ).length;
    await waitFor(() => present() === 70, 10_000);
    // Presence renews again; the echoes of it must not cost the facilitator its connection.
    rooms.forEach((r, i) => r.awareness.setLocalStateField('typing', i % 2 === 0));
    await new Promise((r) => setTimeout(r, 1500));
    expect(drops).toBe(0);
    expect(facilitator.wsconnected).toBe(true);
    expect(present()).toBe(70);
  });
});
