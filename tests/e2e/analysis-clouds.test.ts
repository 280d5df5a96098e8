import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, scrollsSideways } from './axe.ts';
import { programmeUrl, startWorld, type E2eWorld } from './harness.ts';

const SHOTS = process.env.COHEAR_SHOTS_DIR;

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop');
});
afterAll(async () => {
  await world?.close();
});

async function signedIn(width = 1366, height = 900): Promise<Page> {
  // bypassCSP only so that axe-core can be injected; the app itself runs under its own policy.
  const context = await world.browser.newContext({ bypassCSP: true, viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
  await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('word clouds screen', () => {
  it('draws the cloud, and a word picked by keyboard or by a click on the cloud shows its notes', async () => {
    const page = await signedIn();
    await page.goto(programmeUrl(world, 'analysis/clouds'));
    await page.getByRole('heading', { level: 1, name: 'Word clouds' }).waitFor();
    const canvas = page.getByTestId('word-cloud');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="word-cloud"]')?.getAttribute('data-drawn') === 'true',
      undefined,
      { timeout: 60_000 },
    );
    await shot(page, 'clouds-1366');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Keyboard: the table is one tab stop; arrows move, Enter picks the word.
    const table = page.getByRole('grid', { name: /Words of Whole programme/ });
    const firstWord = (await table.getByRole('rowheader').first().textContent())!.trim();
    await table.getByRole('row').nth(1).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', {
      name: new RegExp(`Notes that say "${firstWord}"`),
    });
    await heading.waitFor();
    const notes = page.getByTestId('word-notes').getByRole('listitem');
    expect(await notes.count()).toBeGreaterThan(0);
    for (const text of await notes.locator('p:first-child').allTextContents()) {
      expect(text.toLowerCase()).toContain(firstWord.split(' ')[0]!.slice(0, 4).toLowerCase());
    }

    // Mouse: a click on the cloud's largest word (drawn first, in the middle) shows its notes.
    const box = (await canvas.boundingBox())!;
    await page.getByRole('radio', { name: 'Distinctive words' }).check();
    await page.getByLabel('Notes from').selectOption('polarity-do-not-want');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="word-cloud"]')?.getAttribute('data-drawn') === 'true',
      undefined,
      { timeout: 60_000 },
    );
    const topDistinctive = (await page
      .getByRole('grid')
      .getByRole('rowheader')
      .first()
      .textContent())!.trim();
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const clicked = page.getByRole('heading', { name: /Notes that say "/ });
    await clicked.waitFor();
    expect(await clicked.textContent()).toContain(`"${topDistinctive}"`);
    // Focus follows the click to the list it opened.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await shot(page, 'clouds-distinctive-1366');
    expect(await axeViolations(page)).toEqual([]);

    // Narrowest facilitator width: nothing scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'clouds-1024');
    await page.context().close();
  });

  it('leaves words of the stop list out, and refuses a bad entry beside the field', async () => {
    const page = await signedIn();
    await page.goto(programmeUrl(world, 'analysis/clouds'));
    const table = page.getByRole('grid', { name: /Words of Whole programme/ });
    await table.waitFor({ timeout: 60_000 });
    const top = (await table.getByRole('rowheader').first().textContent())!.trim();
    const box = page.getByLabel('Words and phrases to leave out');
    await box.fill('one two three four');
    await page.getByRole('button', { name: 'Save the list' }).click();
    await page.getByText(/expected one to three words/).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.fill(top);
    await page.getByRole('button', { name: 'Save the list' }).click();
    await page.waitForFunction(
      (w) =>
        ![...document.querySelectorAll('[role="rowheader"]')].some(
          (c) => c.textContent?.trim() === w,
        ),
      top,
      { timeout: 60_000 },
    );
    await page.context().close();
  });
});

describe('who took part screen', () => {
  it('shows each field with its prefer-not-to-say share, attendance, and gaps against the census', async () => {
    const page = await signedIn();
    await page.goto(programmeUrl(world, 'analysis/representation'));
    await page.getByRole('heading', { level: 1, name: 'Who took part' }).waitFor();
    await page
      .getByRole('heading', { name: /Compared with Census 2021, England and Wales/ })
      .waitFor();
    const score = await page.getByTestId('representation-score').textContent();
    expect(score).toMatch(/Representation score: \d\.\d\d/);
    const gaps = page.getByTestId('gaps-ethnicity');
    const gapCells = await gaps.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(gapCells.length).toBe(5);
    expect(gapCells.some((g) => g !== '0' && g !== '+0')).toBe(true);
    // Age is compared in the programme's own bands, from the census's five-year groups.
    const ageBands = await page.getByTestId('gaps-ageBand').locator('tbody th').allTextContents();
    expect(ageBands).toEqual([
      'Under 18',
      '18-24',
      '25-34',
      '35-44',
      '45-54',
      '55-64',
      '65-74',
      '75 and over',
    ]);
    const ageReference = await page
      .getByTestId('gaps-ageBand')
      .locator('tbody td:nth-child(4)')
      .allTextContents();
    expect(ageReference).toEqual([
      '20.8%',
      '8.3%',
      '13.5%',
      '13%',
      '13.3%',
      '12.6%',
      '9.9%',
      '8.6%',
    ]);
    await page
      .getByTestId('representation-notes')
      .getByText(/"Under 18" and "18-24" are estimated/)
      .waitFor();
    await page
      .getByText(/prefer not to say: \d+%/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Registered and attended, by session' }).waitFor();
    await shot(page, 'representation-1366');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // A local reference: a total that is not 100 is refused beside the field, then accepted.
    await page.getByRole('button', { name: 'Enter a local reference' }).click();
    await page.getByLabel('Name of the population').fill('Our ICB');
    await page.getByLabel('Where the figures come from').fill('ICB population health team, 2025');
    await page.getByLabel('Female (women)').fill('60');
    await page.getByRole('button', { name: 'Save the reference' }).click();
    await page
      .getByRole('alert')
      .getByText(/add up to 109, not 100/)
      .waitFor();
    await shot(page, 'representation-reference-error');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Male (men)').fill('40');
    await page.getByRole('button', { name: 'Save the reference' }).click();
    await page.getByRole('heading', { name: 'Compared with Our ICB' }).waitFor();
    const female = await page
      .getByTestId('gaps-gender')
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(2)
      .textContent();
    expect(female).toBe('60%');

    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'representation-1024');
    await page.context().close();
  });

  it('refuses recommended questions that would drop answers people gave, saying which', async () => {
    const page = await signedIn();
    await page.goto(programmeUrl(world, 'analysis/representation'));
    await page.getByRole('button', { name: 'Start from the recommended questions' }).click();
    await page.getByRole('group', { name: /Question 2: Age/ }).waitFor();
    // The demo's people gave the old age bands: saving must say so and change nothing.
    await page.getByRole('button', { name: 'Save the questions' }).click();
    await page
      .getByRole('alert')
      .getByText(/which the new list does not offer/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'representation-fields-error');
    await page.context().close();
  });
});
