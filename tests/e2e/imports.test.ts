import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../collab-server/store/index.ts';
import { axeViolations, scrollsSideways } from './axe.ts';
import { notesInStore, programmeUrl, startWorld, type E2eWorld } from './harness.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'imports');
const SHOTS = '/work/notes/shots/imports';
/** Names and emails in the fixtures: none may reach a document or the update log. */
const PERSONAL = [
  'Ada Testperson',
  'Bram Samplewood',
  'Fay Facilitatorova',
  'Gus Guestspeaker',
  'ada.testperson@example.org',
  'bram.samplewood@example.org',
];

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop');
});
afterAll(async () => {
  await world?.close();
});

async function signedInPage(width: number): Promise<Page> {
  // bypassCSP: axe is injected as a script, which the pages' policy forbids.
  const context = await world.browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
  await page.getByRole('heading', { name: 'Programmes' }).waitFor({ timeout: 60_000 });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Every stored Yjs update and snapshot of the data folder, as one buffer to search. */
function updateLog(): Buffer {
  const db = new Database(path.join(world.dataDir, 'cohear.sqlite'), { readonly: true });
  try {
    const updates = db.prepare('SELECT update_data AS b FROM doc_updates').all() as { b: Buffer }[];
    const snaps = db.prepare('SELECT state AS b FROM doc_snapshots').all() as { b: Buffer }[];
    return Buffer.concat([...updates, ...snaps].map((r) => r.b));
  } finally {
    db.close();
  }
}

function contactsOf(emails: string[]): number {
  const store = Store.openFolder(world.dataDir);
  try {
    return (
      store.db
        .prepare(
          `SELECT COUNT(*) AS n FROM participant_contacts WHERE email IN (${emails.map(() => '?').join(',')})`,
        )
        .get(...emails) as { n: number }
    ).n;
  } finally {
    store.close();
  }
}

describe('imports in the app', () => {
  it('imports an attendee list from the People screen after the columns are decided, and undoes it', async () => {
    const page = await signedInPage(1024);
    await page.goto(programmeUrl(world, 'people'));
    await page.getByRole('link', { name: 'Import attendees or notes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import people or notes' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page
      .locator('input[type=file]')
      .setInputFiles(path.join(FIXTURES, 'eventbrite-attendees.csv'));
    await page.getByText('eventbrite-attendees.csv').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    // "Dietary needs" is no column Cohear knows: the error sits beside its choice.
    const dietary = page.getByLabel('O: Dietary needs');
    await dietary.waitFor({ timeout: 60_000 });
    expect(await dietary.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Cohear does not know the column "Dietary needs"').first().waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'people-import-mapping-1024');
    await dietary.selectOption('ignore');
    await page.getByText('5 new people').waitFor({ timeout: 60_000 });
    await page.getByText('"Klingon" is none of the answers to "Ethnicity"').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('p.card[role=status]')
      .filter({ hasText: 'Imported: 5 rows read, 5 people added' })
      .waitFor({ timeout: 60_000 });
    expect(contactsOf(['ada.testperson@example.org', 'cleo.fj@example.org'])).toBe(2);
    await shot(page, 'people-import-done-1024');

    // The same file again adds nobody.
    await page
      .locator('input[type=file]')
      .setInputFiles(path.join(FIXTURES, 'eventbrite-attendees.csv'));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByLabel('O: Dietary needs').selectOption('ignore');
    await page
      .getByText('0 new people, 0 already here to update, 5 already up to date')
      .waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click();
    await page.getByText('The last import was undone.').first().waitFor({ timeout: 60_000 });
    expect(contactsOf(['ada.testperson@example.org', 'cleo.fj@example.org'])).toBe(0);
    await page.context().close();
  });

  it('imports a Teams transcript into a session with every speaker mapped, keeping no name, and adds nothing the second time', async () => {
    const session = world.demo.sessions[0]!.session;
    const before = notesInStore(world).get(session.id)!.length;
    const page = await signedInPage(1024);
    await page.goto(programmeUrl(world, `sessions/${session.id}/import`));
    await page.getByRole('heading', { level: 1, name: 'Import a transcript' }).waitFor();
    // Reading without a file says what is missing, beside the button.
    await page.getByRole('button', { name: 'Read the transcript' }).click();
    await page.getByText('Choose the transcript to import.').first().waitFor();
    await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'teams.vtt'));
    await page.getByRole('button', { name: 'Read the transcript' }).click();
    await page.getByText('5 turns by 4 speakers.').waitFor({ timeout: 60_000 });
    // Importing with speakers undecided is refused, naming what to do.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'speakers are not mapped' })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByText('Choose who this is, or leave them out').count()).toBeGreaterThan(
      0,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Fay Facilitatorova').selectOption('facilitator');
    await page.getByLabel('Ada Testperson').selectOption('new');
    await page.getByLabel('Descriptor for Ada Testperson').fill('Resident 21');
    await page.getByLabel('Bram Samplewood').selectOption({ index: 4 });
    await page.getByLabel('Gus Guestspeaker').selectOption('leave-out');
    await page.getByText('One step for every note').click();
    await page.getByLabel('Step', { exact: true }).selectOption({ index: 1 });
    await page.getByText('New participants agreed').click();
    // Every speaker now chosen: the server re-checks the choices and the refusal goes.
    await page.locator('.error-summary').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByText('Choose who this is, or leave them out').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'transcript-import-speakers-1024');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('p.card[role=status]')
      .filter({ hasText: 'Imported: 4 notes added' })
      .waitFor({ timeout: 60_000 });
    await shot(page, 'transcript-import-done-1024');
    const notes = notesInStore(world).get(session.id)!;
    expect(notes.length).toBe(before + 4);
    const stored = JSON.stringify(notes) + updateLog().toString('latin1');
    for (const s of PERSONAL) expect(stored).not.toContain(s);

    // The same transcript again, Ada now the participant the first import made: nothing added.
    await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'teams.vtt'));
    await page.getByRole('button', { name: 'Read the transcript' }).click();
    await page.getByText('5 turns by 4 speakers.').waitFor({ timeout: 60_000 });
    await page.getByLabel('Fay Facilitatorova').selectOption('facilitator');
    await page.getByLabel('Ada Testperson').selectOption({ label: 'Resident 21' });
    await page.getByLabel('Bram Samplewood').selectOption({ index: 4 });
    await page.getByLabel('Gus Guestspeaker').selectOption('leave-out');
    await page.getByText('One step for every note').click();
    await page.getByLabel('Step', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('p.card[role=status]')
      .filter({ hasText: 'Imported: 4 notes already there' })
      .waitFor({ timeout: 60_000 });
    expect(notesInStore(world).get(session.id)!.length).toBe(before + 4);
    await page.context().close();
  });

  it('imports notes typed up from paper after a preview, shows them on the board, adds nothing the second time, and undoes the import', async () => {
    const session = world.demo.sessions[1]!.session;
    const before = notesInStore(world).get(session.id)!.length;
    const page = await signedInPage(1024);
    const chooseFile = async () => {
      await page.goto(programmeUrl(world, 'people/import'));
      await page.getByRole('heading', { level: 1, name: 'Import people or notes' }).waitFor();
      await page.getByText('Notes typed up from flip charts or sticky notes').click();
      await page.getByLabel('Notes from').selectOption(session.id);
      await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'paper-notes.csv'));
      await page.getByText('paper-notes.csv').waitFor();
      await page.getByText('People named in the').click();
      await page.getByRole('button', { name: 'Check the file' }).click();
    };
    const onBoard = async (text: string) => {
      await page.goto(programmeUrl(world, 'analysis'));
      await page.getByRole('heading', { level: 1, name: 'Board' }).waitFor();
      await page.getByLabel('Search', { exact: true }).fill(text);
      const grid = page.getByRole('grid', { name: 'Notes' });
      // The board filters as the documents sync; give it time to settle on the count.
      await page.waitForTimeout(1500);
      return grid.getByRole('row').filter({ hasText: text }).count();
    };

    await chooseFile();
    // The preview: what each column was taken to hold, and what would be added.
    await page.getByText('4 rows. 4 new notes').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('A: Note').inputValue()).toBe('text');
    expect(await page.getByLabel('B: Want or do not want').inputValue()).toBe('polarity');
    expect(await page.getByLabel('C: Themes').inputValue()).toBe('themes');
    expect(await page.getByLabel('E: Who said it').inputValue()).toBe('who');
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'notes-import-preview-1024');
    expect(notesInStore(world).get(session.id)!.length).toBe(before);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('p.card[role=status]')
      .filter({ hasText: 'Imported: 4 notes added' })
      .waitFor({ timeout: 60_000 });
    expect(notesInStore(world).get(session.id)!.length).toBe(before + 4);
    await expect
      .poll(() => onBoard('Evening and weekend appointments'), { timeout: 60_000 })
      .toBe(1);
    // A formula is a note of its own text, never its result.
    expect(
      notesInStore(world)
        .get(session.id)!
        .some((n) => n.text === '=1+1'),
    ).toBe(true);

    // The same file again: the preview says the notes are there, and importing adds none.
    await chooseFile();
    await page.getByText('4 rows. 0 new notes, 4 already there').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('p.card[role=status]')
      .filter({ hasText: 'Imported: 4 notes already there' })
      .waitFor({ timeout: 60_000 });
    expect(notesInStore(world).get(session.id)!.length).toBe(before + 4);
    expect(await onBoard('Evening and weekend appointments')).toBe(1);

    // Undo: the import that added the notes is the last one (the second changed nothing).
    await page.goto(programmeUrl(world, 'people/import'));
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click();
    await page.getByText('The last import was undone.').first().waitFor({ timeout: 60_000 });
    expect(notesInStore(world).get(session.id)!.length).toBe(before);
    await expect
      .poll(() => onBoard('Evening and weekend appointments'), { timeout: 60_000 })
      .toBe(0);
    await page.context().close();
  });

  it('lays out the import screens without sideways scrolling at 1024 px and wider', async () => {
    const session = world.demo.sessions[0]!.session;
    for (const width of [1024, 1440]) {
      const page = await signedInPage(width);
      await page.goto(programmeUrl(world, 'people/import'));
      await page.getByRole('heading', { level: 1, name: 'Import people or notes' }).waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `people-import-${width}`);
      await page
        .locator('input[type=file]')
        .setInputFiles(path.join(FIXTURES, 'eventbrite-attendees.csv'));
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByLabel('O: Dietary needs').waitFor({ timeout: 60_000 });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `people-import-mapping-${width}`);

      await page.goto(programmeUrl(world, `sessions/${session.id}/import`));
      await page.getByRole('heading', { level: 1, name: 'Import a transcript' }).waitFor();
      await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'teams.vtt'));
      await page.getByRole('button', { name: 'Read the transcript' }).click();
      await page.getByText('5 turns by 4 speakers.').waitFor({ timeout: 60_000 });
      await page.getByLabel('Bram Samplewood').selectOption({ index: 4 });
      // The chosen person's descriptor shows whole in its select (cohorts head the groups).
      const select = page.getByLabel('Bram Samplewood');
      const room = await select.evaluate((el) => {
        const s = el as HTMLSelectElement;
        const style = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const inside =
          s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return {
          text: s.selectedOptions[0]!.text,
          width: ctx.measureText(s.selectedOptions[0]!.text).width,
          inside,
        };
      });
      expect(room.width, room.text).toBeLessThanOrEqual(room.inside);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `transcript-import-speakers-${width}`);
      await page.context().close();
    }
    expect(readFileSync(path.join(SHOTS, 'people-import-1024.png')).byteLength).toBeGreaterThan(0);
  });
});
