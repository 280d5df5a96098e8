import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { SessionDoc } from '../../core/index.ts';
import { DATABASE_FILE } from '../../collab-server/store/data-folder.ts';
import {
  nodeServerChannel,
  superviseServer,
  type ServerChannel,
} from '../../electron/server-supervisor.ts';
import {
  api,
  connect,
  demoDataDir,
  joinAndConsent,
  openSession,
  synced,
  waitFor,
} from './collab-helpers/harness.ts';

/**
 * The desktop app's server process as it ships: the bundle scripts/build-electron.mjs makes,
 * driven through the same supervisor and messages the app uses. Packaged, Electron forks it as a
 * utility process; here the system's Node runs it (Electron is not installed on CI), which
 * exercises everything but the transport.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const bundle = path.join(root, 'electron', 'dist', 'server.mjs');
const cleanups: Array<() => void> = [];

function channel(exits: Array<number | null>): ServerChannel {
  const c = nodeServerChannel({ entry: bundle, nodePath: process.execPath });
  c.onExit((code) => exits.push(code));
  return c;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], {
    cwd: root,
  });
});
afterAll(() => cleanups.forEach((c) => c()));

describe('desktop server process', () => {
  it('starts, serves, and on stop flushes everything it acknowledged before exiting cleanly', async () => {
    const data = demoDataDir();
    cleanups.push(data.cleanup);
    const pages = mkdtempSync(path.join(os.tmpdir(), 'cohear-desktop-pages-'));
    cleanups.push(() => rmSync(pages, { recursive: true, force: true }));
    writeFileSync(path.join(pages, 'index.html'), '<!doctype html><title>Cohear</title>');
    const sid = data.sessionIds[0] as string;

    const exits: Array<number | null> = [];
    const server = await superviseServer(channel(exits), {
      type: 'start',
      dataDir: data.dir,
      staticDir: pages,
      host: '127.0.0.1',
      port: 0,
    });
    expect(server.port).toBeGreaterThan(0);
    expect(server.facilitatorSecret.length).toBeGreaterThanOrEqual(32);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Cohear</title>');
    const asServer = {
      url: server.url,
      port: server.port,
      desktopSecret: server.facilitatorSecret,
    };
    const code = await openSession({ ...asServer, close: async () => {} }, sid);
    const p = await joinAndConsent(server.url, code);
    const texts = ['Parking is the first worry', 'Letters arrive after the appointment'];
    for (const t of texts) expect((await p.send(writes.addNote(t))).ok).toBe(true);

    // A report builds in a worker thread; packaged, that worker is a bundle beside the server's.
    const pid = data.programmeId;
    const auth = { token: server.facilitatorSecret };
    const started = await api(server.url, 'POST', `/api/programmes/${pid}/report/builds`, {
      ...auth,
      body: {},
    });
    expect(started.status).toBe(202);
    const buildUrl = `/api/programmes/${pid}/report/builds/${String(started.body.id)}`;
    for (let ready = false; !ready;) {
      const s = await api(server.url, 'GET', buildUrl, auth);
      if (s.body.error) throw new Error(String(s.body.error));
      ready = s.body.ready === true;
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    const file = await fetch(`${server.url}${buildUrl}/file`, {
      headers: { authorization: `Bearer ${server.facilitatorSecret}` },
    });
    expect(file.status).toBe(200);
    // A .docx is a zip: it starts with the local file header's signature.
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const wal = path.join(data.dir, `${DATABASE_FILE}-wal`);
    expect(existsSync(wal)).toBe(true);
    await server.stop();
    await waitFor(() => exits.length > 0, 30_000, 'the server process to exit');
    expect(exits).toEqual([0]);
    // SQLite removes the write-ahead log when the last connection closes cleanly: a kill leaves it.
    expect(existsSync(wal)).toBe(false);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

    const again = await superviseServer(channel([]), {
      type: 'start',
      dataDir: data.dir,
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const f = connect(again.url, `session/${sid}`, again.facilitatorSecret);
      await synced(f, 30_000);
      const notes = new SessionDoc(f.doc).notes.all().map((n) => n.text);
      for (const t of texts) expect(notes).toContain(t);
      f.destroy();
      // The secret is per launch: the first one no longer signs in.
      const old = await api(again.url, 'GET', `/api/sessions/${sid}/join`, {
        token: server.facilitatorSecret,
      });
      expect(old.status).toBe(401);
    } finally {
      await again.stop();
    }
  });

  it('reports a server that cannot start, with the reason, instead of hanging', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-desktop-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const notAFolder = path.join(dir, 'data');
    writeFileSync(notAFolder, 'not a folder');
    const exits: Array<number | null> = [];
    await expect(
      superviseServer(channel(exits), {
        type: 'start',
        dataDir: notAFolder,
        host: '127.0.0.1',
        port: 0,
      }),
    ).rejects.toThrow(/could not start: The data folder .* is a file, not a folder/);
    await waitFor(() => exits.length > 0, 30_000, 'the failed process to exit');
    expect(exits).toEqual([1]);
  });

  it('tells the app when the server goes away without being asked, and not on a clean stop', async () => {
    const data = demoDataDir();
    cleanups.push(data.cleanup);
    const start = { type: 'start', dataDir: data.dir, host: '127.0.0.1', port: 0 } as const;
    const crashes: Array<number | null> = [];
    const c = channel([]);
    await superviseServer(c, start, { onCrash: (code) => crashes.push(code) });
    c.kill();
    await waitFor(() => crashes.length > 0, 30_000, 'the crash report');
    expect(crashes).toEqual([null]);

    const clean: Array<number | null> = [];
    const server = await superviseServer(channel([]), start, {
      onCrash: (code) => clean.push(code),
    });
    await server.stop();
    expect(clean).toEqual([]);
  });

  it('ignores a start message of the wrong shape and still starts on a good one', async () => {
    const data = demoDataDir();
    cleanups.push(data.cleanup);
    const c = channel([]);
    const warnings: string[] = [];
    // A bad message first (as a mismatched app version might send): the server must not act on it.
    c.post({ type: 'start', dataDir: '', host: '127.0.0.1', port: -1 } as never);
    const server = await superviseServer(
      c,
      { type: 'start', dataDir: data.dir, host: '127.0.0.1', port: 0 },
      { warn: (l) => warnings.push(l) },
    );
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await server.stop();
    expect(warnings).toEqual([]);
  });
});
