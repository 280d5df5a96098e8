import { mkdirSync } from 'node:fs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import { axeViolations, scrollsSideways } from './axe.ts';
import { phonePage, programmeUrl, startWorld, type E2eWorld } from './harness.ts';

const SHOTS = process.env.COHEAR_SCREENSHOTS;
let world: E2eWorld;
let page: Page;
const sessionId = 'session-02';

beforeAll(async () => {
  world = await startWorld('server');
  const store = Store.openFolder(world.dataDir);
  await addFacilitator(store, {
    email: 'sam@example.org',
    name: 'Sam',
    password: 'a long enough password',
    // Server mode shows an account only the programmes it is a member of.
    programmes: store.records.listProgrammes().map((p) => p.id),
  });
  store.close();
  // axe is injected as a script, which the pages' own policy rightly forbids.
  const context = await world.browser.newContext({
    viewport: { width: 1366, height: 900 },
    bypassCSP: true,
  });
  page = await context.newPage();
  await page.goto(world.server.url);
  await page.getByLabel('Email').fill('sam@example.org');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Programmes' }).waitFor();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => world?.close());

/** A same-origin call from the signed-in page (the server refuses cookie writes from elsewhere). */
async function call(
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<Record<string, unknown>> {
  return page.evaluate(
    async ([p, m, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: b === undefined ? {} : { 'Content-Type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    [path, method, body] as const,
  );
}

async function shots(name: string): Promise<void> {
  for (const [w, h] of [
    [1366, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await scrollsSideways(page)).toBe(false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const peopleCount = async () =>
  ((await call(`/api/programmes/${world.demo.programme.id}/people`)).people as unknown[]).length;

/** The programme report's registered / attended / without-registering figures for a session. */
async function reportRow(title: string): Promise<number[]> {
  const b64 = await page.evaluate(async (url) => {
    const buf = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let s = '';
    for (const x of buf) s += String.fromCharCode(x);
    return btoa(s);
  }, `/api/programmes/${world.demo.programme.id}/exports/programme-report.docx`);
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(b64, 'base64') });
  const row = html.split('<tr>').find((r) => r.includes(title) && /Registered/.test(html));
  const cells = [...(row ?? '').matchAll(/<td>(?:<p>)?([^<]*)/g)].map((m) => m[1] ?? '');
  return cells.slice(-3).map(Number);
}

describe('People and Actions screens (server mode)', () => {
  it('registers people, refusing bad input beside the field, and ticks attendance the report matches', async () => {
    await page.goto(programmeUrl(world, 'people'));
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('heading', { name: 'Register a person' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shots('people');

    // Bad input: an empty descriptor and an email that is not one. Nothing is saved.
    const before = await peopleCount();
    await page.getByLabel('Descriptor', { exact: true }).fill('');
    await page.getByLabel('Email (optional)').fill('sam at example');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('#reg-descriptor-error').waitFor();
    expect(await page.locator('#reg-descriptor-error').textContent()).toMatch(/descriptor/);
    expect(await page.locator('#reg-email-error').textContent()).toMatch(/email address/);
    // The summary takes focus so a screen reader reads every problem; the field says it is invalid.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.getByLabel('Descriptor', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/people-bad-input.png`, fullPage: true });
    expect(await peopleCount()).toBe(before);

    // A good registration, for session 2.
    const title = world.demo.sessions.find((s) => s.session.id === sessionId)!.session.title;
    await page.getByLabel('Descriptor', { exact: true }).fill('Resident 99');
    await page.getByLabel('Email (optional)').fill('resident99@example.org');
    await page.getByRole('group', { name: 'Registered for' }).getByLabel(title).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Resident 99 registered.' }).waitFor();
    expect(await peopleCount()).toBe(before + 1);

    // Tick attendance on the register, by keyboard: one tab stop, arrows move, Space ticks.
    await page.getByLabel('Session', { exact: true }).selectOption(sessionId);
    const grid = page.getByRole('grid', { name: `Attendance at ${title}` });
    const row = grid.getByRole('row').filter({ hasText: 'Resident 99' });
    await row.click();
    await row.filter({ hasText: 'Registered and came' }).waitFor();
    const totals = (await page.locator('.register-totals').textContent()) ?? '';
    const [registered, attended, walkIns] = [
      /Registered (\d+)/,
      /Attended (\d+)/,
      /(\d+) (?:person|people) came without registering/,
    ].map((re) => Number(re.exec(totals)?.[1]));
    expect(await reportRow(title)).toEqual([registered, attended, walkIns]);
    await row.press('Space');
    await page
      .locator('.register-totals')
      .filter({ hasText: `Attended ${attended! - 1} ` })
      .waitFor();
    expect((await reportRow(title))[1]).toBe(attended! - 1);
    await row.press('Space');
    await row.filter({ hasText: 'Registered and came' }).waitFor();
  }, 300_000);

  it("a personal join link ties the phone's join to the registration", async () => {
    const title = world.demo.sessions.find((s) => s.session.id === sessionId)!.session.title;
    await page.getByLabel('Descriptor', { exact: true }).fill('Resident 98');
    await page.getByRole('group', { name: 'Registered for' }).getByLabel(title).check();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Resident 98 registered.' }).waitFor();
    await page
      .getByRole('grid', { name: 'People' })
      .getByRole('row', { name: /Resident 98/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Resident 98' }).waitFor();
    await page.getByRole('button', { name: 'Make a personal link' }).click();
    const text = page.getByLabel('Text for your own email');
    await text.waitFor();
    const link = /(http\S+)/.exec((await text.inputValue()) ?? '')?.[1] as string;
    expect(link).toContain('/join#');
    await page.getByRole('img', { name: /QR code of Resident 98/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/people-person.png`, fullPage: true });

    expect((await call(`/api/sessions/${sessionId}/open`, 'POST', {})).ok).toBe(true);
    const phone = await phonePage(world);
    await phone.goto(link);
    await phone.getByLabel(/Keep what I write/).check();
    await phone.getByRole('button', { name: 'Continue' }).click();
    await phone.getByRole('button', { name: 'Skip' }).click();
    await phone.getByText('Connected').waitFor();
    await phone.getByText(/You are Resident 98/).waitFor();

    // The register says they came, as registered, and their consent is theirs.
    await page.reload();
    await page.getByLabel('Session', { exact: true }).selectOption(sessionId);
    await page
      .getByRole('grid', { name: `Attendance at ${title}` })
      .getByRole('row')
      .filter({ hasText: 'Resident 98' })
      .filter({ hasText: 'Registered and came' })
      .waitFor();
    const people = (await call(`/api/programmes/${world.demo.programme.id}/people`)).people as {
      descriptor: string;
      consent: { storeWords: { given: boolean } };
    }[];
    expect(people.find((p) => p.descriptor === 'Resident 98')?.consent.storeWords.given).toBe(true);
    (world as E2eWorld & { phone?: Page }).phone = phone;
  }, 300_000);

  it('adds an action shown to participants, refusing a due date that is not a date, and orders recommendations by keyboard', async () => {
    const phone = (world as E2eWorld & { phone?: Page }).phone as Page;
    await page.goto(programmeUrl(world, 'actions'));
    await page.getByRole('heading', { level: 1, name: 'Actions and recommendations' }).waitFor();
    await page.getByRole('heading', { name: /You said, we did/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const form = page.getByRole('form', { name: 'Add an action' });
    const countBefore =
      (await page.getByRole('heading', { name: /You said, we did/ }).textContent()) ?? '';

    await form
      .getByLabel('What we heard (you said)')
      .fill('The clinic letters arrive after the appointment.');
    await form.getByLabel('Due').fill('next Tuesday');
    await form.getByLabel('Show to participants on their phones').check();
    await form.getByRole('button', { name: 'Add the action' }).click();
    const dueError = form.locator('[id$="-due-new-error"], #action-due-new-error');
    await dueError.first().waitFor();
    expect(await dueError.first().textContent()).toMatch(/real date/);
    expect(await page.getByRole('heading', { name: /You said, we did/ }).textContent()).toBe(
      countBefore,
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/actions-bad-due.png`, fullPage: true });

    await form.getByLabel('Due').fill('2026-03-14');
    await form.getByLabel('What was done (we did)').fill('Letters now go out two weeks ahead.');
    await form.getByLabel('Owner').fill('Clinic manager');
    await form.getByRole('button', { name: 'Add the action' }).click();
    await page
      .getByRole('grid', { name: 'Actions' })
      .getByText('The clinic letters arrive after the appointment.')
      .waitFor();
    // On the phone in the open session, under "You said, we did".
    await phone.getByRole('heading', { name: 'You said, we did' }).waitFor({ timeout: 30_000 });
    await phone.getByText('Letters now go out two weeks ahead.').waitFor({ timeout: 30_000 });
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/phone-action.png`, fullPage: true });

    // Two recommendations, the second moved to the top by keyboard.
    const recForm = page.getByRole('form', { name: 'Add a recommendation' });
    for (const text of ['Send letters two weeks ahead.', 'Offer evening appointments.']) {
      await recForm.getByLabel('Recommendation').fill(text);
      await recForm.getByRole('button', { name: 'Add the recommendation' }).click();
      await page
        .getByRole('grid', { name: /Recommendations/ })
        .getByText(text)
        .waitFor();
    }
    const recs = page.getByRole('grid', { name: /Recommendations/ });
    const evening = recs.getByRole('row').filter({ hasText: 'Offer evening appointments.' });
    await evening.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    const order = async () => {
      const rows = await recs.getByRole('row').allTextContents();
      return (
        rows.findIndex((r) => r.includes('Offer evening')) <
        rows.findIndex((r) => r.includes('Send letters'))
      );
    };
    await expect.poll(order, { timeout: 10_000 }).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shots('actions');
    await phone.close();
  }, 300_000);
});
