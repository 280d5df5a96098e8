/**
 * The board in headless Chromium on the 2,000-note fixture, against a real server: how soon it
 * is usable after navigation, how soon a tag shows, how soon a filter change shows. Times are
 * taken inside the page (the key or change event to the frame after the DOM changed), so the
 * playwright round trip is not counted.
 */
import type { Page } from 'playwright-core';
import { makeDemoProgramme } from '../../core/index.ts';
import { facilitatorPage, programmeUrl, startWorld } from '../../tests/e2e/harness.ts';
import { percentile } from '../report.ts';

const RUNS = 7;
const SHOTS = process.env.COHEAR_SHOTS;

const fmt = (ms: number[]) =>
  `${Math.round(percentile(ms, 50))} ms | ${Math.round(Math.max(...ms))} ms`;

/** Resolves with ms from the next `trigger` event to the frame after `selector`'s text changed. */
function armTimer(page: Page, trigger: 'keydown' | 'change', selector: string) {
  return page.evaluate(
    ({ trigger, selector }) => {
      const w = window as unknown as { __took?: Promise<number> };
      w.__took = new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener(trigger, () => (t0 = performance.now()), {
          capture: true,
          once: true,
        });
        const target = () => document.querySelector(selector)?.textContent ?? '';
        const before = target();
        const check = () => {
          if (t0 && target() !== before)
            requestAnimationFrame(() => resolve(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    { trigger, selector },
  );
}
const took = (page: Page) =>
  page.evaluate(() => (window as unknown as { __took: Promise<number> }).__took);

export async function benchBrowser(): Promise<string[]> {
  const demo = makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 });
  const world = await startWorld('desktop', { demo });
  try {
    const page = await facilitatorPage(world);
    // tsx names the functions it compiles with a helper the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const url = programmeUrl(world, 'analysis');
    // A first visit warms the server's documents and the browser's cache of the app's files.
    await page.goto(url);
    await page.locator('.note-row').first().waitFor({ timeout: 120_000 });
    const interactive: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(programmeUrl(world, 'people'));
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      await page.goto(url);
      const ms = await page.waitForFunction(
        () => {
          const row = document.querySelector('.note-row');
          return row && row.getAttribute('tabindex') !== null ? performance.now() : 0;
        },
        undefined,
        { polling: 'raf', timeout: 120_000 },
      );
      interactive.push((await ms.jsonValue()) as number);
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-2000-notes-1366x900.png` });

    const rows = page.locator('.note-row');
    const tag: number[] = [];
    for (let i = 0; i < RUNS * 2; i += 1) {
      await rows.nth(i % 6).focus();
      const key = await rows.nth(i % 6).getAttribute('data-key');
      await armTimer(page, 'keydown', `.note-row[data-key="${key}"] .note-row-meta`);
      await page.keyboard.press('1');
      tag.push(await took(page));
    }

    const filter: number[] = [];
    const choices = ['want', 'do-not-want', 'neutral', ''];
    for (let i = 0; i < RUNS * 2; i += 1) {
      await armTimer(page, 'change', '.page-header .hint');
      await page.locator('#board-polarity').selectOption(choices[i % choices.length]!);
      filter.push(await took(page));
    }
    const search: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.locator('#board-search').fill('');
      await armTimer(page, 'keydown', '.page-header .hint');
      await page.locator('#board-search').press(i % 2 ? 'w' : 'p');
      search.push(await took(page));
    }
    await page.close();
    return [
      '### The board in headless Chromium (2,000 notes, 40 themes, real server)',
      '',
      `Times inside the page, from the navigation, key or change event to the frame after the screen changed; ${RUNS} runs each (tags and filters ${RUNS * 2}) after one warm-up visit.`,
      '',
      '| what | median | worst | target |',
      '|---|---|---|---|',
      `| board interactive after navigation (rows focusable; 5 session documents and the codebook synced) | ${fmt(interactive)} | ≤ 1.5 s |`,
      `| a tag applied (number key) and visible on the note | ${fmt(tag)} | ≤ 50 ms |`,
      `| a filter change (polarity) with every count | ${fmt(filter)} | ≤ 100 ms |`,
      `| a search keystroke with every count | ${fmt(search)} | ≤ 100 ms |`,
    ];
  } finally {
    await world.close();
  }
}
