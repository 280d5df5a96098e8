import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { gatherSubjectAccess } from '../../collab-server/governance/subject-access.ts';
import { Store } from '../../collab-server/store/index.ts';
import { axeViolations, scrollsSideways } from './axe.ts';
import { programmeUrl, startWorld, type E2eWorld } from './harness.ts';

/**
 * Issue #20, items 6 to 8 in the browser: the administrator's screen (accounts, roles,
 * memberships, the whole audit log), subject access from the People screen, and the audit
 * log's filters; by keyboard, with axe after each step.
 */
const SHOTS = process.env.COHEAR_SHOTS;
const PASSWORD = 'a long enough password';
let world: E2eWorld;
let page: Page;
/** A person with contact details and words of their own, and everyone else. */
let person: { id: string; descriptor: string; email: string; noteText: string };
let others: { id: string; email: string | null }[];

async function signIn(email: string): Promise<Page> {
  const context = await world.browser.newContext({
    viewport: { width: 1024, height: 900 },
    bypassCSP: true,
    acceptDownloads: true,
  });
  const p = await context.newPage();
  await p.goto(world.server.url);
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(PASSWORD);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('heading', { name: 'Programmes' }).waitFor();
  return p;
}

async function shot(name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1024, height: 900 });
}

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

beforeAll(async () => {
  world = await startWorld('server');
  const store = Store.openFolder(world.dataDir);
  const programmeId = world.demo.programme.id;
  await addFacilitator(store, {
    email: 'ada@example.org',
    name: 'Ada Admin',
    password: PASSWORD,
    role: 'admin',
    programmes: [programmeId],
  });
  await addFacilitator(store, {
    email: 'lee@example.org',
    name: 'Lee Outside',
    password: PASSWORD,
  });
  const candidates = world.demo.participants.filter((p) => p.contact?.email);
  const withWords = candidates
    .map((p) => ({ p, report: gatherSubjectAccess(store, p.id, new Date()) }))
    .find((x) => (x.report?.notes.length ?? 0) > 0);
  store.close();
  if (!withWords?.report) throw new Error('the demo has nobody with contact details and notes');
  person = {
    id: withWords.p.id,
    descriptor: withWords.p.descriptor,
    email: withWords.p.contact?.email as string,
    noteText: withWords.report.notes[0]?.text as string,
  };
  others = world.demo.participants
    .filter((p) => p.id !== person.id)
    .map((p) => ({ id: p.id, email: p.contact?.email ?? null }));
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  page = await signIn('ada@example.org');
}, 180_000);
afterAll(async () => world?.close());

