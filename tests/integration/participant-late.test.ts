import { describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, importSnapshot } from '../../collab-server/store/index.ts';
import { makeDemoProgramme } from '../../core/index.ts';
import {
  api,
  joinAndConsent,
  liveServer,
  openSession,
  startTestServer,
} from './collab-helpers/harness.ts';

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

  it('a comment on a reflect-back card after close is taken marked late, as a note is', async () => {
    // The full demo, which has reflect-back cards (the shared two-session one has none).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-participant-late-'));
    const demo = makeDemoProgramme();
    const store = Store.openFolder(dir);
    importSnapshot(store, demo, 'test');
    store.close();
    const server = await startTestServer(dir);
    try {
      const withCards = demo.sessions.find((s) => s.reflectCards.length > 0);
      if (!withCards) throw new Error('the demo has no reflect-back cards');
      const sid = withCards.session.id;
      const cardId = withCards.reflectCards[0]!.id;
      const secret = server.desktopSecret as string;
      const code = await openSession(server, sid);
      const p = await joinAndConsent(server.url, code);
      expect((await p.send(writes.comment(cardId, 'Said in the room.'))).ok).toBe(true);
      await api(server.url, 'POST', `/api/sessions/${sid}/close`, { token: secret });
      await api(server.url, 'PUT', `/api/sessions/${sid}/late`, {
        token: secret,
        body: { days: 3 },
      });
      expect((await p.send(writes.comment(cardId, 'Thought of on the bus.'))).ok).toBe(true);
      const me = (await api(server.url, 'GET', '/api/participant/me', { token: p.token })).body as {
        comments: { text: string; late: boolean }[];
      };
      expect(me.comments.map((c) => [c.text, c.late])).toEqual([
        ['Said in the room.', false],
        ['Thought of on the bus.', true],
      ]);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
