import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportView,
  draftReportSection,
  formatGap,
  formatRate,
  representation,
} from '../../core/analysis/index.ts';
import { REPORT_SECTIONS } from '../../core/index.ts';
import { buildExport } from '../../exports/build-export.ts';
import { svgToPng } from '../../exports/common/png.ts';
import {
  SERIES_SECRETS,
  THEME_QUESTIONS,
  makeSeriesSnapshot,
} from '../fixtures/focus-group-series.ts';
import { leaks, secretsOf, zipTexts } from './exports-helpers.ts';

const LOGO_ALT = 'Healthwatch Example logo';

function logoPng(): { data: string; width: number; height: number } {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" fill="#003087"/><rect x="20" y="20" width="200" height="40" fill="#ffffff"/></svg>';
  return { data: svgToPng(svg).toString('base64'), width: 240, height: 80 };
}

function headings(html: string, level: number): string[] {
  return [...html.matchAll(new RegExp(`<h${level}[^>]*>(.*?)</h${level}>`, 'g'))].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
  );
}

/** The HTML of the part of the report under one heading, up to the next heading of its level. */
function sectionHtml(html: string, level: number, title: string): string {
  const start = html.indexOf(`>${title}</h${level}>`);
  if (start < 0) return '';
  const rest = html.slice(start);
  const next = rest.slice(1).search(new RegExp(`<h[1-${level}][ >]`));
  return next < 0 ? rest : rest.slice(0, next + 1);
}

function listAfter(html: string, title: string): string[] {
  const at = html.indexOf(`>${title}</h3>`);
  if (at < 0) return [];
  const ul = /<ul>(.*?)<\/ul>/.exec(html.slice(at));
  return [...(ul?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1] ?? '');
}

