import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLARITY_LABELS, type Polarity } from '../../core/index.ts';
import { axeViolations, scrollsSideways } from './axe.ts';
import {
  facilitatorPage,
  notesInStore,
  programmeUrl,
  startWorld,
  type E2eWorld,
} from './harness.ts';

const SHOTS = process.env.COHEAR_SHOTS;

let world: E2eWorld;
const storeNote = (id: string) => [...notesInStore(world).values()].flat().find((n) => n.id === id);
beforeAll(async () => {
  world = await startWorld('desktop');
});
afterAll(async () => {
  await world?.close();
});

describe('the analysis board', () => {
  it('tags a note with a sub-theme by keyboard alone, and passes axe', async () => {
    const page = await facilitatorPage(world);
    await page.goto(programmeUrl(world, 'analysis'));
    await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
    const grid = page.getByRole('grid', { name: 'Notes' });
    await grid.getByRole('row').first().waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-demo-1366x900.png` });

    // Keyboard only: Tab into the grid, move down, press T, type part of a sub-theme's name.
    const sub = world.demo.codebook.find((t) => t.parentId !== null)!;
    await grid.getByRole('row').first().focus();
    await page.keyboard.press('ArrowDown');
    const row = page.locator('.note-row[data-focused]');
    const noteId = (await row.getAttribute('data-key'))!;
    const before = world.demo.sessions.flatMap((s) => s.notes).find((n) => n.id === noteId)!;
    const adding = !before.themeIds.includes(sub.id);
    await page.keyboard.press('t');
    const combo = page.getByRole('dialog').getByRole('combobox', { name: 'Theme' });
    await combo.waitFor();
    await page.keyboard.type(sub.name.slice(0, 6));
    const popup = page.locator('.popover');
    await popup
      .getByRole('option', { name: new RegExp(sub.name) })
      .first()
      .waitFor();
    // The first match may be another theme sharing the letters: move to ours.
    const options = await popup.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.endsWith(sub.name));
    for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await combo.waitFor({ state: 'detached' });
    // Focus is back on the same note.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[data-key]')?.getAttribute('data-key'),
      ),
    ).toBe(noteId);
    await expect
      .poll(() => storeNote(noteId)?.themeIds.includes(sub.id), { timeout: 20_000 })
      .toBe(adding);
    await page.close();
  });
});

describe('merged notes', () => {
  it('merges two notes with M and separates one again from the detail pane', async () => {
    const page = await facilitatorPage(world);
    await page.goto(programmeUrl(world, 'analysis'));
    const grid = page.getByRole('grid', { name: 'Notes' });
    await grid.getByRole('row').first().waitFor({ timeout: 30_000 });
    await grid.getByRole('row').nth(4).focus();
    const keptId = (await page.locator('.note-row[data-focused]').getAttribute('data-key'))!;
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowDown');
    const otherId = (await page.locator('.note-row[data-focused]').getAttribute('data-key'))!;
    expect(otherId).not.toBe(keptId);
    await page.keyboard.press('m');
    await expect.poll(() => storeNote(otherId)?.mergedInto, { timeout: 20_000 }).toBe(keptId);
    const kept = page.locator(`.note-row[data-key="${keptId}"]`);
    await kept.getByText('+1 said the same').waitFor({ timeout: 20_000 });
    await kept.focus();
    const separate = page
      .getByRole('list', { name: 'Merged into this statement' })
      .getByRole('button', { name: /^Separate/ });
    await separate.waitFor({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    await separate.press('Enter');
    await expect.poll(() => storeNote(otherId)?.mergedInto ?? null, { timeout: 20_000 }).toBe(null);
    await page.locator(`.note-row[data-key="${otherId}"]`).waitFor({ timeout: 20_000 });
    // Focus went back to the statement on the board, not to the page's top.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[data-key]')?.getAttribute('data-key'),
      ),
    ).toBe(keptId);
    await page.close();
  });
});

describe('the analysis screens', () => {
  it('accepts a suggestion with one key', async () => {
    const page = await facilitatorPage(world);
    await page.goto(programmeUrl(world, 'analysis'));
    const grid = page.getByRole('grid', { name: 'Notes' });
    await grid.getByRole('row').first().waitFor({ timeout: 30_000 });
    await grid.getByRole('row').nth(2).focus();
    const noteId = (await page.locator('.note-row[data-focused]').getAttribute('data-key'))!;
    // Suggestions come a moment after the board settles; the first is marked "A:".
    const first = page.getByRole('list', { name: 'Suggested themes' }).getByRole('button').first();
    await first.waitFor({ timeout: 30_000 });
    const label = (await first.textContent())!;
    expect(label).toMatch(/^A: Add /);
    const path = label.replace(/^A: Add /, '');
    const theme = world.demo.codebook.find((t) => path.endsWith(t.name))!;
    // The suggestion's polarity comes with it on the same key.
    const said = (await page.getByText(/^Polarity suggested:/).textContent()) ?? '';
    const polarity = (Object.entries(POLARITY_LABELS) as [Polarity, string][]).find(([, l]) =>
      said.includes(`suggested: ${l} (`),
    )?.[0];
    expect(polarity).toBeDefined();
    await grid.getByRole('row').nth(2).focus();
    const had = storeNote(noteId)!.themeIds.includes(theme.id);
    await page.keyboard.press('a');
    await expect
      .poll(() => storeNote(noteId)?.themeIds.includes(theme.id), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => storeNote(noteId)?.polarity, { timeout: 20_000 }).toBe(polarity);
    if (!had) expect(storeNote(noteId)!.themeIds.length).toBeGreaterThan(0);
    // Nothing else was tagged: only the focused note changed.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keys on the board' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('merges two themes and the counts move', async () => {
    const page = await facilitatorPage(world);
    await page.goto(programmeUrl(world, 'analysis/codebook'));
    await page.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor();
    const list = page.getByRole('grid', { name: 'Themes' });
    await list.getByRole('row').first().waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/codebook-1366x900.png` });
    const roots = world.demo.codebook.filter((t) => t.parentId === null);
    const [keep, gone] = [roots[2]!, roots[3]!];
    const countOf = async (name: string) =>
      (await list
        .getByRole('row')
        .filter({ hasText: name })
        .first()
        .locator('.count')
        .textContent())!;
    const keptBefore = Number((await countOf(keep.name)).split('/')[0]);
    const goneBefore = Number((await countOf(gone.name)).split('/')[0]);
    await list.getByRole('row').filter({ hasText: gone.name }).first().click();
    await page.getByLabel(`Merge "${gone.name}" into`).selectOption({ label: keep.name });
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Merge' }).click();
    await expect
      .poll(async () => list.getByRole('row').filter({ hasText: gone.name }).count())
      .toBe(0);
    const keptAfter = Number((await countOf(keep.name)).split('/')[0]);
    expect(keptAfter).toBeGreaterThan(keptBefore);
    expect(keptAfter).toBeLessThanOrEqual(keptBefore + goneBefore);
    await page.close();
  });

  it('a click on a key theme table cell shows exactly the notes it counts', async () => {
    const page = await facilitatorPage(world);
    await page.goto(programmeUrl(world, 'analysis/table'));
    await page.getByRole('heading', { level: 1, name: 'Key theme table' }).waitFor();
    const table = page.getByRole('table', { name: /Key themes/ });
    await table.waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/table-1366x900.png` });
    const cell = table.getByRole('button', { name: /What people do NOT want to see/ }).first();
    const n = Number(await cell.textContent());
    await cell.click();
    const region = page.getByRole('region', { name: /do NOT want/ });
    await region.waitFor();
    expect(await region.getByRole('listitem').count()).toBe(n);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-notes-title');
    await page.close();
  });

  it('two facilitators tag at once and both tags survive', async () => {
    const [one, two] = [await facilitatorPage(world), await facilitatorPage(world)];
    for (const p of [one, two]) {
      await p.goto(programmeUrl(world, 'analysis'));
      await p
        .getByRole('grid', { name: 'Notes' })
        .getByRole('row')
        .first()
        .waitFor({ timeout: 30_000 });
    }
    const gridOf = (p: typeof one) => p.getByRole('grid', { name: 'Notes' });
    // One sets the theme and the other the polarity of the same note; one more tags another note.
    await gridOf(one).getByRole('row').nth(4).focus();
    await gridOf(two).getByRole('row').nth(4).focus();
    const noteId = (await one.locator('.note-row[data-focused]').getAttribute('data-key'))!;
    expect(await two.locator('.note-row[data-focused]').getAttribute('data-key')).toBe(noteId);
    const before = storeNote(noteId)!;
    const ninth = world.demo.codebook.length >= 9 ? 9 : 1;
    await Promise.all([
      one.keyboard.press(String(ninth)),
      two.keyboard.press(before.polarity === 'want' ? 'd' : 'w'),
    ]);
    await gridOf(two).getByRole('row').nth(5).focus();
    const other = (await two.locator('.note-row[data-focused]').getAttribute('data-key'))!;
    const otherBefore = storeNote(other)!;
    await two.keyboard.press('1');
    await expect
      .poll(
        () => {
          const n = storeNote(noteId)!;
          const o = storeNote(other)!;
          return (
            n.polarity !== before.polarity &&
            n.themeIds.length !== before.themeIds.length &&
            o.themeIds.length !== otherBefore.themeIds.length
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    // Now both add a different theme to the same note at the same moment: both stay.
    const palette = await one
      .locator('.theme-palette-item')
      .evaluateAll((els) => els.slice(0, 9).map((e) => e.getAttribute('data-key')));
    const has = storeNote(noteId)!.themeIds;
    const free = palette.flatMap((id, i) => (id && !has.includes(id) ? [i] : []));
    const [i, j] = free as [number, number];
    await gridOf(one).locator(`[data-key="${noteId}"]`).focus();
    await gridOf(two).locator(`[data-key="${noteId}"]`).focus();
    await Promise.all([one.keyboard.press(String(i + 1)), two.keyboard.press(String(j + 1))]);
    await expect
      .poll(
        () => {
          const ids = storeNote(noteId)!.themeIds;
          return ids.includes(palette[i]!) && ids.includes(palette[j]!);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    // Both screens show the same tags.
    const row = (p: typeof one) => gridOf(p).locator(`[data-key="${noteId}"]`);
    await expect
      .poll(async () => (await row(one).textContent()) === (await row(two).textContent()), {
        timeout: 20_000,
      })
      .toBe(true);
    await one.close();
    await two.close();
  });
});
