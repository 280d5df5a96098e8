import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { execFile } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'cohear.mjs');
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'imports');
const P = 'demo-msk-2026';
/** Every name and email in the fixtures: none may be in a document, the update log or an export. */
const PERSONAL = [
  'Ada Testperson',
  'Bram Samplewood',
  'Fay Facilitatorova',
  'Gus Guestspeaker',
  'Cleo Fixture-Jones',
  'Dev Madeup',
  'Testperson',
  'Samplewood',
  'ada.testperson@example.org',
  'bram.samplewood@example.org',
  'cleo.fj@example.org',
];

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

/** Every row of every table, to show a refused import changed nothing. */
function dump(data: string): string {
  const db = new Database(path.join(data, 'cohear.sqlite'), { readonly: true });
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return tables
      .map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`)
      .join('\n');
  } finally {
    db.close();
  }
}

function sql<T>(data: string, query: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(data, 'cohear.sqlite'), { readonly: true });
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

let dir: string;
let data: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-imports-'));
  data = path.join(dir, 'data');
  expect((await cohear('demo', '--data', data)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => path.join(FIXTURES, name);
const inSession = (s: string) => ['--data', data, '--programme', P, '--session', s];

async function refused(args: string[], expected: RegExp): Promise<void> {
  const before = dump(data);
  const r = await cohear(...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(expected);
  expect(r.stderr).toContain('Nothing was imported');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(dump(data)).toBe(before);
}

/**
 * After each kind of import: no name or email of the fixtures in the Yjs update log or snapshots,
 * nor in the programme file `cohear export --format json` writes by default.
 */
async function expectNoPersonalData(label: string): Promise<void> {
  const db = new Database(path.join(data, 'cohear.sqlite'), { readonly: true });
  const log = Buffer.concat(
    [
      ...(db.prepare('SELECT update_data AS b FROM doc_updates').all() as { b: Buffer }[]),
      ...(db.prepare('SELECT state AS b FROM doc_snapshots').all() as { b: Buffer }[]),
    ].map((r) => r.b),
  ).toString('utf8');
  db.close();
  const file = path.join(dir, `after-${label}.json`);
  const r = await cohear(
    'export',
    '--data',
    data,
    '--programme',
    P,
    '--format',
    'json',
    '--out',
    file,
  );
  expect(r.code, r.stderr).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('"contact": null');
  for (const s of PERSONAL) {
    expect(log, `${s} in the update log after ${label}`).not.toContain(s);
    expect(text, `${s} in the programme file after ${label}`).not.toContain(s);
  }
}

describe('cohear import of programme files', () => {
  it('imports a second programme whose session and participant ids another one holds, references intact', async () => {
    const file = path.join(dir, 'demo.json');
    expect(
      (await cohear('export', '--data', data, '--programme', P, '--format', 'json', '--out', file))
        .code,
    ).toBe(0);
    const other = JSON.parse(readFileSync(file, 'utf8'));
    other.snapshot.programme.id = 'demo-copy';
    const copy = path.join(dir, 'copy.json');
    writeFileSync(copy, JSON.stringify(other));
    const r = await cohear('import', copy, '--data', data);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sessions = sql<{ id: string; programme_id: string }>(
      data,
      'SELECT id, programme_id FROM sessions WHERE programme_id = ?',
      'demo-copy',
    );
    expect(sessions.length).toBe(other.snapshot.sessions.length);
    expect(sessions.every((s) => !s.id.startsWith('session-0'))).toBe(true);
    // Exporting it validates every reference (attendance, note authors, votes).
    const back = path.join(dir, 'copy-back.json');
    expect(
      (
        await cohear(
          'export',
          '--data',
          data,
          '--programme',
          'demo-copy',
          '--format',
          'json',
          '--out',
          back,
        )
      ).code,
    ).toBe(0);
    const exported = JSON.parse(readFileSync(back, 'utf8'));
    const notes = exported.snapshot.sessions.reduce(
      (n: number, s: { notes: unknown[] }) => n + s.notes.length,
      0,
    );
    expect(notes).toBe(
      other.snapshot.sessions.reduce((n: number, s: { notes: unknown[] }) => n + s.notes.length, 0),
    );
    // The same programme again is refused with exit 2 and no stack trace.
    await refused(['import', copy, '--data', data], /already in this data folder/);
    // Four CLI runs in child processes on a shared machine.
  }, 240_000);
});

describe('cohear import-registrations', () => {
  it('refuses an unknown column, naming its cell, then imports with it left out; twice gives no duplicates', async () => {
    await refused(
      ['import-registrations', fixture('eventbrite-attendees.csv'), ...inSession('session-01')],
      /cell O1: .*"Dietary needs"/,
    );
    const args = [
      'import-registrations',
      fixture('eventbrite-attendees.csv'),
      ...inSession('session-01'),
      '--column',
      'Dietary needs=ignore',
    ];
    const first = await cohear(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created 5/);
    const count = () =>
      sql<{ n: number }>(
        data,
        'SELECT COUNT(*) AS n FROM participants WHERE programme_id = ?',
        P,
      )[0]!.n;
    const after = count();
    const second = await cohear(...args);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing new/);
    expect(count()).toBe(after);
    const ada = sql<{
      descriptor: string;
      cohort: string;
      gender: string;
      age_band: string;
      registered: number;
      attended: number;
    }>(
      data,
      `SELECT p.descriptor, p.cohort,
         (SELECT value FROM demographic_answers WHERE participant_id = p.id AND field_id = 'gender') AS gender,
         (SELECT value FROM demographic_answers WHERE participant_id = p.id AND field_id = 'ageBand') AS age_band,
         a.registered, a.attended FROM participant_contacts c
       JOIN participants p ON p.id = c.participant_id
       JOIN attendance a ON a.participant_id = p.id AND a.session_id = 'session-01' WHERE c.email = ?`,
      'ada.testperson@example.org',
    )[0];
    expect(ada).toEqual({
      descriptor: 'Residents and service users 1',
      cohort: 'Residents and service users',
      gender: 'woman',
      age_band: '45-54',
      registered: 1,
      attended: 1,
    });
    await expectNoPersonalData('registrations');
  }, 240_000);

  it('reads .xlsx: formulas as their text, never their result; merged cells refused by range', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Attendees');
    sheet.addRow(['Name', 'Email', 'Checked in', 'Town']);
    sheet.addRow(['Hal Invented', 'hal.invented@example.org', 'yes', 'Northtown']);
    sheet.getCell('D3').value = { formula: 'CONCAT("North","town")', result: 'Northtown' };
    sheet.getCell('A3').value = 'Ivy Pretend';
    sheet.getCell('B3').value = 'ivy.pretend@example.org';
    sheet.getCell('C3').value = 'no';
    const xlsx = path.join(dir, 'attendees.xlsx');
    await book.xlsx.writeFile(xlsx);
    const dry = await cohear('import-registrations', xlsx, ...inSession('session-02'), '--dry-run');
    expect(dry.stdout).toContain('warning: cell D3: holds a formula');
    expect((await cohear('import-registrations', xlsx, ...inSession('session-02'))).code).toBe(0);
    const town = sql<{ town: string }>(
      data,
      `SELECT d.value AS town FROM demographic_answers d JOIN participant_contacts c ON c.participant_id = d.participant_id
       WHERE d.field_id = 'town' AND c.email = ?`,
      'ivy.pretend@example.org',
    )[0];
    expect(town?.town).toBe('=CONCAT("North","town")');

    sheet.mergeCells('A4:B4');
    sheet.getCell('A4').value = 'Merged Person';
    const merged = path.join(dir, 'merged.xlsx');
    await book.xlsx.writeFile(merged);
    await refused(
      ['import-registrations', merged, ...inSession('session-02')],
      /cells A4:B4: merged/,
    );
  });

  it('names the cell of an address that is not an email, and refuses an empty or 50 MB file', async () => {
    const bad = path.join(dir, 'bad-email.csv');
    writeFileSync(
      bad,
      'Name,Email\nJo Fictional,jo.fictional@example.org\nKit Unreal,not-an-email\n',
    );
    await refused(
      ['import-registrations', bad, ...inSession('session-01')],
      /cell B3: "not-an-email" is not an email address/,
    );
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await refused(['import-registrations', empty, ...inSession('session-01')], /empty/);
    const huge = path.join(dir, 'huge.vtt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    expect(statSync(huge).size).toBe(50 * 1024 * 1024);
    await refused(
      ['import-transcript', huge, ...inSession('session-01')],
      /50\.0 MB; an import file may be at most 10 MB/,
    );
  });
});

describe('cohear import-transcript', () => {
  const speakers = [
    '--speaker',
    'Fay Facilitatorova=facilitator',
    '--speaker',
    'Ada Testperson=Resident 31',
    '--speaker',
    'Bram Samplewood=Parent/carer 31',
    '--speaker',
    'Gus Guestspeaker=-',
  ];
  const notesOf = (s: string) =>
    sql<{ n: number }>(
      data,
      `SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?`,
      `session/${s}`,
    )[0]!.n;

  it('lists the speakers and imports nothing until each is mapped', async () => {
    await refused(
      ['import-transcript', fixture('teams.vtt'), ...inSession('session-01')],
      /Map every speaker/,
    );
  });

  it('imports WebVTT saved by Teams as UTF-16 with a byte-order mark, twice without duplicates', async () => {
    const utf16 = path.join(dir, 'teams-utf16.vtt');
    writeFileSync(
      utf16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(readFileSync(fixture('teams.vtt'), 'utf8'), 'utf16le'),
      ]),
    );
    const first = await cohear(
      'import-transcript',
      utf16,
      ...inSession('session-01'),
      ...speakers,
      '--consent-given',
    );
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/notes 4, new participants 2, turns 5, left out 1/);
    const updates = notesOf('session-01');
    const again = await cohear(
      'import-transcript',
      fixture('teams.vtt'),
      ...inSession('session-01'),
      ...speakers,
    );
    expect(again.stdout).toMatch(/nothing new: already there 4/);
    expect(notesOf('session-01')).toBe(updates);
    await expectNoPersonalData('transcript');
  }, 240_000);

  it('imports Zoom WebVTT, a Teams .docx and "Speaker: words" text against a chosen step', async () => {
    const zoom = await cohear(
      'import-transcript',
      fixture('zoom.vtt'),
      ...inSession('session-03'),
      '--speaker',
      'Fay Facilitatorova=facilitator',
      '--speaker',
      'Bram Samplewood=Parent/carer 31',
      '--step',
      '2',
    );
    expect(zoom.stdout).toMatch(/notes 2/);
    const docx = path.join(dir, 'teams.docx');
    const lines = [
      'Focus group recording',
      'Fay Facilitatorova   0:03',
      'What made the first appointment easy or hard?',
      'Cleo Fixture-Jones   0:09',
      'The letter came after the date it gave.',
      'Dev Madeup   1:02:15',
      'Nobody told me who to call.',
    ];
    writeFileSync(
      docx,
      await Packer.toBuffer(
        new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] }),
      ),
    );
    const fromDocx = await cohear(
      'import-transcript',
      docx,
      ...inSession('session-03'),
      '--speaker',
      'Fay Facilitatorova=facilitator',
      '--speaker',
      'Cleo Fixture-Jones=Parent/carer 32',
      '--speaker',
      'Dev Madeup=Parent/carer 33',
      '--step',
      '1',
    );
    expect(fromDocx.stderr).toBe('');
    expect(fromDocx.stdout).toMatch(/notes 3, new participants 2/);
    const plain = await cohear(
      'import-transcript',
      fixture('plain-transcript.txt'),
      ...inSession('session-03'),
      '--speaker',
      'Fay Facilitatorova=facilitator',
      '--speaker',
      'Cleo Fixture-Jones=Parent/carer 32',
      '--speaker',
      'Dev Madeup=Parent/carer 33',
      '--step',
      '1',
    );
    expect(plain.stdout).toMatch(/notes 3/);
  });

  it('names the line of a malformed cue, in UTF-8 or UTF-16, and refuses an empty transcript', async () => {
    const bad = path.join(dir, 'bad.vtt');
    writeFileSync(
      bad,
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v A>Fine.</v>\n\n00:00:04.000 -> 00:00:05.000\n<v B>Broken arrow.</v>\n',
    );
    await refused(
      ['import-transcript', bad, ...inSession('session-01'), '--speaker', 'A=-'],
      /line 6: a cue needs a timing line/,
    );
    // The same cue in a file Teams saved as UTF-16 with a byte-order mark: decoded, then the
    // same line named.
    const bad16 = path.join(dir, 'bad-utf16.vtt');
    writeFileSync(
      bad16,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(readFileSync(bad, 'utf8').replace(/\n/g, '\r\n'), 'utf16le'),
      ]),
    );
    await refused(
      ['import-transcript', bad16, ...inSession('session-01'), '--speaker', 'A=-'],
      /line 6: a cue needs a timing line/,
    );
    const blank = path.join(dir, 'blank.txt');
    writeFileSync(blank, '\n\n   \n');
    await refused(['import-transcript', blank, ...inSession('session-01')], /holds no text/);
  });
});

describe('cohear import-notes', () => {
  it('imports notes typed up from paper, themes matched or created, a formula kept as text, twice without duplicates', async () => {
    const args = [
      'import-notes',
      fixture('paper-notes.csv'),
      ...inSession('session-02'),
      '--consent-given',
    ];
    const first = await cohear(...args);
    expect(first.stdout).toMatch(/notes 4/);
    expect((await cohear(...args)).stdout).toMatch(/nothing new/);
    await expectNoPersonalData('notes');
  }, 240_000);

  it('refuses a note of 4,001 characters, naming its cell', async () => {
    const long = path.join(dir, 'long.csv');
    writeFileSync(long, `Note,Themes\nShort one,Access\n"${'a'.repeat(4001)}",Access\n`);
    await refused(
      ['import-notes', long, ...inSession('session-02')],
      /cell A3: the note has 4001 characters; a note may hold at most 4000/,
    );
  });
});

describe('personal data after imports', () => {
  it('keeps every speaker name and email out of the documents, the update log and every export', async () => {
    const db = new Database(path.join(data, 'cohear.sqlite'), { readonly: true });
    const blobs = [
      ...(db.prepare('SELECT update_data AS b FROM doc_updates').all() as { b: Buffer }[]),
      ...(db.prepare('SELECT state AS b FROM doc_snapshots').all() as { b: Buffer }[]),
      ...(db.prepare(`SELECT CAST(summary || undo AS BLOB) AS b FROM imports`).all() as {
        b: Buffer;
      }[]),
      ...(db.prepare(`SELECT CAST(detail AS BLOB) AS b FROM audit_log`).all() as { b: Buffer }[]),
    ];
    db.close();
    const log = Buffer.concat(blobs.map((r) => r.b)).toString('utf8');
    for (const s of PERSONAL) expect(log).not.toContain(s);

    const out = path.join(dir, 'exports');
    mkdirSync(out);
    for (const [format, target] of [
      ['docx', 'report.docx'],
      ['xlsx', 'table.xlsx'],
      ['csv', 'notes.csv'],
      ['qdpx', 'project.qdpx'],
      ['svg', 'svg'],
    ] as const) {
      const r = await cohear(
        'export',
        '--data',
        data,
        '--programme',
        P,
        '--format',
        format,
        '--out',
        path.join(out, target),
        ...(format === 'csv' ? ['--table', 'notes'] : []),
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const texts: string[] = [];
    const JSZip = (await import('jszip')).default;
    const walk = async (p: string) => {
      if (statSync(p).isDirectory()) {
        for (const f of readdirSync(p)) await walk(path.join(p, f));
        return;
      }
      const bytes = readFileSync(p);
      if (/\.(docx|xlsx|qdpx)$/.test(p)) {
        const zip = await JSZip.loadAsync(bytes);
        for (const f of Object.values(zip.files)) if (!f.dir) texts.push(await f.async('string'));
      } else texts.push(bytes.toString('utf8'));
    };
    await walk(out);
    const all = texts.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    for (const s of PERSONAL) expect(all).not.toContain(s);
    await expectNoPersonalData('every import');
    // Six exports in child processes on a shared machine.
  }, 300_000);

  it('puts contacts in the programme file only when asked, and that file still round-trips byte for byte', async () => {
    const file = path.join(dir, 'with-contacts.json');
    const r = await cohear(
      'export',
      '--data',
      data,
      '--programme',
      P,
      '--format',
      'json',
      '--out',
      file,
      '--include-contacts',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/store and send it as personal data/);
    expect(readFileSync(file, 'utf8')).toContain('ada.testperson@example.org');
    const other = path.join(dir, 'contacts-copy');
    expect((await cohear('import', file, '--data', other)).code).toBe(0);
    const again = path.join(dir, 'with-contacts-again.json');
    expect(
      (
        await cohear(
          'export',
          '--data',
          other,
          '--programme',
          P,
          '--format',
          'json',
          '--out',
          again,
          '--include-contacts',
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
    const report = await cohear(
      'export',
      '--data',
      data,
      '--programme',
      P,
      '--format',
      'docx',
      '--out',
      path.join(dir, 'x.docx'),
      '--include-contacts',
    );
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/--include-contacts is for the programme file/);
  }, 240_000);
});
