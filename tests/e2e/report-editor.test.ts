import { mkdirSync, readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../../exports/common/png.ts';
import { axeViolations, scrollsSideways } from './axe.ts';
import { programmeUrl, startWorld, type E2eWorld } from './harness.ts';

const SHOTS = '/work/notes/shots/reports';
let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop');
}, 240_000);
afterAll(async () => {
  await world?.close();
});

function shot(name: string): string | undefined {
  try {
    mkdirSync(SHOTS, { recursive: true });
    return `${SHOTS}/${name}.png`;
  } catch {
    return undefined;
  }
}

describe('the report editor', () => {
  it('saves what the facilitator writes, offers drafts, takes a logo, and builds the report with progress', async () => {
    const context = await world.browser.newContext({
      bypassCSP: true,
      acceptDownloads: true,
      viewport: { width: 1024, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    await page.goto(programmeUrl(world, 'reports'));
    await page.getByRole('heading', { level: 1, name: 'Report' }).waitFor();
    await page.getByLabel('Executive summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // A person's words, typed by keyboard, saved into the programme document.
    const summary = page.getByLabel('Executive summary');
    await summary.focus();
    await page.keyboard.type('People want to be seen sooner and told how long they will wait.');
    await page.keyboard.press('Tab');

    // An empty section offers a draft; choosing it puts it in the field, focus stays there.
    const conclusions = page
      .locator('.report-section')
      .filter({ has: page.getByLabel('Conclusions') });
    await conclusions.getByText('See a draft built from the data').click();
    await conclusions.getByRole('button', { name: 'Start from this draft' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('section-conclusions');
    const draft = await page.getByLabel('Conclusions').inputValue();
    expect(draft).toMatch(/^What people raised most was /);
    await page
      .getByLabel('Conclusions')
      .fill('We conclude that waiting without news is the problem to fix first.');
    await page.getByLabel('Conclusions').blur();

    // A logo without alt text is refused next to the field; with it, it is added.
    const png = svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#0b5c8a"/></svg>',
    );
    await page
      .getByLabel('Logo file')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Add logo' }).click();
    await page.getByText('Say what the logo shows, for people who cannot see it.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('logo-alt');
    await page.getByLabel('What the logo shows').fill('Demo organisation logo');
    await page.getByRole('button', { name: 'Add logo' }).click();
    await page.getByRole('img', { name: 'Demo organisation logo' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const full = shot('report-editor-1024');
    if (full) await page.screenshot({ path: full, fullPage: true });

    // The report builds with a progress bar, then downloads; by keyboard, as without a mouse.
    await page.getByRole('button', { name: 'Build and download the report' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#report-progress').waitFor();
    await page
      .locator('.report-progress label', { hasText: 'Ready' })
      .or(page.getByRole('alert'))
      .waitFor({ timeout: 180_000 });
    const done = shot('report-editor-built-1024');
    if (done) await page.screenshot({ path: done, fullPage: true });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: /^Download .*report.* again$/ }).click();
    const file = await download;
    const path = await file.path();
    const buffer = readFileSync(path);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).toContain('People want to be seen sooner and told how long they will wait.');
    expect(text).toContain('We conclude that waiting without news is the problem to fix first.');
    expect(text).not.toContain(draft);
    expect(buffer.includes(Buffer.from('Demo organisation logo'))).toBe(false); // zipped

    // Each chart and cloud downloads on its own.
    await page.getByRole('heading', { name: 'Charts and word clouds' }).waitFor();
    const firstPng = page.locator('.picture-downloads a').first();
    await firstPng.waitFor();
    const pic = page.waitForEvent('download');
    await firstPng.click();
    const picFile = readFileSync(await (await pic).path());
    expect(picFile.subarray(1, 4).toString()).toBe('PNG');

    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await scrollsSideways(page), `at ${width}px`).toBe(false);
    }
    const wide = shot('report-editor-1440');
    if (wide) await page.screenshot({ path: wide, fullPage: true });
    await context.close();
  }, 300_000);
});
