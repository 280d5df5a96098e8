/**
 * Exports benchmark: the demo programme scaled to 5 sessions, 2,000 notes and 40 themes.
 * Measures the full programme report (every image), the key theme table in each format, and
 * one 150-word cloud, and writes the figures to docs/benchmarks.md (section "exports").
 * Measurements only: nothing here is asserted by the tests.
 */
import { buildExportView, buildKeyThemeTable, cloudScopes } from '../../core/analysis/index.ts';
import { makeDemoProgramme } from '../../core/demo/index.ts';
import { layoutCloud } from '../../exports/cloud/layout.ts';
import { renderCloud, cloudPng } from '../../exports/cloud/index.ts';
import { defaultReportDate } from '../../exports/common/report-date.ts';
import { keyThemeDocx } from '../../exports/docx/key-theme-docx.ts';
import { programmeReportDocx } from '../../exports/docx/programme-report.ts';
import { toCsv } from '../../exports/tables/csv.ts';
import { KEY_THEME_HEADER, keyThemeCells } from '../../exports/tables/key-theme-rows.ts';
import { keyThemeXlsx } from '../../exports/tables/xlsx.ts';
import os from 'node:os';
import { percentile, writeBenchSection } from '../report.ts';

const RUNS = 5;

async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, last: last as T };
}

const fmt = (ms: readonly number[]) =>
  `${Math.round(percentile(ms, 50))} ms | ${Math.round(Math.max(...ms))} ms`;

const snapshot = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
const notes = snapshot.sessions.reduce((a, s) => a + s.notes.length, 0);
const date = defaultReportDate(snapshot);

// Warm-up: loads the language model and the fonts once, as a running app would have.
const warm = buildExportView(snapshot);
buildKeyThemeTable(warm);
layoutCloud([{ text: 'warm', count: 1, weight: 1 }]);

const report = await time(RUNS, async () =>
  programmeReportDocx(buildExportView(snapshot), { date }),
);
const csv = await time(RUNS, () =>
  toCsv(KEY_THEME_HEADER, keyThemeCells(buildKeyThemeTable(buildExportView(snapshot)))),
);
const xlsx = await time(RUNS, () => keyThemeXlsx(buildExportView(snapshot), { generatedAt: date }));
const ktDocx = await time(RUNS, () => keyThemeDocx(buildExportView(snapshot), { date }));
const programmeCloud = cloudScopes(warm).find((c) => c.kind === 'programme');
if (!programmeCloud || programmeCloud.words.length < 150) {
  throw new Error(`expected a cloud of 150 words, got ${programmeCloud?.words.length ?? 0}`);
}
const layout = await time(RUNS, () => layoutCloud(programmeCloud.words));
const cloudWithPng = await time(RUNS, () => cloudPng(renderCloud(programmeCloud)));
const placed = layout.last.words.length;

const lines = [
  '## Exports',
  '',
  `Demo programme scaled to ${snapshot.sessions.length} sessions, ${notes} notes, ${snapshot.codebook.length} themes, ${snapshot.participants.length} participants (\`npm run bench:exports\`, ${RUNS} runs each, after one warm-up that loads the language model and fonts).`,
  '',
  `Load average when the runs ended: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ', ',
    )} (1, 5, 15 min) on ${os.cpus().length} cores; figures from a busy shared machine run high.`,
  '',
  '| what | median | worst | target |',
  '|---|---|---|---|',
  `| programme report .docx, every image (${(report.last.length / 1024 / 1024).toFixed(1)} MB; analysis, 5 charts, 3 clouds, packing) | ${fmt(report.ms)} | ≤ 1.5 s |`,
  `| key theme table .csv (${csv.last.length.toLocaleString('en-GB')} characters) | ${fmt(csv.ms)} | ≤ 200 ms |`,
  `| key theme table .xlsx (with coded notes, demographics and attendance sheets) | ${fmt(xlsx.ms)} | ≤ 200 ms |`,
  `| key theme table .docx | ${fmt(ktDocx.ms)} | ≤ 200 ms |`,
  `| word cloud layout, ${programmeCloud.words.length} words, ${placed} placed (scale ${layout.last.scale.toFixed(2)}, ${layout.last.attempts} attempt${layout.last.attempts === 1 ? '' : 's'}) | ${fmt(layout.ms)} | ≤ 300 ms |`,
  `| the same cloud drawn to SVG and PNG | ${fmt(cloudWithPng.ms)} | |`,
];
writeBenchSection('exports', lines.join('\n'));
console.log(lines.join('\n'));
if (placed !== programmeCloud.words.length) {
  console.error(`only ${placed} of ${programmeCloud.words.length} words placed`);
  process.exitCode = 1;
}
