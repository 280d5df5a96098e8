import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writes } from '../../core/client/index.ts';
import { SessionDoc } from '../../core/index.ts';
import { runCli } from '../../collab-server/cli/program.ts';
import {
  connect,
  joinAndConsent,
  liveServer,
  openSession,
  startTestServer,
  synced,
} from './collab-helpers/harness.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cohear-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  return runCli(args, io).then((code) => ({ code, output: lines.join('\n') }));
}

/** DESIGN.md, issue #20: backups while running, that open, verify and restore. */
describe('cohear backup and restore', () => {
  const live = liveServer();

  it('a backup made during a live load restores to the notes acknowledged by then', async () => {
    const { server, data } = live;
    const sid = data.sessionIds[0] as string;
    const code = await openSession(server, sid);
    const people = await Promise.all([0, 1, 2, 3].map(() => joinAndConsent(server.url, code)));
    const acknowledged = new Set<string>();
    let stop = false;
    // Four participants adding notes as fast as the server accepts them.
    const load = people.map(async (p, i) => {
      for (let n = 0; !stop; n++) {
        const w = writes.addNote(`Load note ${i}-${n}`);
        const r = await p.send(w);
        if (r.ok && w.type === 'note.add') acknowledged.add(w.note.id);
      }
    });
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 20));

    const before = new Set(acknowledged);
    const file = path.join(scratch, 'live.cohear-backup');
    const made = await cli(['backup', '--data', data.dir, '--out', file]);
    expect(made, made.output).toMatchObject({ code: 0 });
    expect(made.output).toMatch(/integrity check passed/);
    while (acknowledged.size < before.size + 40) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(load);

    // The file opens and verifies on its own.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const restoredDir = path.join(scratch, 'restored');
    const restored = await cli(['restore', '--data', restoredDir, '--from', file]);
    expect(restored, restored.output).toMatchObject({ code: 0 });
    // A second restore over it is refused unless asked for.
    expect((await cli(['restore', '--data', restoredDir, '--from', file])).code).toBe(2);

    const again = await startTestServer(restoredDir);
    try {
      const f = connect(again.url, `session/${sid}`, again.desktopSecret as string);
      await synced(f, 20_000);
      const ids = new Set(new SessionDoc(f.doc).notes.all().map((n) => n.id));
      f.destroy();
      // Everything acknowledged before the backup began is in it; nothing in it is a note the
      // server never accepted.
      for (const id of before) expect(ids.has(id)).toBe(true);
      const loadNotes = [...ids].filter((id) => acknowledged.has(id));
      expect(loadNotes.length).toBeGreaterThanOrEqual(before.size);
      const original = connect(server.url, `session/${sid}`, server.desktopSecret as string);
      await synced(original, 20_000);
      const originalIds = new Set(new SessionDoc(original.doc).notes.all().map((n) => n.id));
      original.destroy();
      for (const id of ids) expect(originalIds.has(id)).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('refuses to keep or restore a file that is not a sound Cohear database', async () => {
    const junk = path.join(scratch, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just some words');
    const r = await cli(['restore', '--data', path.join(scratch, 'other'), '--from', junk]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(scratch, 'other', 'cohear.sqlite'))).toBe(false);
    const missing = await cli(['backup', '--data', live.data.dir]);
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/--out/);
  });
});
