import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, scrollsSideways } from './axe.ts';
import {
  facilitatorPage,
  joinAndConsent,
  phonePage,
  startWorld,
  type E2eWorld,
} from './harness.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop', { empty: true });
});
afterAll(async () => world?.close());

const SERIES = 'Back pain: planning the MSK pathway together';

/** Plans the five-session co-production series from the app's own form; returns its address. */
async function planSeries(page: Page): Promise<string> {
  await page.getByLabel(/Co-production group: five online sessions/).check();
  await page.getByLabel('Title').fill(SERIES);
  await page.getByLabel('Organisation').fill('Demoshire MSK Network (fictional)');
  await page.getByLabel('First session').fill('2027-02-01');
  await page.getByRole('button', { name: 'Create programme' }).click();
  await page.getByRole('heading', { level: 1, name: SERIES }).waitFor();
  return new URL(page.url()).pathname;
}

async function openPlanner(page: Page, base: string, title: RegExp | string): Promise<void> {
  await page.goto(`${world.server.url}${base}/sessions`);
  await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: 'Agenda' }).waitFor();
}

describe('planning a programme in the facilitator workspace', () => {
  let base = '';

  it('plans a five-session series, makes Meg with four stages, and a changed prompt reaches a phone', async () => {
    const page = await facilitatorPage(world);
    base = await planSeries(page);
    await page.goto(`${world.server.url}${base}/sessions`);
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    expect(await page.locator('.sessions-table tbody tr').count()).toBe(5);

    // The first persona session: replace the template's persona with Meg and four stages.
    await openPlanner(page, base, /shoes, part 1/);
    await page.getByRole('button', { name: 'Replace with a new persona…' }).click();
    await page.getByRole('button', { name: 'Start a new persona' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Meg');
    await page
      .getByLabel('Short story')
      .fill('Meg is 58, cares for her grandson and works in a shop.');
    // Stage 5 is walked through only in part 2, so it can go from this session's persona.
    await page.getByRole('button', { name: 'Remove stage 5' }).click();
    const stages = [
      ['Back pain starts', 'Where would Meg want to turn first?'],
      ['Seeing the GP', 'What would make this first appointment work for Meg?'],
      ['Waiting for physiotherapy', 'What would help Meg while she waits?'],
      ['Physiotherapy', 'What would make the sessions fit around Meg’s life?'],
    ];
    for (const [i, [title, question]] of stages.entries()) {
      await page.locator(`#persona-stage-${i}-title`).fill(title as string);
      await page.locator(`#persona-stage-${i}-question`).fill(question as string);
    }
    await page.getByRole('button', { name: 'Save persona' }).click();
    await page.getByRole('heading', { name: 'Persona: Meg' }).waitFor();
    expect(await page.locator('.stage-list > li').count()).toBe(4);

    // The first session: add a theme discussion with a question, and run it.
    await openPlanner(page, base, 'Introducing co-production, and our stories');
    await page.getByRole('button', { name: /Add a step/ }).click();
    await page.getByRole('menuitem', { name: 'Theme discussion' }).click();
    await page.locator('#step-title').fill('Getting an appointment');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.locator('#step-questions-0').fill('What gets in the way of booking?');
    await page
      .getByRole('button', { name: /Add “How will you tell us we got it right\?”/ })
      .click();
    await page.getByRole('button', { name: 'Save step' }).click();
    await page.getByRole('row', { name: /Getting an appointment/ }).waitFor();

    await page.getByRole('link', { name: 'Run the room' }).click();
    await page.getByRole('button', { name: 'Open for joining' }).click();
    const code = (await page.getByTestId('join-code').textContent()) ?? '';
    await page
      .getByRole('listbox', { name: 'Agenda' })
      .getByRole('option', { name: /Getting an appointment/ })
      .click();
    const phone = await phonePage(world);
    await joinAndConsent(phone, world, code);
    await phone.getByText('What gets in the way of booking?').waitFor();

    // Edit the prompt in the planner while the room is at that step: the phone follows.
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByRole('row', { name: /Getting an appointment/ }).click();
    await page.locator('#step-questions-0').fill('What gets in the way of booking an appointment?');
    await page.getByRole('button', { name: 'Save step' }).click();
    await phone.getByText('What gets in the way of booking an appointment?').waitFor();
    await phone.close();
    await page.close();
  });

  it('writes and confirms a debrief, and the debrief .docx carries it', async () => {
    const page = await facilitatorPage(world);
    await openPlanner(page, base, 'Introducing co-production, and our stories');
    await page.getByRole('link', { name: 'Debrief' }).click();
    await page.getByRole('heading', { level: 1, name: /Debrief:/ }).waitFor();
    await page.getByLabel('Recording (or notes) reviewed').check();
    await page.getByLabel('Key message 1').fill('People want one number to call.');
    await page.getByLabel('The group confirmed that this is what they said').check();
    await page.getByLabel('Confirmed on').fill('2027-02-10');
    await page.getByRole('button', { name: 'Save debrief' }).click();
    await page.getByText('Debrief confirmed with the group on Wed, 10 Feb 2027').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Key message 1').inputValue())
      .toBe('People want one number to call.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the debrief (.docx)' }).click(),
    ]);
    const file = await download.path();
    const { value } = await mammoth.extractRawText({ path: file });
    expect(value).toContain('People want one number to call.');
    await page.close();
  });

  it('refuses bad input beside the field, announced, and saves nothing', async () => {
    const page = await facilitatorPage(world);
    await page.goto(`${world.server.url}${base}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.locator('#programme-title').fill('');
    await page.locator('#programme-startDate').fill('2027-03-01');
    await page.locator('#programme-endDate').fill('2027-02-01');
    await page.getByRole('button', { name: 'Save details' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByText('Enter a title for the programme.').first().waitFor();
    expect(await page.locator('#programme-title').getAttribute('aria-invalid')).toBe('true');
    // Fix the title: the date rule still refuses, and the title typed is kept.
    await page.locator('#programme-title').fill('A new title');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('The end date must be on or after the start date.').first().waitFor();
    expect(await page.locator('#programme-title').inputValue()).toBe('A new title');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SERIES }).waitFor();

    // A session of zero minutes is refused; its other fields stay as typed.
    await openPlanner(page, base, 'What we heard');
    await page.locator('#session-durationMinutes').fill('0');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('A session must last at least one minute.').first().waitFor();
    expect(await page.locator('#session-durationMinutes').getAttribute('aria-invalid')).toBe(
      'true',
    );

    // A persona with no stages is refused.
    await openPlanner(page, base, /shoes, part 2/);
    for (let n = await page.locator('.stage-list > li').count(); n > 0; n--)
      await page.getByRole('button', { name: `Remove stage ${n}` }).click();
    await page.getByRole('button', { name: 'Save persona' }).click();
    await page
      .getByText(/The agenda walks through|A persona needs at least one stage/)
      .first()
      .waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /Persona: / }).waitFor();
    expect(await page.locator('.stage-list > li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps both edits when two facilitators change the same agenda at once', async () => {
    const a = await facilitatorPage(world);
    const b = await facilitatorPage(world);
    await openPlanner(a, base, 'What we learnt and what happens next');
    await openPlanner(b, base, 'What we learnt and what happens next');
    await a.getByRole('row', { name: /What we learnt/ }).click();
    await b.getByRole('row', { name: /Short- and long-term next steps/ }).click();
    await a.locator('#step-title').fill('What we learnt together');
    await b.locator('#step-minutes').fill('40');
    await Promise.all([
      a.getByRole('button', { name: 'Save step' }).click(),
      b.getByRole('button', { name: 'Save step' }).click(),
    ]);
    for (const page of [a, b]) {
      await page.getByRole('row', { name: /What we learnt together/ }).waitFor();
      await page
        .locator('.step-item', { hasText: 'Short- and long-term next steps' })
        .filter({ hasText: '40 min' })
        .waitFor();
    }
    await a.close();
    await b.close();
  });

  it('lets the planner be used by keyboard alone, and every planning screen passes axe', async () => {
    const context = await world.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    for (const screen of ['', '/sessions', '/settings']) {
      await page.goto(`${world.server.url}${base}${screen}`);
      await page.locator('#page-title').waitFor();
      expect(await axeViolations(page), screen || 'overview').toEqual([]);
    }
    await openPlanner(page, base, 'What we learnt and what happens next');
    expect(await axeViolations(page), 'planner').toEqual([]);

    // Keyboard: the step list is one tab stop; arrows move, Move down reorders.
    const list = page.getByRole('grid', { name: 'Agenda steps' });
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('#step-editor-heading').textContent()).toContain('Step 2');
    await page.locator('#step-title').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Next steps');
    await page.keyboard.press('Enter');
    await page.getByRole('row', { name: /Next steps/ }).waitFor();
    await page.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.step-item .step-title').first().textContent())
      .toBe('Next steps');
    const debrief = page.getByRole('link', { name: 'Debrief' });
    await debrief.click();
    await page.locator('#page-title').waitFor();
    expect(await axeViolations(page), 'debrief').toEqual([]);
    for (const width of [1024, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await scrollsSideways(page)).toBe(false);
    }
    await context.close();
  });
});
