import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, scrollsSideways } from './axe.ts';
import { programmeUrl, startWorld, type E2eWorld } from './harness.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop');
});
afterAll(async () => {
  await world?.close();
});

const SHOTS = process.env.COHEAR_SHOTS;

/** Issue #20: the audit log viewer and the retention periods, used by keyboard alone. */
describe('audit log and retention screen', () => {
  it('sets retention periods, refuses nonsense beside the field, and shows what expires when and who did it', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
    await page.getByRole('heading', { name: 'Programmes' }).waitFor();
    await page.goto(programmeUrl(world, 'audit'));
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.locator('.retention-schedule').getByText('Last session').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Contact details kept longer than everything identifying makes no sense: refused, kept.
    const contact = page.getByLabel('Contact details (months after the last session)');
    const identifying = page.getByLabel('Everything identifying (months after the last session)');
    await contact.focus();
    await page.keyboard.type('24');
    await page.keyboard.press('Tab');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    expect(await identifying.getAttribute('aria-invalid')).toBe('true');
    expect(await contact.inputValue()).toBe('24');
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/retention-error-1024.png`, fullPage: true });

    await identifying.fill('');
    await identifying.focus();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await page
      .getByText(/Contact details/)
      .first()
      .waitFor();
    const schedule = page.locator('.retention-schedule');
    await schedule
      .getByText(/Erased on/)
      .first()
      .waitFor();
    expect(await schedule.innerText()).toMatch(/Erased on \d{1,2} \w+ 20\d\d/);

    // The change is in the audit log, by whom; the filter narrows it.
    await page.getByLabel('Show').selectOption('retention.');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('cell', { name: 'Set the retention periods' }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-1024.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-1440.png`, fullPage: true });
    await page.close();
  });
});
