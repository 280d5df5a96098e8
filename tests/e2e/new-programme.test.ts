import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorPage, startWorld, type E2eWorld } from './harness.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

describe('starting a programme from a template', () => {
  it('plans one focus group per cohort and opens the new programme', async () => {
    const page = await facilitatorPage(world);
    await page.getByLabel(/Focus group series/).check();
    await page.getByLabel('Title').fill('Back pain services: what families told us');
    await page.getByLabel('Organisation').fill('Healthwatch Testshire');
    await page.getByLabel('First session').fill('2027-01-12');
    await page.getByLabel(/Cohorts/).fill('Parents and carers\nGig-economy workers');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page
      .getByRole('heading', { name: 'Back pain services: what families told us' })
      .waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toMatch(
      /2027-01-12.*Focus group: Parents and carers/,
    );
    await expect(rows.nth(1).textContent()).resolves.toMatch(/2027-01-19.*Gig-economy workers/);

    // Running the first group shows the template's agenda, ending each theme with the question.
    const href = await page
      .getByRole('link', { name: 'Focus group: Parents and carers' })
      .getAttribute('href');
    await page.goto(`${world.server.url}${href}/run`);
    await page.getByRole('heading', { name: 'Agenda' }).waitFor();
    await page.getByRole('button', { name: 'Show this step' }).nth(1).click();
    await page.getByText('How will you tell us we got it right?').first().waitFor();
    await page.close();
  });

  it('keeps the form and says what is wrong when a field is missing', async () => {
    const page = await facilitatorPage(world);
    await page.getByLabel('Title').fill('No organisation given');
    await page.getByLabel('First session').fill('2027-01-12');
    await page.getByRole('button', { name: 'Create programme' }).click();
    // The browser's own check stops it before anything is sent.
    expect(
      await page
        .getByLabel('Organisation')
        .evaluate((e) => (e as HTMLInputElement).validity.valueMissing),
    ).toBe(true);
    expect(await page.getByLabel('Title').inputValue()).toBe('No organisation given');
    await page.close();
  });
});
