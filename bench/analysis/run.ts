/**
 * Analysis benchmark (issue 15): the 2,000-note, 40-theme fixture. The core's work in Node, then
 * the board in headless Chromium against a real server. Writes the "analysis" section of
 * docs/benchmarks.md. Measurements only: nothing here is asserted by the tests.
 */
import os from 'node:os';
import { writeBenchSection } from '../report.ts';
import { benchCore, fmt } from './core.ts';

const core = benchCore();
const pct = (x: number) => `${Math.round(x * 100)}%`;
const lines = [
  '## Analysis',
  '',
  `Demo programme scaled to ${core.big.sessions.length} sessions, ${core.notes} notes, ${core.big.codebook.length} themes (\`npm run bench:analysis\`).`,
  `Load average when the runs ended: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (1, 5, 15 min) on ${os.cpus().length} cores; a busy shared machine runs high.`,
  '',
  '### The analysis core (Node)',
  '',
  '| what | median | worst | target |',
  '|---|---|---|---|',
  `| board notes built from the snapshot (${core.notes} notes) | ${fmt(core.build)} | |`,
  `| a filter change: filter and every faceted count (5 filters in turn, 50 runs) | ${fmt(core.filter)} | ≤ 100 ms (with drawing) |`,
  `| a tag applied to one note in the session document (toggleTheme, 50 runs) | ${fmt(core.tag)} | ≤ 50 ms (with drawing) |`,
  `| near-duplicate groups of all notes (${core.groups} groups) | ${fmt(core.dupes)} | |`,
  `| suggestions for 500 untagged notes, trained on the other 1,500, cold (no text parsed yet), one run | ${core.suggestCold.toFixed(0)} ms | ${core.suggestCold.toFixed(0)} ms | ≤ 1 s |`,
  `| the same, warm (texts parsed once already) | ${fmt(core.suggestWarm)} | ≤ 1 s |`,
  '',
  '### Theme suggestions: accuracy on held-out notes',
  '',
  'A seeded 20% of the tagged notes is held out; the model learns from the rest. Top-1: the first suggestion is one of the note’s themes; top-3: one of the first three is. Polarity: the suggested polarity is the one chosen.',
  '',
  '| fixture | trained on | held out | top-1 | top-3 | polarity | top-1 / top-3 from words alone (no agenda step) |',
  '|---|---|---|---|---|---|---|',
  ...core.acc.map(
    (a, i) =>
      `| ${a.name} | ${a.trainedOn} | ${a.heldOut} | ${pct(a.top1)} | ${pct(a.top3)} | ${pct(a.polarity)} | ${pct(core.noStep[i]!.top1)} / ${pct(core.noStep[i]!.top3)} |`,
  ),
];

if (!process.env.BENCH_ANALYSIS_NO_BROWSER) {
  const { benchBrowser } = await import('./browser.ts');
  lines.push('', ...(await benchBrowser()));
}

writeBenchSection('analysis', lines.join('\n'));
console.log(lines.join('\n'));
