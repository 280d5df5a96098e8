/**
 * Clouds benchmark: the on-screen word cloud of 150 words, drawn by wordcloud2 (the same list
 * and options as the clouds screen) in Debian's headless Chromium, and the core work behind the
 * screen (segmenting 2,000 notes into words and phrases, every scope's words and distinctive
 * words). Writes docs/benchmarks.md, section "analysis-clouds". Measurements only: nothing here
 * is asserted by the tests.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { buildExportView, cloudsScreenData } from '../../core/analysis/index.ts';
import { makeDemoProgramme } from '../../core/demo/index.ts';
import {
  CLOUD_COLOURS,
  CLOUD_OPTIONS,
  cloudList,
} from '../../renderer/src/facilitator/pages/clouds/cloud-layout.ts';
import { launchChromium } from '../../tests/e2e/browser.ts';
import { percentile, writeBenchSection } from '../report.ts';

const RUNS = 10;
const WIDTH = 1000;
const HEIGHT = 550;

const snapshot = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
const view = buildExportView(snapshot);

// Core: what the server computes for the screen. The first run loads the language model.
const coreMs: number[] = [];
let data = cloudsScreenData(view);
for (let i = 0; i < 3; i += 1) {
  const t = performance.now();
  data = cloudsScreenData(view);
  coreMs.push(performance.now() - t);
}
const programme = data.scopes.find((s) => s.def.kind === 'programme')!;
const words = programme.words.slice(0, 150);
const list = cloudList(words, WIDTH);

const browser = await launchChromium();
const drawMs: number[] = [];
let placed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.setContent(
    `<!doctype html><html><body><canvas id="c" width="${WIDTH}" height="${HEIGHT}"></canvas></body></html>`,
  );
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('wordcloud') });
  for (let i = 0; i < RUNS + 1; i += 1) {
    // Passed as text: tsx would otherwise add its own helpers to a function sent to the page.
    const r = (await page.evaluate(`new Promise((resolve) => {
      const list = ${JSON.stringify(list)};
      const options = ${JSON.stringify(CLOUD_OPTIONS)};
      const colours = ${JSON.stringify(CLOUD_COLOURS)};
      const canvas = document.getElementById('c');
      let drawn = 0;
      const onDrawn = () => { drawn += 1; };
      canvas.addEventListener('wordclouddrawn', onDrawn);
      const t = performance.now();
      canvas.addEventListener('wordcloudstop', () => {
        // The frame the words were drawn in has been painted, not just queued.
        requestAnimationFrame(() => {
          canvas.removeEventListener('wordclouddrawn', onDrawn);
          resolve({ ms: performance.now() - t, placed: drawn });
        });
      }, { once: true });
      WordCloud(canvas, { ...options, list, color: (w, x, s, d, th, i) => colours[i % colours.length] });
    })`)) as { ms: number; placed: number };
    // The first draw warms up fonts and the JIT, as an open app would have.
    if (i > 0) drawMs.push(r.ms);
    placed = r.placed;
  }
} finally {
  await browser.close();
}

const fmt = (ms: readonly number[]) =>
  `${Math.round(percentile(ms, 50))} ms | ${Math.round(Math.max(...ms))} ms`;
const load = os.loadavg().map((l) => l.toFixed(1));
const notes = snapshot.sessions.reduce((a, s) => a + s.notes.length, 0);

writeBenchSection(
  'analysis-clouds',
  `## Word clouds on screen (\`npm run bench:clouds\`)

Demo programme scaled to 5 sessions, ${notes} notes (${view.notes.length} exportable), 40 themes. The cloud is the programme's ${words.length} most-said words and phrases, drawn by wordcloud2 on a ${WIDTH}×${HEIGHT} canvas in headless Chromium with the screen's own list and options (\`renderer/src/facilitator/pages/clouds/cloud-layout.ts\`), timed from the call to the frame after \`wordcloudstop\`; ${RUNS} runs after one warm-up.

Load average when the runs ended: ${load.join(', ')} (1, 5, 15 min) on ${os.cpus().length} cores. ${
    percentile(drawMs, 50) <= 300
      ? 'The median is within the target.'
      : 'The median is over the target on this run; with a load average far above the core count the figures mostly measure waiting for a core, so rerun on a quiet machine before reading them as the cost of drawing.'
  }

| what | median | worst | target |
|---|---|---|---|
| word cloud of ${words.length} words drawn (${placed} placed) | ${fmt(drawMs)} | ≤ 300 ms |
| the screen's data in core: ${data.scopes.length} scopes, words and distinctive words, 2,000 notes (model loaded) | ${fmt(coreMs)} | |
`,
);
console.log(
  `drawn: median ${percentile(drawMs, 50).toFixed(0)} ms, worst ${Math.max(...drawMs).toFixed(0)} ms; placed ${placed}/${words.length}`,
);
console.log(`core: ${coreMs.map((m) => m.toFixed(0)).join(', ')} ms`);
