/**
 * Participant page on a slow phone network: the first load of /join in Debian's Chromium with
 * the DevTools protocol's Slow 3G profile (2,000 ms latency, 50 KB/s each way, as DevTools
 * defines it), cold cache, through the real server serving the built, precompressed pages.
 * Writes its figures to docs/benchmarks.md (section "participant"). Measurements only.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeDemoProgramme } from '../../core/index.ts';
import { startServer } from '../../collab-server/server/start-server.ts';
import { Store, importSnapshot } from '../../collab-server/store/index.ts';
import { launchChromium } from '../../tests/e2e/browser.ts';
import { RENDERER_DIST, ensurePagesBuilt } from '../../tests/e2e/build-pages.ts';
import { percentile, writeBenchSection } from '../report.ts';

const RUNS = 5;
const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
};

ensurePagesBuilt();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cohear-bench-participant-'));
const store = Store.openFolder(dataDir);
importSnapshot(store, makeDemoProgramme());
store.close();
const server = await startServer({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  mode: 'desktop',
  staticDir: RENDERER_DIST,
  log: () => {},
});
const browser = await launchChromium();

interface Run {
  formVisibleMs: number;
  enhancedMs: number;
  jsBytes: number;
  allBytes: number;
  /** Requests after the HTML that held back the first paint (render-blocking stylesheets). */
  blockingRequests: number;
}

async function once(): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let jsBytes = 0;
  let allBytes = 0;
  const types = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  const start = Date.now();
  await page.goto(`${server.url}/join`, { waitUntil: 'commit' });
  // Usable: the code field is on screen and takes typing (the plain-HTML form counts).
  await page.locator('#join-code').waitFor({ state: 'visible', timeout: 120_000 });
  const visibleAt = Date.now();
  // ...and painted: the form is in the layout before render-blocking stylesheets arrive, but the
  // phone shows nothing until they have, so the later of the two is when it can be used.
  // As source text: tsx would otherwise wrap the page-side helpers in its own naming code.
  const paint = (await page.evaluate(`new Promise((resolve) => {
    const done = (t) => resolve({
      paintedAt: performance.timeOrigin + t,
      blocking: performance.getEntriesByType('resource')
        .filter((e) => e.renderBlockingStatus === 'blocking').length,
    });
    const seen = performance.getEntriesByName('first-contentful-paint')[0];
    if (seen) return done(seen.startTime);
    new PerformanceObserver((list) => {
      const e = list.getEntriesByName('first-contentful-paint')[0];
      if (e) done(e.startTime);
    }).observe({ type: 'paint', buffered: true });
  })`)) as { paintedAt: number; blocking: number };
  const formVisibleMs = Math.max(visibleAt, paint.paintedAt) - start;
  const blockingRequests = paint.blocking;
  // Enhanced: the page's script has taken over the form (it marks the field's validity).
  await page.locator('#join-code[aria-invalid]').waitFor({ timeout: 120_000 });
  const enhancedMs = Date.now() - start;
  await page.waitForLoadState('networkidle');
  await context.close();
  return { formVisibleMs, enhancedMs, jsBytes, allBytes, blockingRequests };
}

/** Gzipped size of the JavaScript join.html loads before anyone has joined, from the build. */
function preJoinGzip(): { files: string[]; bytes: number } {
  const html = readFileSync(path.join(RENDERER_DIST, 'join.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const bytes = files.reduce(
    (n, f) => n + gzipSync(readFileSync(path.join(RENDERER_DIST, f)), { level: 9 }).length,
    0,
  );
  return { files, bytes };
}

await once(); // Warm-up: the server's first answers and Chromium's first context.
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await once());
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });

const pre = preJoinGzip();
const after = readdirSync(path.join(RENDERER_DIST, 'assets')).filter((f) =>
  /^Joined-.*\.js$/.test(f),
);
const med = (k: keyof Run) =>
  Math.round(
    percentile(
      runs.map((r) => r[k]),
      50,
    ),
  );
const max = (k: keyof Run) => Math.round(Math.max(...runs.map((r) => r[k])));
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const markdown = `Participant page, first load of \`/join\` in Debian's Chromium on the DevTools protocol's
Slow 3G profile (2,000 ms latency, 50 KB/s down and up), cold cache, ${RUNS} runs after one
warm-up, real server with the built pages.

| measure | median | worst |
|---|---|---|
| join form usable (plain-HTML form laid out and painted, takes typing) | ${med('formVisibleMs')} ms | ${max('formVisibleMs')} ms |
| form enhanced by the page's script (grouping, countdown, language) | ${med('enhancedMs')} ms | ${max('enhancedMs')} ms |
| JavaScript sent before joining (as transferred, brotli) | ${kb(med('jsBytes'))} | ${kb(max('jsBytes'))} |
| everything sent for the join screen | ${kb(med('allBytes'))} | ${kb(max('allBytes'))} |
| requests after the HTML that hold back the first paint | ${med('blockingRequests')} | ${max('blockingRequests')} |

JavaScript before joining, gzipped as the build writes it: **${kb(pre.bytes)}** (budget 100 KB:
${pre.files.map((f) => `\`${f.replace(/-[A-Za-z0-9_-]{8}\.js$/, '')}\``).join(', ')}). Yjs, the room and the
outbox (${after.map((f) => `\`${f.replace(/-[A-Za-z0-9_-]{8}\.js$/, '')}\``).join(', ')} and what it imports)
load only after joining.

Command: \`npm run bench:participant\`; load average when run: ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')}.
`;
writeBenchSection('participant', markdown);
console.log(markdown);
