import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { writes } from '../../core/client/index.ts';
import { RoomDoc, SessionDoc } from '../../core/index.ts';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import {
  api,
  closedWith,
  connect,
  demoDataDir,
  joinAndConsent,
  startTestServer,
  synced,
  waitFor,
  type TestParticipant,
  type TestServer,
} from './collab-helpers/harness.ts';

type Who = 'facilitator' | 'observer' | 'participant' | 'otherParticipant' | 'anonymous' | 'forged';
const WHO: Who[] = [
  'facilitator',
  'observer',
  'participant',
  'otherParticipant',
  'anonymous',
  'forged',
];

/** A WebSocket handshake outcome: opened (and then closed by the server with a code) or refused. */
function wsOutcome(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ code: number; reason: string } | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    let opened = false;
    const t = setTimeout(() => {
      ws.terminate();
      resolve('open');
    }, 700);
    ws.on('open', () => (opened = true));
    ws.on('close', (code, reason) => {
      clearTimeout(t);
      resolve(opened ? { code, reason: reason.toString() } : { code: -1, reason: 'refused' });
    });
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(t);
      resolve({ code: res.statusCode ?? 0, reason: 'http' });
    });
  });
}

describe('authorisation matrix (server mode)', () => {
  let data: ReturnType<typeof demoDataDir>;
  let server: TestServer;
  const tokens: Partial<Record<Who, string>> = {};
  let cookie = '';
  let s1 = '';
  let s2 = '';
  let participant: TestParticipant;
  let other: TestParticipant;

  beforeAll(async () => {
    data = demoDataDir();
    [s1, s2] = data.sessionIds as [string, string];
    const store = Store.openFolder(data.dir);
    await addFacilitator(store, {
      email: 'fac@example.org',
      name: 'Fac',
      password: 'correct horse battery',
      programmes: [data.programmeId],
    });
    await addFacilitator(store, {
      email: 'obs@example.org',
      name: 'Obs',
      password: 'correct horse battery',
      role: 'observer',
      programmes: [data.programmeId],
    });
    store.close();
    server = await startTestServer(data.dir, { mode: 'server' });
    for (const [who, email] of [
      ['facilitator', 'fac@example.org'],
      ['observer', 'obs@example.org'],
    ] as const) {
      const r = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery' }),
      });
      expect(r.status).toBe(200);
      const setCookie = r.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      const token = decodeURIComponent(/cohear_session=([^;]+)/.exec(setCookie)?.[1] ?? '');
      tokens[who] = token;
      if (who === 'facilitator') cookie = `cohear_session=${encodeURIComponent(token)}`;
    }
    const open1 = await api(server.url, 'POST', `/api/sessions/${s1}/open`, {
      token: tokens.facilitator,
    });
    const open2 = await api(server.url, 'POST', `/api/sessions/${s2}/open`, {
      token: tokens.facilitator,
    });
    participant = await joinAndConsent(server.url, open1.body.code as string);
    other = await joinAndConsent(server.url, open2.body.code as string);
    tokens.participant = participant.token;
    tokens.otherParticipant = other.token;
    tokens.forged = 'AAAAAAAAAAAAAAAAAAAAAA';
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  it('wrong password is refused and a login is not possible in the wrong mode', async () => {
    const r = await api(server.url, 'POST', '/api/auth/login', {
      body: { email: 'fac@example.org', password: 'nope nope nope' },
    });
    expect(r.status).toBe(401);
    const d = await api(server.url, 'POST', '/api/auth/desktop', { body: { secret: 'x' } });
    expect(d.status).toBe(404);
  });

  it('documents: every role against every document', async () => {
    const docs = {
      programme: `programme/${data.programmeId}`,
      session: `session/${s1}`,
      room: `room/${s1}`,
      otherRoom: `room/${s2}`,
      missing: 'room/no-such-session',
      garbage: 'etc/passwd',
    };
    // 'rw' read-write, 'ro' read-only, a number: the close code the server explains itself with.
    const expected: Record<Who, Record<keyof typeof docs, 'rw' | 'ro' | number>> = {
      facilitator: {
        programme: 'rw',
        session: 'rw',
        room: 'ro',
        otherRoom: 'ro',
        missing: 4404,
        garbage: 4404,
      },
      observer: {
        programme: 4403,
        session: 4403,
        room: 4403,
        otherRoom: 4403,
        missing: 4403,
        garbage: 4404,
      },
      participant: {
        programme: 4403,
        session: 4403,
        room: 'ro',
        otherRoom: 4403,
        missing: 4403,
        garbage: 4404,
      },
      otherParticipant: {
        programme: 4403,
        session: 4403,
        room: 4403,
        otherRoom: 'ro',
        missing: 4403,
        garbage: 4404,
      },
      anonymous: {
        programme: 4401,
        session: 4401,
        room: 4401,
        otherRoom: 4401,
        missing: 4401,
        garbage: 4401,
      },
      forged: {
        programme: 4401,
        session: 4401,
        room: 4401,
        otherRoom: 4401,
        missing: 4401,
        garbage: 4401,
      },
    };
    const base = server.url.replace(/^http/, 'ws');
    for (const who of WHO) {
      for (const [key, doc] of Object.entries(docs) as [keyof typeof docs, string][]) {
        const want = expected[who][key];
        const q = tokens[who] ? `?token=${encodeURIComponent(tokens[who] as string)}` : '';
        const got = await wsOutcome(`${base}/collab/${doc}${q}`);
        if (typeof want === 'number') {
          expect({ who, doc, got }).toEqual({
            who,
            doc,
            got: { code: want, reason: expect.any(String) },
          });
          expect((got as { reason: string }).reason.length).toBeGreaterThan(3);
        } else {
          expect({ who, doc, got }).toEqual({ who, doc, got: 'open' });
        }
      }
    }
    // The sign-in cookie works for our own origin and is refused cross-site.
    expect(await wsOutcome(`${base}/collab/session/${s1}`, { cookie })).toBe('open');
    expect(
      await wsOutcome(`${base}/collab/session/${s1}`, { cookie, origin: 'https://evil.example' }),
    ).toEqual({
      code: 4403,
      reason: 'cross-site connection refused',
    });
  });

  it('HTTP write paths: every role against every endpoint', async () => {
    const paths: { name: string; method: string; path: string; body?: unknown; allowed: Who[] }[] =
      [
        {
          name: 'list programmes',
          method: 'GET',
          path: '/api/programmes',
          allowed: ['facilitator', 'observer'],
        },
        {
          name: 'programme',
          method: 'GET',
          path: `/api/programmes/${data.programmeId}`,
          allowed: ['facilitator'],
        },
        {
          name: 'new programme from a template',
          method: 'POST',
          path: '/api/programmes',
          body: {
            template: 'persona-walkthrough',
            title: 'Authorisation check',
            organisation: 'Test',
            startDate: '2027-02-01',
          },
          allowed: ['facilitator'],
        },
        {
          name: 'join info',
          method: 'GET',
          path: `/api/sessions/${s1}/join`,
          allowed: ['facilitator'],
        },
        {
          name: 'open',
          method: 'POST',
          path: `/api/sessions/${s1}/open`,
          body: {},
          allowed: ['facilitator'],
        },
        {
          name: 'export',
          method: 'GET',
          path: `/api/programmes/${data.programmeId}/exports/key-theme-table.json`,
          allowed: ['facilitator', 'observer'],
        },
        {
          name: 'participant write',
          method: 'POST',
          path: '/api/participant/writes',
          body: writes.vote('nope', 'agree'),
          allowed: ['participant', 'otherParticipant'],
        },
        {
          name: 'people of a programme',
          method: 'GET',
          path: `/api/programmes/${data.programmeId}/participants`,
          allowed: ['facilitator'],
        },
        {
          name: 'erase a participant on request',
          method: 'POST',
          path: '/api/participants/nobody-here/erase',
          body: {},
          allowed: ['facilitator'],
        },
        {
          name: 'participant me',
          method: 'GET',
          path: '/api/participant/me',
          allowed: ['participant', 'otherParticipant'],
        },
      ];
    for (const p of paths) {
      for (const who of WHO) {
        const r = await api(server.url, p.method, p.path, { token: tokens[who], body: p.body });
        if (p.allowed.includes(who)) {
          // Allowed roles get past authorisation (the vote on a missing card is a 404 of its own).
          expect({ p: p.name, who, status: r.status }).not.toEqual({ p: p.name, who, status: 401 });
          expect({ p: p.name, who, status: r.status }).not.toEqual({ p: p.name, who, status: 403 });
        } else {
          const want = who === 'anonymous' || who === 'forged' ? 401 : 403;
          expect({ p: p.name, who, status: r.status }).toEqual({ p: p.name, who, status: want });
          expect((r.body.error as { message: string }).message.length).toBeGreaterThan(3);
        }
      }
    }
  });

  it('participants write only their own notes and no facilitator field; rooms stay read-only', async () => {
    const w = writes.addNote('My own words');
    expect((await participant.send(w)).ok).toBe(true);
    const noteId = w.type === 'note.add' ? w.note.id : '';
    // Another participant (even of another session's token) cannot touch it.
    const stolen = await other.send(writes.editNote(noteId, 'changed by someone else'));
    expect(stolen).toMatchObject({ ok: false });
    const sameSession = await joinAndConsent(
      server.url,
      (await api(server.url, 'GET', `/api/sessions/${s1}/join`, { token: tokens.facilitator })).body
        .code as string,
    );
    const edit = await sameSession.send(writes.editNote(noteId, 'changed by a neighbour'));
    expect(edit).toMatchObject({ ok: false, error: { code: 'not-yours' } });
    const withdraw = await sameSession.send(writes.withdrawNote(noteId));
    expect(withdraw).toMatchObject({ ok: false, error: { code: 'not-yours' } });
    // Facilitator fields are not part of the message at all: strict schemas refuse them.
    const sneaky = await api(server.url, 'POST', '/api/participant/writes', {
      token: participant.token,
      body: {
        writeId: 'w-sneaky',
        type: 'note.add',
        note: { id: 'n-sneaky', text: 'hi', shared: true, author: { type: 'facilitator' } },
      },
    });
    expect(sneaky.status).toBe(400);
    // A stock client editing its read-only room changes nothing anyone else sees.
    const a = connect(server.url, `room/${s1}`, participant.token);
    const b = connect(server.url, `room/${s1}`, sameSession.token);
    const f = connect(server.url, `session/${s1}`, tokens.facilitator as string);
    await Promise.all([synced(a), synced(b), synced(f)]);
    new RoomDoc(a.doc).notes.put({
      id: 'forged',
      text: 'injected',
      polarity: 'want',
      stepId: null,
      at: new Date().toISOString(),
    });
    a.doc.getMap('state').set('title', 'hacked');
    // Then a real change from the facilitator, which must arrive while the forgery never does.
    new SessionDoc(f.doc).notes.patch(noteId, { shared: true });
    const roomB = new RoomDoc(b.doc);
    await waitFor(() => roomB.notes.has(noteId), 5000, 'shared note');
    expect(roomB.notes.has('forged')).toBe(false);
    expect(roomB.state()?.title).not.toBe('hacked');
    const c = connect(server.url, `room/${s1}`, sameSession.token);
    await synced(c);
    expect(new RoomDoc(c.doc).notes.has('forged')).toBe(false);
    [a, b, c, f].forEach((p) => p.destroy());
  });

  it('closing a session kills its code at once, and logout ends the sign-in', async () => {
    const info = await api(server.url, 'GET', `/api/sessions/${s2}/join`, {
      token: tokens.facilitator,
    });
    const code = info.body.code as string;
    await api(server.url, 'POST', `/api/sessions/${s2}/close`, {
      token: tokens.facilitator,
      body: {},
    });
    const late = await api(server.url, 'POST', '/api/join', { body: { code } });
    // Told that it closed (issue 17), and admitted to nothing.
    expect(late.status).toBe(410);
    expect((await other.send(writes.addNote('too late'))).ok).toBe(false);
    const out = await api(server.url, 'POST', '/api/auth/logout', {
      token: tokens.observer,
      body: {},
    });
    expect(out.status).toBe(200);
    expect(
      (await api(server.url, 'GET', '/api/programmes', { token: tokens.observer })).status,
    ).toBe(401);
    const closed = connect(server.url, `session/${s1}`, tokens.observer as string);
    expect((await closedWith(closed)).code).toBe(4401);
    closed.destroy();
  });
});
