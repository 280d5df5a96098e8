import mammoth from 'mammoth';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import { startWorld, type E2eWorld } from './harness.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('server');
  const store = Store.openFolder(world.dataDir);
  await addFacilitator(store, {
    email: 'board@example.org',
    name: 'ICB board',
    password: 'commissioner password',
    role: 'observer',
    // Server mode shows an account only the programmes it is a member of.
    programmes: store.records.listProgrammes().map((p) => p.id),
  });
  store.close();
});
afterAll(async () => world?.close());

describe('an observer (commissioner)', () => {
  it('sees only downloads, and the report it downloads names nobody', async () => {
    const context = await world.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByLabel('Email').fill('board@example.org');
    await page.getByLabel('Password').fill('commissioner password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: /Run/ }).count()).toBe(0);

    const [download] = await Promise.all([
      // The report is built on request; on a loaded machine that has taken over 50 s.
      page.waitForEvent('download', { timeout: 180_000 }),
      page
        .getByRole('link', { name: 'Programme report for commissioners (Word)' })
        .click({ timeout: 180_000 }),
    ]);
    expect(download.suggestedFilename()).toMatch(/-report\.docx$/);
    const text = (
      await mammoth.extractRawText({ buffer: await readFile((await download.path()) as string) })
    ).value;
    expect(text).toContain('Summary of findings');
    for (const p of world.demo.participants) {
      if (p.contact?.name) expect(text).not.toContain(p.contact.name);
      if (p.contact?.email) expect(text).not.toContain(p.contact.email);
    }
    expect(text).not.toMatch(/07700 900\d{3}|943 476 5919|LS1 4AP/);

    // The session documents are not an observer's to read, whatever the page does.
    const status = await page.evaluate(
      async () => (await fetch('/api/programmes/demo-msk-2026')).status,
    );
    expect(status).toBe(403);
    await context.close();
  }, 300_000);
});
