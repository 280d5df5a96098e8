import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeDemoProgramme } from '../../core/index.ts';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store, importSnapshot } from '../../collab-server/store/index.ts';
import {
  api,
  demoDataDir,
  joinAndConsent,
  startTestServer,
  type TestServer,
} from './collab-helpers/harness.ts';

/**
 * The authorisation matrix's programme dimension (issue #20, item 7): with programmes A and B
 * and accounts that are members of A only, no role reads or writes anything of B, and A stays
 * reachable as the role allows.
 */
type Who = 'facilitator' | 'observer' | 'admin' | 'participant';
const WHO: Who[] = ['facilitator', 'observer', 'admin', 'participant'];
const PASSWORD = 'correct horse battery';

function wsOutcome(url: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let opened = false;
    const t = setTimeout(() => {
      ws.terminate();
      resolve('open');
    }, 700);
    ws.on('open', () => (opened = true));
    ws.on('close', (code) => {
      clearTimeout(t);
      resolve(opened ? code : -1);
    });
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(t);
      resolve(res.statusCode ?? 0);
    });
  });
}

describe('authorisation matrix: programmes (server mode)', () => {
  let data: ReturnType<typeof demoDataDir>;
  let server: TestServer;
  const tokens: Partial<Record<Who, string>> = {};
  const A = { programme: '', session: '', person: '' };
  const B = { programme: 'authz-programme-b', session: '', person: '' };

  beforeAll(async () => {
    data = demoDataDir();
    A.programme = data.programmeId;
    A.session = data.sessionIds[0] as string;
    const store = Store.openFolder(data.dir);
    const demo = makeDemoProgramme({ sessions: 2, notes: 10 });
    importSnapshot(
      store,
      { ...demo, programme: { ...demo.programme, id: B.programme, title: 'Programme B' } },
      'test',
    );
    B.session = store.records.listSessions(B.programme)[0]?.id as string;
    B.person = store.participants.list(B.programme)[0]?.id as string;
    A.person = store.participants.list(A.programme)[0]?.id as string;
    for (const role of ['facilitator', 'observer', 'admin'] as const)
      await addFacilitator(store, {
        email: `${role}@example.org`,
        name: role,
        password: PASSWORD,
        role,
        programmes: [A.programme],
      });
    store.close();
    server = await startTestServer(data.dir, { mode: 'server' });
    for (const role of ['facilitator', 'observer', 'admin'] as const) {
      const r = await api(server.url, 'POST', '/api/auth/login', {
        body: { email: `${role}@example.org`, password: PASSWORD },
      });
      expect(r.status).toBe(200);
      tokens[role] = decodeURIComponent(
        /cohear_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '',
      );
    }
    const open = await api(server.url, 'POST', `/api/sessions/${A.session}/open`, {
      token: tokens.facilitator,
    });
    expect(open.status).toBe(200);
    tokens.participant = (await joinAndConsent(server.url, open.body.code as string)).token;
  });
  afterAll(async () => {
    await server?.close();
    data?.cleanup();
  });

  it('lists only the programmes one is a member of', async () => {
    for (const who of ['facilitator', 'observer', 'admin'] as const) {
      const r = await api(server.url, 'GET', '/api/programmes', { token: tokens[who] });
      expect(r.status).toBe(200);
      const ids = (r.body.programmes as { id: string }[]).map((p) => p.id);
      expect({ who, ids }).toEqual({ who, ids: [A.programme] });
    }
  });

  it("documents: nobody opens B's programme, session or room; A as the role allows", async () => {
    const base = server.url.replace(/^http/, 'ws');
    const docs = (x: typeof A) => ({
      programme: `programme/${x.programme}`,
      session: `session/${x.session}`,
      room: `room/${x.session}`,
    });
    const onA: Record<Who, Record<'programme' | 'session' | 'room', 'open' | number>> = {
      facilitator: { programme: 'open', session: 'open', room: 'open' },
      admin: { programme: 'open', session: 'open', room: 'open' },
      observer: { programme: 4403, session: 4403, room: 4403 },
      participant: { programme: 4403, session: 4403, room: 'open' },
    };
    for (const who of WHO) {
      const q = `?token=${encodeURIComponent(tokens[who] as string)}`;
      for (const [key, doc] of Object.entries(docs(A)) as [keyof typeof onA.admin, string][])
        expect({ who, doc, got: await wsOutcome(`${base}/collab/${doc}${q}`) }).toEqual({
          who,
          doc,
          got: onA[who][key],
        });
      for (const doc of Object.values(docs(B)))
        expect({ who, doc, got: await wsOutcome(`${base}/collab/${doc}${q}`) }).toEqual({
          who,
          doc,
          got: 4403,
        });
    }
  });

  it("HTTP: no read or write of B's records, people, audit, imports, reports, analysis or exports", async () => {
    type Path = { name: string; method: string; path: (x: typeof A) => string; body?: unknown };
    const facilitatorPaths: Path[] = [
      { name: 'programme', method: 'GET', path: (x) => `/api/programmes/${x.programme}` },
      {
        name: 'edit programme',
        method: 'PATCH',
        path: (x) => `/api/programmes/${x.programme}`,
        body: { nothing: true },
      },
      {
        name: 'add session',
        method: 'POST',
        path: (x) => `/api/programmes/${x.programme}/sessions`,
        body: { nothing: true },
      },
      {
        name: 'participants',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/participants`,
      },
      { name: 'people', method: 'GET', path: (x) => `/api/programmes/${x.programme}/people` },
      { name: 'evidence', method: 'GET', path: (x) => `/api/programmes/${x.programme}/evidence` },
      { name: 'audit', method: 'GET', path: (x) => `/api/programmes/${x.programme}/audit` },
      {
        name: 'retention',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/retention`,
      },
      {
        name: 'analysis',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/analysis/people`,
      },
      {
        name: 'clouds',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/analysis/clouds`,
      },
      {
        name: 'report drafts',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/report/drafts`,
      },
      {
        name: 'last import',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/imports/last`,
      },
      {
        name: 'import preview',
        method: 'POST',
        path: (x) => `/api/programmes/${x.programme}/imports/preview`,
        body: { nothing: true },
      },
      { name: 'late policy', method: 'GET', path: (x) => `/api/sessions/${x.session}/late` },
      {
        name: 'edit session',
        method: 'PATCH',
        path: (x) => `/api/sessions/${x.session}`,
        body: { nothing: true },
      },
      {
        name: 'capture',
        method: 'POST',
        path: (x) => `/api/sessions/${x.session}/captures`,
        body: { nothing: true },
      },
      {
        name: 'open session',
        method: 'POST',
        path: (x) => `/api/sessions/${x.session}/open`,
        body: {},
      },
      { name: 'join code', method: 'GET', path: (x) => `/api/sessions/${x.session}/join` },
      {
        name: 'edit person',
        method: 'PUT',
        path: (x) => `/api/people/${x.person}`,
        body: { nothing: true },
      },
      {
        name: 'subject access',
        method: 'GET',
        path: (x) => `/api/participants/${x.person}/export`,
      },
    ];
    const exportPaths: Path[] = [
      {
        name: 'export',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/exports/key-theme-table.json`,
      },
      {
        name: 'programme file',
        method: 'GET',
        path: (x) => `/api/programmes/${x.programme}/exports/programme-redacted.json`,
      },
      { name: 'pictures', method: 'GET', path: (x) => `/api/programmes/${x.programme}/pictures` },
    ];
    const allowedOnA = (who: Who, p: Path) =>
      who === 'facilitator' || who === 'admin' || (who === 'observer' && exportPaths.includes(p));
    for (const p of [...facilitatorPaths, ...exportPaths]) {
      for (const who of WHO) {
        const onA = await api(server.url, p.method, p.path(A), {
          token: tokens[who],
          body: p.body,
        });
        if (allowedOnA(who, p))
          expect({ p: p.name, who, status: onA.status }).toEqual({
            p: p.name,
            who,
            status: expect.not.toBeOneOf([401, 403, 500]),
          });
        else
          expect({ p: p.name, who, status: onA.status }).toEqual({ p: p.name, who, status: 403 });
        const onB = await api(server.url, p.method, p.path(B), {
          token: tokens[who],
          body: p.body,
        });
        expect({ p: p.name, who, status: onB.status }).toEqual({ p: p.name, who, status: 403 });
        expect(JSON.stringify(onB.body)).not.toContain('Programme B');
      }
    }
    // Erasing B's person is refused, and the person is still there for B's own facilitators.
    for (const who of WHO) {
      const r = await api(server.url, 'POST', `/api/participants/${B.person}/erase`, {
        token: tokens[who],
        body: {},
      });
      expect({ who, status: r.status }).toEqual({ who, status: 403 });
    }
  });
});