describe('programme report of a three-cohort, four-theme focus-group series', () => {
  const snapshot = makeSeriesSnapshot();
  const logo = logoPng();
  snapshot.report = {
    ...snapshot.report!,
    logos: [
      {
        id: 'logo1',
        role: 'organisation',
        alt: LOGO_ALT,
        mediaType: 'image/png',
        order: 0,
        ...logo,
      },
    ],
  };
  let html = '';
  let text = '';
  let parts = new Map<string, string>();

  beforeAll(async () => {
    const [file] = await buildExport(snapshot, { format: 'docx' });
    const buffer = file!.data as Buffer;
    html = (await mammoth.convertToHtml({ buffer })).value;
    text = (await mammoth.extractRawText({ buffer })).value;
    parts = await zipTexts(buffer);
  }, 120_000);

  it('reproduces the registered and attended figures of each group', () => {
    const rows = [
      ['Residents and service users', '10 March 2026', 15, 28, 16],
      ['Gig-economy workers', '12 March 2026', 8, 1, 0],
      ['Parents and carers', '17 March 2026', 6, 5, 0],
    ];
    const attendance = sectionHtml(html, 2, 'Attendance');
    for (const r of rows) {
      expect(attendance).toContain(r.map((c) => `<p>${c}</p>`).join('</td><td>'));
    }
    expect(text).toContain('29 places were registered in advance and 34 different people attended');
  });

  it('leaves the planning meeting out of the attendance chart and table', () => {
    expect(sectionHtml(html, 2, 'Attendance')).not.toContain('Planning meeting');
    const doc = parts.get('word/document.xml') ?? '';
    const attendanceAlt = /descr="(Bar chart of people registered[^"]*)"/.exec(doc)?.[1] ?? '';
    expect(attendanceAlt).toContain('Gig-economy workers: 8 registered, 1 attended');
    expect(attendanceAlt).not.toContain('Planning');
  });

  it('reproduces the demographic percentages exactly', () => {
    // Worked out by hand with the largest-remainder method over the 34 people who attended.
    const expected: Record<string, [string, number, number][]> = {
      Gender: [
        ['Woman', 20, 59],
        ['Man', 12, 35],
        ['Prefer not to say', 2, 6],
      ],
      Age: [
        ['18-24', 2, 6],
        ['25-34', 5, 15],
        ['35-44', 8, 23],
        ['45-54', 6, 17],
        ['55-64', 5, 15],
        ['65-74', 5, 15],
        ['75 and over', 2, 6],
        ['Prefer not to say', 1, 3],
      ],
      Ethnicity: [
        ['White', 22, 65],
        ['Asian or Asian British', 6, 17],
        ['Black, Black British, Caribbean or African', 3, 9],
        ['Mixed or multiple ethnic groups', 2, 6],
        ['Prefer not to say', 1, 3],
      ],
      Town: [
        ['Wakefield', 14, 41],
        ['Pontefract', 9, 26],
        ['Castleford', 8, 24],
        ['Prefer not to say', 3, 9],
      ],
      // The programme's own question, in its own answers.
      'Getting to appointments': [
        ['Drive', 15, 44],
        ['Bus or train', 9, 26],
        ['Walk or wheel', 5, 15],
        ['Lift from family or friends', 3, 9],
        ['Prefer not to say', 2, 6],
      ],
    };
    for (const [field, rows] of Object.entries(expected)) {
      const section = sectionHtml(html, 2, field);
      const cells = rows.map(([label, n, pct]) =>
        [label, n, `${pct}%`].map((c) => `<p>${c}</p>`).join('</td><td>'),
      );
      for (const c of cells) expect(section).toContain(c);
      expect(section).toContain('<p>Total</p></td><td><p>34</p></td><td><p>100%</p>');
    }
  });

  it('compares who took part with the census: a gap per category and the score, as the screen does', () => {
    const section = sectionHtml(html, 2, 'Representation');
    const row = (cells: (string | number)[]) => cells.map((c) => `<p>${c}</p>`).join('</td><td>');
    // By hand: 20 women and 12 men compared (62.5% / 37.5% against 51% / 49%); age in the
    // programme's eight bands against Census 2021 of every age (nobody under 18 took part, so
    // the age score is 0; 8 of 33 aged 35-44 is 24.2% against 13.0%); ethnicity of 33, nobody
    // from "Other" (rate 0, so the overall score is 0).
    expect(section).toContain('<strong>Representation score: </strong>0.00');
    expect(headings(section, 3)).toEqual([
      'Sex: score 0.62',
      'Age: score 0.00',
      'Ethnic group: score 0.00',
    ]);
    for (const cells of [
      ['Female (women)', 20, '62.5%', '51%', '+11.5', '1.23'],
      ['Male (men)', 12, '37.5%', '49%', '-11.5', '0.77'],
      ['Under 18', 0, '0%', '20.8%', '-20.8', '0.00'],
      ['35-44', 8, '24.2%', '13%', '+11.2', '1.86'],
      ['75 and over', 2, '6.1%', '8.6%', '-2.5', '0.70'],
      ['White', 22, '66.7%', '81.7%', '-15', '0.82'],
      ['Other ethnic group', 0, '0%', '2.1%', '-2.1', '0.00'],
    ])
      expect(section).toContain(row(cells));
    // The census counts ages in five-year groups: the report says which bands are estimated.
    expect(section).toContain(
      'The census counts ages in five-year groups, so "Under 18" and "18-24" are estimated by sharing a group evenly between its years.',
    );
    // Every figure the screen shows (the same core function over the same export view).
    const rep = representation(buildExportView(snapshot).snapshot);
    for (const d of rep.dimensions)
      for (const r of d.rows)
        expect(section).toContain(
          row([
            r.label,
            r.count,
            `${r.percent}%`,
            `${r.referencePercent}%`,
            formatGap(r.gap),
            formatRate(r.rate),
          ]),
        );
  });

  it('lists under each theme only the questions of its own agenda steps', () => {
    const names: Record<string, string> = {
      't-access': 'Access to treatment',
      't-comms': 'Communication',
      't-self': 'Self-management support',
      't-place': 'Where care happens',
    };
    for (const [id, name] of Object.entries(names)) {
      const section = sectionHtml(html, 2, name);
      expect({ name, questions: listAfter(section, 'Questions asked') }).toEqual({
        name,
        questions: THEME_QUESTIONS[id],
      });
    }
  });

  it('prints findings in the reference order, merged statements with who said them', () => {
    const access = sectionHtml(html, 2, 'Access to treatment');
    expect(headings(access, 3)).toEqual([
      'Questions asked',
      'What people want to see',
      'What people do NOT want to see',
      'In their words',
      'Summary',
      'Read back to the group',
    ]);
    // Three people said it in the same words and a fourth in other words, merged on the board:
    // one line, four people; the merged words are not printed again.
    expect(listAfter(access, 'What people want to see')).toContain(
      'Evening appointments for people who work. (said by 4 people)',
    );
    expect(text).not.toContain('Appointments after work');
    expect(listAfter(access, 'What people do NOT want to see')).toContain(
      'Waiting months for a first appointment (said in the group and by 1 person)',
    );
    expect(text).not.toContain('Months before anyone sees you');
    // The key theme table counts the group's words as the group's, not as nobody's.
    const summary = sectionHtml(html, 1, 'Summary of findings');
    expect(summary).toContain(
      '<p>Access to treatment</p></td><td><p>6</p><p>2 from the group</p><p>4 from 7 people</p>',
    );
  });

  it('prints what the group confirmed or amended when read back, redacted like any text', () => {
    const access = sectionHtml(html, 2, 'Access to treatment');
    expect(access).toContain(
      '<strong>Confirmed: </strong>“People want appointments in the evening.” (Residents and service users, 10 March 2026)',
    );
    const comms = sectionHtml(html, 2, 'Communication');
    expect(comms).toContain(
      '<strong>Amended: </strong>“People want a letter with a date.” became “People want a letter with a date, as [name removed] put it, and a number to call.”',
    );
    // Rejected and undecided cards are not findings.
    expect(text).not.toContain('People want to manage on their own.');
    expect(text).not.toContain('People want clinics in town centres.');
    expect(headings(sectionHtml(html, 2, 'Self-management support'), 3)).not.toContain(
      'Read back to the group',
    );
  });

  it('debriefs the residents’ group with each card’s outcome and no name in the amended words', async () => {
    const [file] = await buildExport(snapshot, { format: 'debrief', sessionId: 'sA' });
    const buffer = file!.data as Buffer;
    const debrief = (await mammoth.convertToHtml({ buffer })).value;
    const readBack = sectionHtml(debrief, 1, 'Read back to the group');
    const row = (cells: string[]) => cells.map((c) => `<p>${c}</p>`).join('</td><td>');
    expect(readBack).toContain(
      row([
        'People want a letter with a date. (Communication)',
        '1 yes, 1 not quite, 0 no',
        'Amended with the group on 10 March 2026',
        'People want a letter with a date, as [name removed] put it, and a number to call.',
      ]),
    );
    expect(readBack).toContain('<p>Rejected by the group on 10 March 2026</p></td><td><p>None</p>');
    expect(readBack).toContain('<p>No decision recorded</p></td><td><p>Not decided</p>');
    // What was heard merges the same words and the board's merges, as the report does.
    const heard = sectionHtml(debrief, 2, 'Access to treatment');
    expect(listAfter(heard, 'What people want to see')).toEqual([
      'Self-referral without going through the GP (said in the group)',
      'Evening appointments for people who work. (said by 4 people)',
    ]);
    expect(listAfter(heard, 'What people do NOT want to see')).toEqual([
      'Waiting months for a first appointment (said in the group and by 1 person)',
    ]);
    for (const [name, content] of await zipTexts(buffer)) {
      expect({ name, leaks: leaks(content, secretsOf(snapshot, SERIES_SECRETS)) }).toEqual({
        name,
        leaks: [],
      });
    }
  }, 120_000);

  it('leaves out what the facilitator did not write, and prints no draft', () => {
    expect(headings(html, 1)).toEqual([
      'Introduction',
      'Methodology',
      'Executive summary',
      'Recommendations',
      'Demographics',
      'Findings',
      'Summary of findings',
      'Next steps',
      'About us',
    ]);
    expect(headings(sectionHtml(html, 2, 'Where care happens'), 3)).not.toContain('Summary');
    const view = buildExportView(snapshot);
    for (const key of REPORT_SECTIONS) {
      const draft = draftReportSection(view, key);
      for (const sentence of draft.split(/\n+/).filter((s) => s.length > 30)) {
        expect({ key, inReport: text.includes(sentence) }).toEqual({ key, inReport: false });
      }
    }
    expect(text).not.toContain('Appendix');
  });

  it('puts the logo on the title page with its alt text, and sets title and language', () => {
    const doc = parts.get('word/document.xml') ?? '';
    const firstPicture = /<wp:docPr [^>]*>/.exec(doc)?.[0] ?? '';
    expect(firstPicture).toContain(`descr="${LOGO_ALT}"`);
    expect(doc.indexOf(LOGO_ALT)).toBeLessThan(doc.indexOf('w:val="Title"'));
    expect(parts.get('docProps/core.xml')).toContain(
      '<dc:title>Community MSK focus groups</dc:title>',
    );
    expect(parts.get('word/styles.xml')).toContain('w:val="en-GB"');
  });

  it('writes the contents with page numbers and keeps table rows whole', () => {
    const doc = parts.get('word/document.xml') ?? '';
    expect(doc).toMatch(
      /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>\d+<\/w:t>/,
    );
    const rows = doc.split('<w:tr>').length - 1 + (doc.split('<w:tr ').length - 1);
    expect(doc.split('<w:cantSplit/>').length - 1).toBe(rows);
    expect(doc.split('<w:tblHeader/>').length - 1).toBe(doc.split('<w:tbl>').length - 1);
  });

  it('carries no participant’s name, email or phone anywhere, even written in the report text', () => {
    expect(text).toContain('[name removed] helped us test the consent form');
    for (const [name, content] of parts) {
      expect({ name, leaks: leaks(content, secretsOf(snapshot, SERIES_SECRETS)) }).toEqual({
        name,
        leaks: [],
      });
    }
  });

  it('adds the word tables appendix only when asked', async () => {
    const [file] = await buildExport(snapshot, { format: 'docx', wordTables: true });
    const withTables = (await mammoth.convertToHtml({ buffer: file!.data as Buffer })).value;
    expect(headings(withTables, 1)).toContain('Appendix A: Word tables');
  }, 120_000);
});