describe('administration, subject access and the audit log (server mode)', () => {
  it('an account that is a member of nothing sees no programme and cannot open one', async () => {
    const lee = await signIn('lee@example.org');
    await lee.getByRole('heading', { name: 'Programmes' }).waitFor();
    expect(await lee.getByText(world.demo.programme.title).count()).toBe(0);
    expect(await lee.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await lee.goto(programmeUrl(world));
    await lee.getByText(/not a member of this programme/).waitFor();
    await lee.context().close();
  });

  it('the admin screen adds an account, refusing bad input beside each field, changes its role, grants a programme and disables it, by keyboard', async () => {
    await page.getByRole('link', { name: 'Administration' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('grid', { name: 'Accounts' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Bad input: refused, each problem beside its field, focus on the summary, nothing lost.
    await page.getByLabel('Email').focus();
    await page.keyboard.type('sam at example');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('First password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').inputValue()).toBe('sam at example');
    expect(await axeViolations(page)).toEqual([]);
    await shot('admin-refused');

    await page.getByLabel('Email').fill('');
    await page.getByLabel('Email').focus();
    await page.keyboard.type('sam@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sam Facilitator');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await grid.getByRole('row', { name: /Sam Facilitator/ }).waitFor();
    // The new account is chosen; focus stays in the form for the next one.
    await page.getByRole('heading', { level: 3, name: /Sam Facilitator/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('account-email');

    // Role: one tab stop for the radios, arrows move, then Save.
    await page.getByRole('radio', { name: /Facilitator/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Observer/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save role' }).focus();
    await page.keyboard.press('Enter');
    await page
      .locator('p.notice')
      .filter({ hasText: 'Sam Facilitator is now: Observer' })
      .waitFor();
    await grid.getByRole('row').filter({ hasText: 'sam@example.org · observer' }).waitFor();

    // Membership: tick Sam for the demo programme.
    const members = page.getByRole('group', { name: /Members of/ });
    const samBox = members.getByRole('checkbox', { name: /Sam Facilitator/ });
    expect(await samBox.isChecked()).toBe(false);
    await samBox.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => samBox.isChecked(), { timeout: 20_000 }).toBe(true);
    const state = await page.evaluate(async () => (await fetch('/api/admin')).json());
    const sam = (state.accounts as { id: string; email: string }[]).find(
      (a) => a.email === 'sam@example.org',
    );
    expect((state.programmes as { members: string[] }[])[0]?.members).toContain(sam?.id);
    expect(await axeViolations(page)).toEqual([]);
    await shot('admin');

    // Disable, after a confirm; focus lands on the button that replaces the one pressed.
    await page.getByRole('button', { name: 'Disable account…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: /Disable Sam Facilitator/ });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Enable again' }).waitFor();
    await expect.poll(focusedText, { timeout: 20_000 }).toBe('Enable again');
    await grid.getByRole('row').filter({ hasText: 'observer · disabled' }).waitFor();

    // The whole log names what was just done, filtered to memberships.
    await page.getByLabel('Show').selectOption('member.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('cell', { name: /Made an account a member/ })
      .first()
      .waitFor();
    expect(await page.locator('#admin-audit-title + form + .table-scroll tbody tr').count()).toBe(
      2,
    );
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("People: downloads a person's subject access file after a confirm; it holds their notes and contact and nothing of anyone else", async () => {
    await page.goto(programmeUrl(world, 'people'));
    const list = page.getByRole('grid', { name: 'People' });
    const row = list.getByRole('row', { name: new RegExp(`^${person.descriptor}\\b`) });
    await row.click();
    await page.getByRole('heading', { level: 2, name: person.descriptor }).waitFor();
    const button = page.getByRole('button', { name: 'Download everything held about them…' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: /Download everything held about/ });
    await dialog.getByText(/contact details, consent history/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot('people-subject-access-confirm', false);
    await page.keyboard.press('Tab');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(`subject-access-${person.id}.json`);
    const text = readFileSync((await download.path()) as string, 'utf8');
    const file = JSON.parse(text) as {
      participant: { id: string; contact: { email: string } };
      notes: { text: string }[];
    };
    expect(file.participant.id).toBe(person.id);
    expect(file.participant.contact.email).toBe(person.email);
    expect(file.notes.map((n) => n.text)).toContain(person.noteText);
    for (const o of others) {
      expect(text).not.toContain(`"${o.id}"`);
      if (o.email) expect(text).not.toContain(o.email);
    }
    // Focus is back on the button; the page says what happened.
    await expect
      .poll(focusedText, { timeout: 20_000 })
      .toBe('Download everything held about them…');
    await page
      .locator('p.notice')
      .filter({ hasText: /subject access file for .* is downloading/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot('people-subject-access');
  });

  it('the audit page filters by kind, who, days and text, refuses a backwards range beside the field, and shows the subject access export', async () => {
    await page.goto(programmeUrl(world, 'audit'));
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From (day)').fill('2030-01-02');
    await page.getByLabel('To (day)').fill('2030-01-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .locator('#audit-to-error')
      .filter({ hasText: 'The last day must be on or after the first day.' })
      .waitFor();
    expect(await page.getByLabel('To (day)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-to');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('From (day)').fill(today);
    await page.getByLabel('To (day)').fill(today);
    await page.getByLabel('Show').selectOption('participant.');
    await page.getByLabel('By', { exact: true }).fill('ada');
    await page.getByLabel('Containing').fill(person.id);
    await page.getByRole('button', { name: 'Filter' }).click();
    const cell = page.getByRole('cell', { name: /Exported everything held about a participant/ });
    await cell.waitFor();
    const rows = page.locator('.audit-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Ada Admin');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await shot('audit-filtered');
  });
});
