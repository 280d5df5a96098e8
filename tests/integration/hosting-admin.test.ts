import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { runCli } from '../../collab-server/cli/program.ts';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import { api, demoDataDir, startTestServer, type TestServer } from './collab-helpers/harness.ts';

/**
 * The administrator (issue #20, items 7 and 8): accounts and memberships over the API and the
 * command line, a revoked member cut off at once, the whole audit log with its filters, and
 * exports of personal data in the log.
 */
const PASSWORD = 'correct horse battery';

async function cli(dir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data', dir], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function login(server: TestServer, email: string): Promise<string> {
  const r = await api(server.url, 'POST', '/api/auth/login', {
    body: { email, password: PASSWORD },
  });
  expect(r.status).toBe(200);
  return decodeURIComponent(
    /cohear_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '',
  );
}

describe('administrator: accounts, memberships, the whole audit log', () => {
  let data: ReturnType<typeof demoDataDir>;
  let server: TestServer;
  let admin = '';
  let sam = '';
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'cohear-hosting-'));

  beforeAll(async () => {
    data = demoDataDir();
    const store = Store.openFolder(data.dir);
    await addFacilitator(store, {
      email: 'admin@example.org',
      name: 'Ada Admin',
      password: PASSWORD,
      role: 'admin',
    });
    await addFacilitator(store, {
      email: 'sam@example.org',
      name: 'Sam Facilitator',
      password: PASSWORD,
    });
    store.close();
    server = await startTestServer(data.dir, { mode: 'server' });
    admin = await login(server, 'admin@example.org');
    sam = await login(server, 'sam@example.org');
  });
  afterAll(async () => {
    await server?.close();
    data?.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('only an administrator reaches the admin API', async () => {
    expect((await api(server.url, 'GET', '/api/admin', { token: sam })).status).toBe(403);
    expect((await api(server.url, 'GET', '/api/admin')).status).toBe(401);
    const r = await api(server.url, 'GET', '/api/admin', { token: admin });
    expect(r.status).toBe(200);
    expect(
      (r.body.accounts as { email: string; role: string }[]).map((a) => [a.email, a.role]),
    ).toEqual([
      ['admin@example.org', 'admin'],
      ['sam@example.org', 'facilitator'],
    ]);
    // Being an admin is not membership: the admin manages the demo programme without reading it.
    expect((r.body.programmes as { id: string; members: string[] }[])[0]?.members).toEqual([]);
    expect(
      (await api(server.url, 'GET', `/api/programmes/${data.programmeId}`, { token: admin }))
        .status,
    ).toBe(403);
  });

  it('grants and revokes a membership; the revoked member is cut off, documents included', async () => {
    const who = await api(server.url, 'GET', '/api/admin', { token: admin });
    const samId = (who.body.accounts as { id: string; email: string }[]).find(
      (a) => a.email === 'sam@example.org',
    )?.id as string;
    const bad = await api(server.url, 'PUT', `/api/admin/programmes/no-such/members/${samId}`, {
      token: admin,
    });
    expect(bad.status).toBe(404);
    const put = await api(
      server.url,
      'PUT',
      `/api/admin/programmes/${data.programmeId}/members/${samId}`,
      { token: admin },
    );
    expect(put.status).toBe(200);
    expect(
      (await api(server.url, 'GET', `/api/programmes/${data.programmeId}`, { token: sam })).status,
    ).toBe(200);
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/collab/programme/${data.programmeId}?token=${encodeURIComponent(sam)}`,
    );
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const del = await api(
      server.url,
      'DELETE',
      `/api/admin/programmes/${data.programmeId}/members/${samId}`,
      { token: admin },
    );
    expect(del.status).toBe(200);
    expect(await closed).toBe(4403);
    expect(
      (await api(server.url, 'GET', `/api/programmes/${data.programmeId}`, { token: sam })).status,
    ).toBe(403);
  });

  it('adds an account, changes its role, disables it; refuses bad input and the last admin leaving', async () => {
    const bad = await api(server.url, 'POST', '/api/admin/accounts', {
      token: admin,
      body: { email: 'not an email', name: '', password: 'short', role: 'facilitator' },
    });
    expect(bad.status).toBe(400);
    const made = await api(server.url, 'POST', '/api/admin/accounts', {
      token: admin,
      body: {
        email: 'board@example.org',
        name: 'ICB board',
        password: PASSWORD,
        role: 'observer',
        programmes: [data.programmeId],
      },
    });
    expect(made.status).toBe(201);
    const again = await api(server.url, 'POST', '/api/admin/accounts', {
      token: admin,
      body: { email: 'board@example.org', name: 'ICB board', password: PASSWORD },
    });
    expect(again.status).toBe(409);
    const board = await login(server, 'board@example.org');
    expect(
      (
        await api(
          server.url,
          'GET',
          `/api/programmes/${data.programmeId}/exports/key-theme-table.json`,
          { token: board },
        )
      ).status,
    ).toBe(200);
    const id = made.body.id as string;
    const off = await api(server.url, 'PATCH', `/api/admin/accounts/${id}`, {
      token: admin,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    // Disabling ends the sign-in at once.
    expect((await api(server.url, 'GET', '/api/programmes', { token: board })).status).toBe(401);
    const adminId = (
      (await api(server.url, 'GET', '/api/admin', { token: admin })).body.accounts as {
        id: string;
        email: string;
      }[]
    ).find((a) => a.email === 'admin@example.org')?.id as string;
    const last = await api(server.url, 'PATCH', `/api/admin/accounts/${adminId}`, {
      token: admin,
      body: { role: 'facilitator' },
    });
    expect(last.status).toBe(409);
    expect((await api(server.url, 'GET', '/api/admin', { token: admin })).status).toBe(200);
  });

  it('command line: member add/list/remove and user role, refusals exit 2, all audited', async () => {
    await server.close();
    const dir = data.dir;
    const add = await cli(dir, 'member', 'add', 'sam@example.org', '--programme', data.programmeId);
    expect(add).toMatchObject({ code: 0 });
    expect(add.out).toContain('is now a member');
    expect((await cli(dir, 'member', 'list', '--programme', data.programmeId)).out).toMatch(
      /sam@example\.org\s+facilitator/,
    );
    expect(
      (await cli(dir, 'member', 'add', 'nobody@example.org', '--programme', data.programmeId)).code,
    ).toBe(2);
    expect(
      (await cli(dir, 'member', 'add', 'sam@example.org', '--programme', 'no-such')).code,
    ).toBe(2);
    expect(
      (await cli(dir, 'member', 'remove', 'sam@example.org', '--programme', data.programmeId)).out,
    ).toContain('no longer a member');
    expect((await cli(dir, 'user', 'role', 'sam@example.org', 'admin')).code).toBe(0);
    expect((await cli(dir, 'user', 'list')).out).toMatch(/sam@example\.org\s+admin/);
    const store = Store.openFolder(dir);
    const actions = store
      .auditLog(50)
      .filter((e) => e.actor === 'cli')
      .map((e) => e.action);
    store.close();
    expect(actions).toEqual(expect.arrayContaining(['member.add', 'member.remove', 'user.role']));
    server = await startTestServer(dir, { mode: 'server' });
    admin = await login(server, 'admin@example.org');
  });

  it('exports of personal data are logged: the programme file and personal-data exports from the command line', async () => {
    await server.close();
    const file = path.join(outDir, 'programme.json');
    expect(
      (
        await cli(
          data.dir,
          'export',
          '--programme',
          data.programmeId,
          '--format',
          'json',
          '--out',
          file,
        )
      ).code,
    ).toBe(0);
    const store = Store.openFolder(data.dir);
    const entry = store.auditLog(5).find((e) => e.action === 'export.file');
    store.close();
    expect(entry).toMatchObject({ actor: 'cli', target: data.programmeId });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ format: 'json', personalData: true });
    server = await startTestServer(data.dir, { mode: 'server' });
    admin = await login(server, 'admin@example.org');
  });

  it('the whole audit log, filtered by who, action, dates and text; bad filters refused', async () => {
    const all = await api(server.url, 'GET', '/api/admin/audit', { token: admin });
    expect(all.status).toBe(200);
    const entries = all.body.entries as {
      action: string;
      actorName: string;
      at: string;
      target: string;
    }[];
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'member.add',
        'member.remove',
        'user.add',
        'user.disable',
        'export.download',
        'export.file',
      ]),
    );
    const byWho = await api(server.url, 'GET', '/api/admin/audit?actor=ada', { token: admin });
    const whoEntries = byWho.body.entries as { actorName: string }[];
    expect(whoEntries.length).toBeGreaterThan(0);
    expect(new Set(whoEntries.map((e) => e.actorName))).toEqual(new Set(['Ada Admin']));
    const byAction = await api(server.url, 'GET', '/api/admin/audit?action=member.', {
      token: admin,
    });
    expect(new Set((byAction.body.entries as { action: string }[]).map((e) => e.action))).toEqual(
      new Set(['member.add', 'member.remove']),
    );
    const today = new Date().toISOString().slice(0, 10);
    const dated = await api(server.url, 'GET', `/api/admin/audit?from=${today}&to=${today}`, {
      token: admin,
    });
    expect((dated.body.entries as unknown[]).length).toBe(entries.length);
    const past = await api(server.url, 'GET', '/api/admin/audit?from=2000-01-01&to=2000-01-02', {
      token: admin,
    });
    expect(past.body.entries).toEqual([]);
    const text = await api(server.url, 'GET', '/api/admin/audit?q=KEY-THEME-TABLE', {
      token: admin,
    });
    expect((text.body.entries as { action: string }[]).map((e) => e.action)).toEqual([
      'export.download',
    ]);
    const backwards = await api(
      server.url,
      'GET',
      '/api/admin/audit?from=2027-01-02&to=2027-01-01',
      { token: admin },
    );
    expect(backwards.status).toBe(400);
    expect(
      (await api(server.url, 'GET', '/api/admin/audit?from=yesterday', { token: admin })).status,
    ).toBe(400);
    // A programme's own log takes the same filters (a member's view).
    const programmeLog = await api(
      server.url,
      'GET',
      `/api/programmes/${data.programmeId}/audit?q=key-theme&from=${today}`,
      { token: admin },
    );
    expect(programmeLog.status).toBe(403);
  });
});
