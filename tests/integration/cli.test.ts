import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'cohear.mjs');

/** Runs the real CLI in a child process, as a user would. */
async function cohear(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** Every row of every table, to show a refused command changed nothing. */
function dump(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'cohear.sqlite'), { readonly: true });
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  const out = tables
    .map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`)
    .join('\n');
  db.close();
  return out;
}

let dir: string;
let data: string;
let programmeFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-cli-'));
  data = path.join(dir, 'data');
  programmeFile = path.join(dir, 'programme.json');
  const demo = await cohear('demo', '--data', data);
  expect(demo.code).toBe(0);
  expect(demo.stdout.trim()).toBe('demo-msk-2026');
  const exp = await cohear(
    'export',
    '--data',
    data,
    '--programme',
    'demo-msk-2026',
    '--format',
    'json',
    '--out',
    programmeFile,
  );
  expect(exp.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cohear CLI', () => {
  it('demo, export, import into an empty folder and export again give an identical file', async () => {
    const other = path.join(dir, 'empty');
    const imp = await cohear('import', programmeFile, '--data', other);
    expect(imp.code).toBe(0);
    expect(imp.stdout.trim()).toBe('demo-msk-2026');
    const again = path.join(dir, 'again.json');
    expect(
      (
        await cohear(
          'export',
          '--data',
          other,
          '--programme',
          'demo-msk-2026',
          '--format',
          'json',
          '--out',
          again,
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(programmeFile, 'utf8'));
  });

  it('lists programmes and sessions', async () => {
    const list = await cohear('list', '--data', data);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/demo-msk-2026 {2}Community MSK service redesign/);
    expect(list.stdout).toMatch(
      /session-04 {2}2026-03-24 {2}In Dev’s shoes {2}\[Persona walkthrough, closed\]/,
    );
  });

  it('refuses an invalid file with the place and the problem, exit 2, database unchanged', async () => {
    const bad = JSON.parse(readFileSync(programmeFile, 'utf8'));
    bad.snapshot.programme.id = 'another-programme';
    bad.snapshot.sessions[2].session.date = 'next Tuesday';
    const badFile = path.join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    const before = dump(data);
    const r = await cohear('import', badFile, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('snapshot.sessions[2].session.date: expected an ISO date');
    expect(dump(data)).toBe(before);
  });

  it('refuses a file of an unknown format version', async () => {
    const file = path.join(dir, 'v9.json');
    writeFileSync(
      file,
      readFileSync(programmeFile, 'utf8').replace('"version": 1', '"version": 9'),
    );
    const r = await cohear('import', file, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/version 9, made by a newer Cohear/);
  });

  it('refuses importing a programme that is already there, changing nothing', async () => {
    const before = dump(data);
    const r = await cohear('import', programmeFile, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already in this data folder/);
    expect(dump(data)).toBe(before);
  });

  it('refuses a database made by a newer version, changing nothing', async () => {
    const newer = path.join(dir, 'newer');
    mkdirSync(newer);
    expect((await cohear('list', '--data', newer)).code).toBe(0);
    const db = new Database(path.join(newer, 'cohear.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const bytes = readFileSync(path.join(newer, 'cohear.sqlite'));
    const r = await cohear('list', '--data', newer);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/made by a newer Cohear/);
    expect(readFileSync(path.join(newer, 'cohear.sqlite'))).toEqual(bytes);
  });

  it('refuses a data folder whose parent does not exist', async () => {
    const r = await cohear('list', '--data', path.join(dir, 'typo', 'data'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist, and neither does/);
  });

  it('says which programme ids exist when given an unknown one', async () => {
    const r = await cohear(
      'export',
      '--data',
      data,
      '--programme',
      'nope',
      '--format',
      'json',
      '--out',
      path.join(dir, 'x.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no programme nope/);
  });

  it('refuses an unknown export format and a missing file, exit 2', async () => {
    expect(
      (
        await cohear(
          'export',
          '--data',
          data,
          '--programme',
          'demo-msk-2026',
          '--format',
          'pdf',
          '--out',
          'x',
        )
      ).code,
    ).toBe(2);
    const missing = await cohear('import', path.join(dir, 'missing.json'), '--data', data);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });
});
