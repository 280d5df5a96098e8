import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportView,
  buildKeyThemeTable,
  tallyDemographics,
  themeFindings,
} from '../../core/analysis/index.ts';
import { FIXTURE_SECRETS, makeFixtureSnapshot } from '../../core/analysis/fixture-snapshot.ts';
import { makeDemoProgramme } from '../../core/demo/index.ts';
import { type ExportProgress, writeExport } from '../../exports/write-export.ts';
import { leaks, secretsOf, tempDir, zipTexts } from './exports-helpers.ts';

const snapshot = makeFixtureSnapshot();
let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

function headings(html: string, level: number): string[] {
  return [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
  );
}

describe('programme report (.docx)', () => {
  let html = '';
  let text = '';
  let parts = new Map<string, string>();
  const progress: ExportProgress[] = [];

  beforeAll(async () => {
    const out = `${dir}/report.docx`;
    const { files } = await writeExport(snapshot, {
      format: 'docx',
      outPath: out,
      onProgress: (p) => progress.push(p),
    });
    expect(files).toEqual([out]);
    const buffer = await readFile(out);
    html = (await mammoth.convertToHtml({ buffer })).value;
    text = (await mammoth.extractRawText({ buffer })).value;
    parts = await zipTexts(buffer);
  });

  it('has every section a commissioner expects, as real Word headings', () => {
    // No report text was written for this programme, so the sections only a person can write
    // (executive summary, conclusions, about us) are absent, and the word tables are off.
    expect(headings(html, 1)).toEqual([
      'Introduction',
      'Methodology',
      'Recommendations',
      'Demographics',
      'Findings',
      'Summary of findings',
      'Next steps',
      'Appendix A: You said, we did',
    ]);
    expect(headings(html, 2)).toEqual(
      expect.arrayContaining([
        'Sessions',
        'Consent',
        'Gender',
        'Age',
        'Ethnicity',
        'Town',
        'Access › Waiting times',
        'Communication',
      ]),
    );
    expect(headings(html, 3)).toEqual(
      expect.arrayContaining([
        'Questions asked',
        'What people want to see',
        'What people do NOT want to see',
        'In their words',
      ]),
    );
    const doc = parts.get('word/document.xml') ?? '';
    expect(doc).toContain('w:val="Heading1"');
    expect(doc).toContain('TOC \\'); // the contents field
  });

  it('gives every picture alt text and every table a repeating header row', () => {
    const doc = parts.get('word/document.xml') ?? '';
    const pictures = [...doc.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(pictures.length).toBe(4 + 1 + 3); // 4 demographic charts, attendance, 3 clouds
    for (const p of pictures) expect(p).toMatch(/descr="[^"]{20,}"/);
    const tables = doc.split('<w:tbl>').length - 1;
    expect(tables).toBeGreaterThan(5);
    expect(doc.split('<w:tblHeader/>').length - 1).toBe(tables);
  });

  it('reports demographics equal to the snapshot, each field summing to 100%', () => {
    const tally = tallyDemographics(snapshot);
    for (const field of tally.fields) {
      for (const row of field.rows)
        expect(text).toContain(`${row.label}\n\n${row.count}\n\n${row.percent}%`);
      expect(field.rows.reduce((a, r) => a + r.percent, 0)).toBe(100);
      expect(text).toContain(`${field.label} (n = ${field.n})`);
    }
  });

  it('lists each theme’s statements and counts as the findings have them', () => {
    const view = buildExportView(snapshot);
    const table = buildKeyThemeTable(view);
    for (const row of table.rows) {
      const f = themeFindings(view, row.theme.id);
      expect(text).toContain(`${f.voices.statements}\n\n`);
      for (const s of [...row.want, ...row.doNotWant]) expect(text).toContain(s);
    }
    expect(text).toContain('I waited eight months for physiotherapy and heard nothing.');
    expect(text).toContain('Resident 1, Residents and service users');
  });

  it('quotes only consenting people, and leaks no personal data anywhere in the file', () => {
    // p2 marked a note quotable but did not consent to be quoted.
    expect(html).not.toMatch(/Resident 2, Residents and service users/);
    for (const [name, content] of parts) {
      expect({ name, leaks: leaks(content, secretsOf(snapshot, FIXTURE_SECRETS)) }).toEqual({
        name,
        leaks: [],
      });
    }
  });

  it('reports progress through the callback, ending complete', () => {
    expect(progress.length).toBeGreaterThan(3);
    const last = progress.at(-1);
    expect(last?.done).toBe(last?.total);
  });
});

describe('session debrief (.docx)', () => {
  it('has the session’s details, attendance, steps, cloud, quotes, messages, actions and debrief status', async () => {
    const out = `${dir}/debrief.docx`;
    await writeExport(snapshot, { format: 'debrief', sessionId: 's1', outPath: out });
    const buffer = await readFile(out);
    const html = (await mammoth.convertToHtml({ buffer })).value;
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(headings(html, 1)).toEqual([
      'Session details',
      'Attendance',
      'Agenda',
      'What was heard',
      'Key theme table',
      'Word cloud',
      'Quotes',
      'Key messages',
      'Actions',
      'Debrief',
    ]);
    // The cloud's word table is printed only when asked for (off by default).
    expect(headings(html, 2)).toEqual(['Getting seen', 'Information', 'Summary']);
    // Registered 4, attended 3, registered and came 2, walk-in 1.
    expect(text).toContain('4\n\n3\n\n2\n\n1');
    expect(text).toContain('How will you tell us we got it right?');
    expect(text).toContain('People want to know how long they will wait');
    expect(text).toContain('24 March 2026');
    expect(text).toContain('Yes, on 20 March 2026');
    expect(text).toContain('Waiting times now shown on the service web page.');
    expect(text).not.toContain('hidden by the facilitator');
    for (const [name, content] of await zipTexts(buffer)) {
      expect({ name, leaks: leaks(content, secretsOf(snapshot, FIXTURE_SECRETS)) }).toEqual({
        name,
        leaks: [],
      });
    }
  });
});

describe('reports of the demo programme', () => {
  it('redact every contact and every personal detail typed into notes', async () => {
    const demo = makeDemoProgramme({ seed: 7 });
    const secrets = secretsOf(demo, [
      'jo.demo@example.org',
      '07700 900123',
      '943 476 5919',
      'LS1 4AP',
    ]);
    expect(secrets.length).toBeGreaterThan(5);
    const report = `${dir}/demo-report.docx`;
    await writeExport(demo, { format: 'docx', outPath: report });
    const session = demo.sessions[0]?.session.id ?? '';
    const debrief = `${dir}/demo-debrief.docx`;
    await writeExport(demo, { format: 'debrief', sessionId: session, outPath: debrief });
    for (const file of [report, debrief]) {
      for (const [name, content] of await zipTexts(file)) {
        expect({ file, name, leaks: leaks(content, secrets) }).toEqual({ file, name, leaks: [] });
      }
    }
  });
});
