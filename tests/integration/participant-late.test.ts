import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { api, joinAndConsent, liveServer, openSession } from './collab-helpers/harness.ts';

describe('late contributions and closed codes', () => {
  const live = liveServer();

  it('a bad setting is refused with a clear error and changes nothing; participants cannot set it', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[1] as string;
    const secret = server.desktopSecret as string;
    for (const days of [-1, 91, 2.5, 'seven'])
      expect(
        await api(server.url, 'PUT', `/api/sessions/${sid}/late`, {
          token: secret,
          body: { days },
        }),
      ).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid' } } });
    expect(
      (await api(server.url, 'GET', `/api/sessions/${sid}/late`, { token: secret })).body,
    ).toMatchObject({ days: 0, lateUntil: null });
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    expect(
      (
        await api(server.url, 'PUT', `/api/sessions/${sid}/late`, {
          token: p.token,
          body: { days: 7 },
        })
      ).status,
    ).toBe(403);
  });

  it('after close: a note is refused as closed, then taken marked late once the facilitator allows it', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const secret = server.desktopSecret as string;
    const code = await openSession(server, sid);
    const p = await joinAndConsent(server.url, code);
    await api(server.url, 'POST', `/api/sessions/${sid}/close`, { token: secret });

    const refused = await p.send(writes.addNote('After the end.'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'session-closed' } });
    const closedCode = await api(server.url, 'POST', '/api/join', { body: { code } });
    expect(closedCode).toMatchObject({ status: 410, body: { error: { code: 'session-closed' } } });

    await api(server.url, 'PUT', `/api/sessions/${sid}/late`, { token: secret, body: { days: 3 } });
    expect((await p.send(writes.addNote('After the end, allowed.'))).ok).toBe(true);
    const me = (await api(server.url, 'GET', '/api/participant/me', { token: p.token })).body as {
      sessionStatus: string;
      lateUntil: string | null;
      notes: { text: string; late: boolean }[];
    };
    expect(me.sessionStatus).toBe('closed');
    expect(me.lateUntil).not.toBeNull();
    expect(me.notes.map((n) => [n.text, n.late])).toEqual([['After the end, allowed.', true]]);
  });
});
