import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildExportView, buildKeyThemeTable, cloudScopes } from '../../core/analysis/index.ts';
import { FIXTURE_SECRETS, makeFixtureSnapshot } from '../../core/analysis/fixture-snapshot.ts';
import { buildExport, writeExport } from '../../exports/write-export.ts';
import { HAVE_SCHEMAS, SCHEMA_DIR, leaks, secretsOf, tempDir } from './exports-helpers.ts';

const snapshot = makeFixtureSnapshot();
const view = buildExportView(snapshot);
const table = buildKeyThemeTable(view);
const secrets = secretsOf(snapshot, FIXTURE_SECRETS);
let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

/** Parses CSV as written by exports/tables/csv.ts (quoted fields, CRLF, BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

async function validate(xml: string, schemaFile: string) {
  const schema = await readFile(path.join(SCHEMA_DIR, schemaFile), 'utf8');
  return validateXML({
    xml: [{ fileName: 'doc.xml', contents: xml }],
    schema: [{ fileName: schemaFile, contents: schema }],
  });
}

describe('key theme table as CSV', () => {
  it('has one row per theme with the snapshot’s counts and statements', async () => {
    const out = `${dir}/themes.csv`;
    await writeExport(snapshot, { format: 'csv', outPath: out });
    const text = await readFile(out, 'utf8');
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 3)).toEqual(['Theme', 'Notes', 'People']);
    expect(
      rows
        .slice(1)
        .map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4]), Number(r[5])]),
    ).toEqual(
      table.rows.map((r) => [
        r.path,
        r.counts.total,
        r.participants,
        r.counts.want,
        r.counts.doNotWant,
        r.counts.other,
      ]),
    );
    expect(rows[2]?.[7]).toContain('• I waited eight months for physiotherapy and heard nothing.');
    expect(leaks(text, secrets)).toEqual([]);
  });

  it('writes the anonymised coded notes, one row per exportable note, formulas neutralised', async () => {
    const snap = makeFixtureSnapshot();
    const n = snap.sessions[0]?.notes[0];
    if (n) n.text = '=HYPERLINK("http://x","click")';
    const out = `${dir}/notes.csv`;
    await writeExport(snap, { format: 'csv', table: 'notes', outPath: out });
    const text = await readFile(out, 'utf8');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + view.notes.length);
    expect(rows[1]?.[11]).toBe('\'=HYPERLINK("http://x","click")');
    expect(rows.find((r) => r[0] === 'n4')?.[9]).toBe('Access; Access › Waiting times');
    expect(rows.find((r) => r[0] === 'n4')?.[6]).toBe('Resident 2');
    expect(leaks(text, secrets)).toEqual([]);
  });
});

describe('key theme table as XLSX', () => {
  it('reads back with the same numbers, demographics summing to 100%', async () => {
    const out = `${dir}/themes.xlsx`;
    await writeExport(snapshot, { format: 'xlsx', outPath: out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Key themes',
      'Coded notes',
      'Demographics',
      'Attendance',
    ]);
    const sheet = book.getWorksheet('Key themes');
    const got: unknown[][] = [];
    sheet?.eachRow((row, i) => {
      if (i > 1)
        got.push([
          row.getCell(1).value,
          row.getCell(2).value,
          row.getCell(4).value,
          row.getCell(5).value,
        ]);
    });
    expect(got).toEqual(
      table.rows.map((r) => [r.path, r.counts.total, r.counts.want, r.counts.doNotWant]),
    );
    const sums = new Map<string, number>();
    book.getWorksheet('Demographics')?.eachRow((row, i) => {
      if (i === 1) return;
      const field = String(row.getCell(1).value);
      sums.set(field, (sums.get(field) ?? 0) + Number(row.getCell(4).value));
    });
    expect([...sums.values()].map((v) => Math.round(v * 100))).toEqual([100, 100, 100, 100]);
    for (const [name, content] of await zipEntries(out)) {
      expect({ name, leaks: leaks(content, secrets) }).toEqual({ name, leaks: [] });
    }
  });
});

async function zipEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async('string'));
  return out;
}

describe('REFI-QDA project (.qdpx) and codebook (.qdc)', () => {
  let qde = '';
  let entries = new Map<string, string>();

  beforeAll(async () => {
    const out = `${dir}/project.qdpx`;
    await writeExport(snapshot, { format: 'qdpx', outPath: out });
    entries = await zipEntries(out);
    qde = entries.get('project.qde') ?? '';
  });

  it.skipIf(!HAVE_SCHEMAS)(
    'project.qde is valid against ../shared/refi-qda/Project.xsd',
    async () => {
      const result = await validate(qde, 'Project.xsd');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it.runIf(!HAVE_SCHEMAS)('says the schema check is skipped where ../shared is absent', () => {
    console.warn(`REFI-QDA schema validation skipped: ${SCHEMA_DIR} not found`);
  });

  it('holds the codebook, a source per note with its codings, cases with variables, and polarity sets', () => {
    expect(qde.match(/<Code /g)).toHaveLength(snapshot.codebook.length);
    expect(qde).toMatch(
      /<Code [^>]*name="Access"[^>]*>\s*<Description>Getting seen<\/Description>\s*<Code [^>]*name="Waiting times"/,
    );
    expect(qde.match(/<TextSource /g)).toHaveLength(view.notes.length);
    const codings = view.notes.reduce((a, v) => a + v.note.themeIds.length, 0);
    expect(qde.match(/<Coding /g)).toHaveLength(codings);
    expect(qde.match(/<Case /g)).toHaveLength(snapshot.participants.length);
    expect(qde).toContain('name="Parent/carer 1"');
    expect(qde).toMatch(/<Set [^>]*name="What people do NOT want to see"/);
    const sources = [...entries.keys()].filter((k) => k.startsWith('Sources/'));
    expect(sources).toHaveLength(view.notes.length);
    for (const path of qde.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)) {
      expect(entries.has(`Sources/${path[1]}`)).toBe(true);
    }
    // A selection spans its whole source text, counted in characters.
    const n1 = view.notes.find((v) => v.note.id === 'n1');
    expect(qde).toMatch(
      new RegExp(`name="n1" startPosition="0" endPosition="${[...(n1?.text ?? '')].length}"`),
    );
  });

  it('contains no personal data', () => {
    for (const [name, content] of entries)
      expect({ name, leaks: leaks(content, secrets) }).toEqual({ name, leaks: [] });
  });

  it('gives the same GUIDs on every export of the same programme', async () => {
    const again = `${dir}/again.qdpx`;
    await writeExport(snapshot, { format: 'qdpx', outPath: again });
    expect((await zipEntries(again)).get('project.qde')).toBe(qde);
  });

  it.skipIf(!HAVE_SCHEMAS)(
    'writes a codebook valid against ../shared/refi-qda/Codebook.xsd',
    async () => {
      const out = `${dir}/codebook.qdc`;
      await writeExport(snapshot, { format: 'qdc', outPath: out });
      const xml = await readFile(out, 'utf8');
      const result = await validate(xml, 'Codebook.xsd');
      expect(result.errors).toEqual([]);
      expect(xml.match(/<Code /g)).toHaveLength(snapshot.codebook.length);
      // Same GUIDs as the project's codes, so the two can be used together.
      for (const guid of xml.matchAll(/guid="([^"]+)"/g)) expect(qde).toContain(guid[1]);
    },
  );
});

describe('word clouds and charts (.svg, .png)', () => {
  it('writes every cloud with every word placed, each with its word table, the same each time', async () => {
    const out = `${dir}/svg`;
    const { files } = await writeExport(snapshot, { format: 'svg', outPath: out });
    const scopes = cloudScopes(view);
    const names = (await readdir(out)).sort();
    expect(files.map((f) => path.basename(f)).sort()).toEqual(names);
    for (const scope of scopes) {
      const svg = await readFile(`${out}/cloud-${scope.key}.svg`, 'utf8');
      const drawn = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(drawn.sort()).toEqual(scope.words.map((w) => w.text).sort());
      const csv = await readFile(`${out}/cloud-${scope.key}-words.csv`, 'utf8');
      expect(csv.trim().split('\r\n')).toHaveLength(scope.words.length + 1);
      expect(svg).toMatch(/<title id="t">.+<\/title>/);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'chart-attendance.svg',
        'chart-demographics-gender.svg',
        'chart-demographics.csv',
      ]),
    );
    const again = `${dir}/svg-again`;
    await writeExport(snapshot, { format: 'svg', outPath: again, images: 'clouds' });
    expect(await readFile(`${again}/cloud-programme.svg`, 'utf8')).toBe(
      await readFile(`${out}/cloud-programme.svg`, 'utf8'),
    );
    for (const name of names)
      expect(leaks(await readFile(`${out}/${name}`, 'utf8'), secrets)).toEqual([]);
  });

  it('writes PNGs of one session’s cloud and its demographics', async () => {
    const out = `${dir}/png`;
    const { files } = await writeExport(snapshot, { format: 'png', outPath: out, sessionId: 's2' });
    const pngs = files.filter((f) => f.endsWith('.png')).map((f) => path.basename(f));
    expect(pngs).toEqual(
      expect.arrayContaining(['cloud-session-s2.png', 'chart-demographics-gender.png']),
    );
    expect(pngs).not.toContain('chart-attendance.png');
    const png = await readFile(`${out}/cloud-session-s2.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width, drawn at twice the SVG's size
  });
});

describe('buildExport (in memory, for the app and server)', () => {
  it('gives the same bytes writeExport writes, with a suggested file name', async () => {
    const [file] = await buildExport(snapshot, { format: 'csv', table: 'notes', sessionId: 's1' });
    expect(file?.name).toBe('community-msk-service-redesign-s1-coded-notes.csv');
    const out = `${dir}/same.csv`;
    await writeExport(snapshot, { format: 'csv', table: 'notes', sessionId: 's1', outPath: out });
    expect(await readFile(out, 'utf8')).toBe(file?.data);
  });
});

describe('bad options', () => {
  it('names the problem and writes nothing', async () => {
    const out = `${dir}/bad/report.docx`;
    await expect(
      writeExport(snapshot, { format: 'debrief', outPath: `${dir}/d.docx` }),
    ).rejects.toThrow(/--session/);
    await expect(
      writeExport(snapshot, { format: 'debrief', sessionId: 'nope', outPath: `${dir}/d.docx` }),
    ).rejects.toThrow(/unknown session "nope".*s1, s2/);
    await expect(writeExport(snapshot, { format: 'docx', outPath: out })).rejects.toThrow(
      /cannot write to/,
    );
    await expect(
      writeExport(snapshot, { format: 'docx', sessionId: 's1', outPath: `${dir}/r.docx` }),
    ).rejects.toThrow(/--format debrief/);
    await expect(
      writeExport(snapshot, { format: 'pdf' as 'docx', outPath: `${dir}/r.pdf` }),
    ).rejects.toThrow(/unknown export format/);
    await expect(writeExport(snapshot, { format: 'docx', outPath: dir })).rejects.toThrow(
      /is a folder/,
    );
    for (const f of ['d.docx', 'r.docx', 'r.pdf'])
      await expect(stat(`${dir}/${f}`)).rejects.toThrow();
    expect((await readdir(dir)).some((f) => f.endsWith('.partial'))).toBe(false);
  });
});
