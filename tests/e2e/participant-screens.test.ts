import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOrLegacy } from '../../core/index.ts';
import { startWorld, type E2eWorld } from './harness.ts';
import {
  axeViolations,
  openForJoining,
  PHONE_320,
  PHONE_390,
  phone,
  shot,
  shotOf,
  sidewaysScroll,
} from './participant-kit.ts';

let world: E2eWorld;
let code: string;
let sessionId: string;
beforeAll(async () => {
  world = await startWorld();
  const s = world.demo.sessions.find((x) => x.reflectCards.length > 0);
  if (!s) throw new Error('the demo has no reflect-back cards');
  sessionId = s.session.id;
  code = await openForJoining(world, sessionId);
});
afterAll(async () => world?.close());

/** A 390 px phone at 200% zoom lays out in 195 CSS pixels. */
const PHONE_390_ZOOM_200: BrowserContextOptions = {
  viewport: { width: 195, height: 422 },
  deviceScaleFactor: 4,
  isMobile: true,
  hasTouch: true,
};

const SIZES: [string, BrowserContextOptions][] = [
  ['390', PHONE_390],
  ['320', PHONE_320],
  ['390-zoom200', PHONE_390_ZOOM_200],
];

type Screen = 'join' | 'consent' | 'about' | 'room';

/** Walks a fresh phone through every screen, calling `check` on each. */
async function everyScreen(
  page: Page,
  check: (screen: Screen) => Promise<void>,
  query = '',
): Promise<void> {
  await page.goto(`${world.server.url}/join${query}`);
  await page.locator('#join-code').waitFor();
  await check('join');
  await page.locator('#join-code').fill(code);
  await page.locator('form button[type=submit]').click();
  await page.locator('input[type=checkbox]').first().waitFor();
  await check('consent');
  await page.locator('input[type=checkbox]').first().check();
  await page.locator('form button[type=submit]').click();
  await page.locator('#dem-town').waitFor();
  await check('about');
  await page.locator('form button.secondary').click();
  await page.locator('.status-dot.online').waitFor();
  await page.locator('textarea').first().waitFor();
  await check('room');
}

describe('every participant screen', () => {
  for (const [name, size] of SIZES)
    it(`passes axe and does not scroll sideways at ${name}`, async () => {
      const page = await phone(world, size);
      const found: string[] = [];
      await everyScreen(page, async (screen) => {
        found.push(...(await axeViolations(page)).map((v) => `${screen}: ${v}`));
        const sideways = await sidewaysScroll(page);
        if (sideways > 0) found.push(`${screen}: scrolls ${sideways}px sideways`);
        await shot(page, `${screen}-${name}`);
        if (screen === 'room') {
          await shotOf(page, 'section:has(#cards-heading)', `${screen}-cards-${name}`);
          await shotOf(page, 'section:has(#actions-heading)', `${screen}-actions-${name}`);
        }
      });
      expect(found).toEqual([]);
      await page.context().close();
    });

  it('the largest text size is kept on the device and still reflows at 320 px', async () => {
    const page = await phone(world, PHONE_320);
    await page.goto(`${world.server.url}/join`);
    await page.getByRole('radio', { name: 'Largest' }).check();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Largest' }).isChecked()).resolves.toBe(true);
    await expect(sidewaysScroll(page)).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot(page, 'join-320-largest');
    await page.context().close();
  });

  it('in the pseudo-locale no screen shows a string that skipped the catalogue', async () => {
    const demoText = new Set<string>(['Cohear']);
    for (const s of world.demo.sessions) {
      demoText.add(s.session.title);
      for (const step of s.agenda) {
        demoText.add(step.title);
        for (const q of 'questions' in step ? step.questions : []) demoText.add(q);
      }
      for (const c of s.reflectCards) demoText.add(c.text);
      for (const n of s.notes) demoText.add(n.text);
    }
    for (const t of world.demo.codebook) demoText.add(t.name);
    // The "about you" questions are the programme's own words (its settings), like its agenda.
    for (const f of fieldsOrLegacy(world.demo.settings?.demographicFields)) demoText.add(f.label);
    for (const a of world.demo.actions) for (const w of [a.heard, a.done]) if (w) demoText.add(w);
    const page = await phone(world);
    await page.goto(`${world.server.url}/join?pseudo`);
    await page.getByLabel('Language').selectOption('en-XA');
    const plain: string[] = [];
    await everyScreen(
      page,
      async (screen) => {
        const texts = await page.evaluate(() => {
          const root = document.body.cloneNode(true) as HTMLElement;
          // Language names are each in their own language, on purpose.
          root.querySelectorAll('option').forEach((o) => o.remove());
          const attrs = [...document.querySelectorAll('[aria-label],[placeholder],[title]')].map(
            (e) =>
              [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')]
                .filter(Boolean)
                .join(' '),
          );
          return [root.innerText, ...attrs, document.title];
        });
        for (const text of texts) {
          let rest = text.replace(/Participant \d+/g, '');
          for (const d of [...demoText].sort((a, b) => b.length - a.length))
            rest = rest.split(d).join('');
          for (const m of rest.match(/[A-Za-z]{2,}[^\n]{0,30}/g) ?? [])
            plain.push(`${screen}: ${m}`);
        }
        await shot(page, `pseudo-${screen}-390`);
      },
      '?pseudo',
    );
    expect(plain).toEqual([]);
    await page.context().close();
  });

  it('right to left lays out from the right on every screen', async () => {
    const page = await phone(world);
    await page.goto(`${world.server.url}/join?pseudo`);
    await page.getByLabel('Language').selectOption('ar-XB');
    await everyScreen(
      page,
      async (screen) => {
        await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
        await expect(sidewaysScroll(page)).resolves.toBe(0);
        await shot(page, `rtl-${screen}-390`);
        if (screen === 'room') {
          await shotOf(page, 'section:has(#cards-heading)', `rtl-${screen}-cards-390`);
        }
      },
      '?pseudo',
    );
    await page.context().close();
  });
});
