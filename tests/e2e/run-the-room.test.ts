import mammoth from 'mammoth';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionDoc, type AgendaStep } from '../../core/index.ts';
import { Store, exportSnapshot } from '../../collab-server/store/index.ts';
import { buildExport } from '../../exports/build-export.ts';
import { axeViolations } from './axe.ts';
import { joinAndConsent, phonePage, programmeUrl, startWorld, type E2eWorld } from './harness.ts';

const SHOTS = '/work/notes/shots/room';
const SID = 'session-02';
let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

/** The planner is another screen: a story-round step is added the way it would save one. */
async function addStoryStep(): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${world.server.url.replace(/^http/, 'ws')}/collab`,
    `session/${SID}`,
    doc,
    {
      params: { token: world.server.desktopSecret as string },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const session = new SessionDoc(doc);
  const story: AgendaStep = {
    id: 'step-stories',
    type: 'story-round',
    title: 'Your own story',
    minutes: 20,
    prompt: 'Tell us about the last time you used the service.',
  };
  session.setAgenda([...session.agenda(), story]);
  // Wait until the server has it (it answers a fresh sync with it).
  const check = new Y.Doc();
  const probe = new WebsocketProvider(
    `${world.server.url.replace(/^http/, 'ws')}/collab`,
    `session/${SID}`,
    check,
    {
      params: { token: world.server.desktopSecret as string },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => probe.once('sync', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!new SessionDoc(check).agenda().some((s) => s.id === story.id)) {
    if (Date.now() > deadline) throw new Error('story step never reached the server');
    await new Promise((r) => setTimeout(r, 50));
  }
  probe.destroy();
  provider.destroy();
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('running the room in real browsers', () => {
  it('projector, presence, timer, capture on behalf, story round, reflect-back outcome, closing', async () => {
    await addStoryStep();
    // axe is injected as a script, which the pages' own policy rightly forbids: bypass it here.
    const context = await world.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1366, height: 900 },
    });
    const fac = await context.newPage();
    await fac.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
    await fac.getByRole('heading', { name: 'Programmes' }).waitFor();
    await fac.goto(programmeUrl(world, `sessions/${SID}/run`));
    await fac.getByRole('heading', { name: /Run the room/ }).waitFor();
    await fac.getByRole('button', { name: 'Open for joining' }).click();
    const code = (await fac.getByTestId('join-code').textContent()) ?? '';
    expect(code.replace(/\s/g, '')).toMatch(/^\d{12}$/);
    // Focus stays on the control that replaced the one pressed.
    await fac.getByRole('button', { name: 'Close the session' }).waitFor();
    expect(await focusedId(fac)).toBe('');
    expect(await fac.evaluate(() => document.activeElement?.textContent)).toBe('Close the session');

    // The projector, in its own tab with no app chrome.
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1366, height: 768 });
    await projector.goto(programmeUrl(world, `sessions/${SID}/projector`));
    await projector.getByTestId('projector-code').filter({ hasText: code }).waitFor();
    expect(await projector.locator('nav').count()).toBe(0);

    // Two phones join: both screens count two participants (the facilitator is not one).
    const phones = [await phonePage(world), await phonePage(world)];
    for (const p of phones) await joinAndConsent(p, world, code);
    await projector
      .getByTestId('projector-count')
      .filter({ hasText: '2 people connected' })
      .waitFor({ timeout: 30_000 });
    await fac
      .getByTestId('present-count')
      .filter({ hasText: '2 participants connected' })
      .waitFor({ timeout: 30_000 });
    await fac.getByText('Live', { exact: true }).waitFor();

    // Run a step with the timer.
    const agenda = fac.getByRole('listbox', { name: 'Agenda' });
    await agenda.getByRole('option', { name: /Getting seen/ }).click();
    await phones[0]!.getByRole('heading', { name: /Getting seen/ }).waitFor();
    const timer = fac.locator('#timer-panel');
    await timer.getByRole('button', { name: 'Start' }).click();
    await timer.getByRole('button', { name: 'Pause' }).waitFor();
    await projector.locator('.projector-timer').waitFor();
    await timer.getByRole('button', { name: 'Pause' }).click();
    await timer.getByRole('button', { name: 'Reset' }).click();
    const minutes = Number((await timer.getByTestId('timer-clock').textContent())?.split(':')[0]);
    await timer.getByRole('button', { name: 'Add a minute' }).click();
    const plusOne = `${String(minutes + 1).padStart(2, '0')}:00`;
    await timer.getByTestId('timer-clock').filter({ hasText: plusOne }).waitFor();
    await projector
      .locator('.projector-timer')
      .filter({ hasText: plusOne })
      .waitFor({ timeout: 30_000 });

    // Capture on behalf of a participant, then of the group: Enter saves, focus stays in the box.
    const onBehalf = fac.getByRole('combobox', { name: 'Whose words' });
    const connected = await onBehalf.locator('optgroup[label="Connected now"] option').first();
    const firstDescriptor = (await connected.textContent()) ?? '';
    await onBehalf.selectOption({ label: firstDescriptor });
    const box = fac.getByRole('textbox', { name: 'What was said', exact: true });
    await box.fill('I waited nine weeks for a first appointment.');
    await box.press('Alt+4');
    await box.press('Enter');
    await fac.getByRole('row', { name: /nine weeks/ }).waitFor();
    expect(await focusedId(fac)).toBe('capture-text');
    expect(await box.inputValue()).toBe('');
    await onBehalf.selectOption('group');
    await box.fill('We all want evening appointments');
    await box.press('Shift+Enter');
    await box.pressSequentially('and a phone call back.');
    await box.press('Alt+1');
    await box.press('Alt+4');
    await box.press('Enter');
    await fac.getByRole('row', { name: /evening appointments/ }).waitFor();
    expect(await focusedId(fac)).toBe('capture-text');
    expect(await fac.getByRole('row', { name: /evening appointments/ }).textContent()).toContain(
      'the group',
    );
    expect(await fac.getByRole('row', { name: /nine weeks/ }).textContent()).toContain(
      firstDescriptor,
    );

    // A story round of three people: a third phone joins.
    phones.push(await phonePage(world));
    await joinAndConsent(phones[2]!, world, code);
    await fac
      .getByTestId('present-count')
      .filter({ hasText: '3 participants' })
      .waitFor({ timeout: 30_000 });
    await agenda.getByRole('option', { name: /Your own story/ }).click();
    const story = fac.locator('#story-panel');
    for (const label of await story.locator('label.choice-box').all()) await label.click();
    expect(await story.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await story.getByRole('textbox', { name: 'Minutes each' }).fill('2');
    await story.getByRole('button', { name: 'Start the round' }).click();
    await story.getByText('Turn 1 of 3').waitFor();
    await projector.getByText('Story 1 of 3').waitFor({ timeout: 30_000 });
    await story
      .getByLabel('Their story')
      .fill('My GP sent me to physio but the letter never came.');
    await story.getByRole('button', { name: 'Save story, next person' }).click();
    await story.getByText('Turn 2 of 3').waitFor();
    expect(await focusedId(fac)).toBe('story-text');
    await story.getByRole('button', { name: 'Pass' }).click();
    await story.getByText('Turn 3 of 3').waitFor();
    await story
      .getByRole('textbox', { name: 'Their story' })
      .fill('The exercises helped once someone showed me them.');
    await story.getByRole('button', { name: 'Save story, next person' }).click();
    const turns = story.getByRole('list', { name: 'Turns taken' });
    await turns.waitFor();
    expect(await turns.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('told their story'),
      expect.stringContaining('passed'),
      expect.stringContaining('told their story'),
    ]);
    await fac.getByRole('row', { name: /letter never came/ }).waitFor();

    // Reflect back: a draft stays off phones; sent, it shows with no tallies until revealed.
    const cards = fac.locator('#cards-panel');
    await cards
      .getByRole('combobox', { name: 'From theme' })
      .selectOption({ label: 'Getting seen' });
    await cards
      .getByRole('textbox', { name: 'What we heard' })
      .fill('People want appointments in the evening.');
    await cards.getByRole('button', { name: 'Keep as a draft' }).click();
    await cards.getByText('Draft ·').waitFor();
    const phone = phones[0]!;
    await phone.getByText('Connected').waitFor();
    expect(await phone.getByText('People want appointments in the evening.').count()).toBe(0);
    await cards.getByRole('button', { name: 'Send to the room' }).click();
    expect(await fac.evaluate(() => document.activeElement?.textContent)).toBe('Reveal results');
    await phone.getByText('People want appointments in the evening.').waitFor({ timeout: 30_000 });
    await phone.getByRole('button', { name: 'Yes, that is right' }).click();
    await cards.getByText(/1 yes/).waitFor({ timeout: 30_000 });
    expect(await phone.locator('.counts').count()).toBe(0);
    expect(await projector.locator('.projector-cards .counts').count()).toBe(0);
    await projector.getByText('People want appointments in the evening.').waitFor();
    await axeCheck(fac, 'run the room');
    await axeCheck(projector, 'projector');
    await cards.getByRole('button', { name: 'Reveal results' }).click();
    await phone.locator('.counts').filter({ hasText: '1 yes' }).waitFor({ timeout: 30_000 });
    await projector.locator('.projector-cards .counts').filter({ hasText: '1 yes' }).waitFor();
    const wording = 'People want appointments in the evening and at weekends.';
    await cards.getByRole('textbox', { name: 'New wording (for amended)' }).fill(wording);
    await cards.getByRole('button', { name: 'Amended' }).click();
    await cards.getByText(/Amended with the group at/).waitFor();
    await projector.getByText(wording).waitFor({ timeout: 30_000 });

    for (const [w, h] of [
      [1024, 768],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await projector.setViewportSize({ width: w, height: h });
      const fits = await projector.getByTestId('projector-code').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= 0 && r.right <= window.innerWidth && el.scrollWidth <= el.clientWidth + 1;
      });
      expect(fits, `join code fits at ${w}x${h}`).toBe(true);
      expect(
        await projector.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await projector.screenshot({ path: `${SHOTS}/projector-${w}x${h}.png` });
      await fac.setViewportSize({ width: w, height: h });
      expect(
        await fac.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      // No card reaches past its column into the next (nothing scrolls, yet panels overlapped).
      const overlaps = await fac.evaluate(() =>
        [...document.querySelectorAll('.run-col')].flatMap((col) => {
          const edge = col.getBoundingClientRect().right + 1;
          return [...col.children]
            .filter((card) => card.getBoundingClientRect().right > edge)
            .map((card) => card.querySelector('h2')?.textContent ?? card.className);
        }),
      );
      expect(overlaps, `cards wider than their column at ${w}x${h}`).toEqual([]);
      const joinCode = await fac.getByTestId('join-code').evaluate((el) => {
        const card = el.closest('.card')!.getBoundingClientRect();
        return el.getBoundingClientRect().right <= card.right;
      });
      expect(joinCode, `join code inside its card at ${w}x${h}`).toBe(true);
      await fac.screenshot({ path: `${SHOTS}/run-${w}x${h}.png`, fullPage: true });
    }
    await fac.setViewportSize({ width: 820, height: 1180 });
    await fac.screenshot({ path: `${SHOTS}/run-tablet-820x1180.png`, fullPage: true });
    expect(
      await fac.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await fac.setViewportSize({ width: 1366, height: 900 });

    // Closed: the status says so and the server refuses capture; the words stay in the box.
    await fac.getByRole('button', { name: 'Close the session' }).click();
    await fac.locator('.live-status').getByText('Closed', { exact: true }).waitFor();
    await box.fill('Said after the end');
    await box.press('Enter');
    const refusal = fac.locator('#capture-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/closed/);
    expect(await box.inputValue()).toBe('Said after the end');
    await projector.getByText('This session has closed.').waitFor({ timeout: 30_000 });

    // The debrief records the group's decision and names the group's contribution as the group's.
    const store = Store.openFolder(world.dataDir);
    let snapshot;
    try {
      snapshot = exportSnapshot(store, world.demo.programme.id);
    } finally {
      store.close();
    }
    const [file] = await buildExport(snapshot, { format: 'debrief', sessionId: SID });
    const { value: text } = await mammoth.extractRawText({
      buffer: Buffer.from(file!.data),
    });
    expect(text).toContain('Read back to the group');
    expect(text).toMatch(/Amended with the group on \d{1,2} \w+ \d{4}/);
    expect(text).toContain(wording);
    // The group's words are counted as the group's, beside those of named people.
    expect(text).toMatch(/\d+ from the group/);
    expect(text).toMatch(/\d+ from \d+ (person|people)/);
    const notes = snapshot.sessions.find((s) => s.session.id === SID)!.notes;
    expect(notes.filter((n) => n.kind === 'story')).toHaveLength(2);
    expect(notes.some((n) => n.text === 'Said after the end')).toBe(false);

    for (const p of phones) await p.close();
    await context.close();
  }, 600_000);
});

async function axeCheck(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}
