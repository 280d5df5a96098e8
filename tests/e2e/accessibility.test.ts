import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import { axeViolations } from './axe.ts';
import { openSession, startWorld, type E2eWorld } from './harness.ts';

/** Serious and critical problems fail these older checks, listed by rule. */
const seriousViolations = (page: Page) =>
  axeViolations(page, (v) => v.impact === 'serious' || v.impact === 'critical');

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld('server');
  const store = Store.openFolder(world.dataDir);
  await addFacilitator(store, {
    email: 'lead@example.org',
    name: 'Lead facilitator',
    password: 'a long enough password',
    // Server mode shows an account only the programmes it is a member of.
    programmes: store.records.listProgrammes().map((p) => p.id),
  });
  store.close();
});
afterAll(async () => world?.close());

describe('server mode and accessibility', () => {
  it('refuses a wrong password, signs in with the right one, and every facilitator page passes axe', async () => {
    // axe is injected as a script, which the pages' own policy rightly forbids.
    const context = await world.browser.newContext({
      viewport: { width: 1366, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(world.server.url);
    await page.getByRole('heading', { name: 'Sign in to Cohear' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('lead@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/do not match/);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Programmes' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Community MSK/ }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await openSession(page, world, 'session-03');
    await page.getByRole('heading', { name: /Notes/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('every participant step passes axe at phone width', async () => {
    const fac = await world.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const facPage = await fac.newPage();
    await facPage.goto(world.server.url);
    await facPage.getByLabel('Email').fill('lead@example.org');
    await facPage.getByLabel('Password').fill('a long enough password');
    await facPage.getByRole('button', { name: 'Sign in' }).click();
    await facPage.getByRole('heading', { name: 'Programmes' }).waitFor();
    const code = await openSession(facPage, world, 'session-04');

    const context = await world.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      bypassCSP: true,
    });
    const phone = await context.newPage();
    await phone.goto(`${world.server.url}/join`);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel(/Type the code/).fill(code);
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByRole('heading', { name: 'Before we start' }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel(/Keep what I write/).check();
    await phone.getByRole('button', { name: 'Continue' }).click();
    await phone.getByRole('heading', { name: /About you/ }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByLabel('Age', { exact: true }).selectOption('prefer-not-to-say');
    await phone.getByRole('button', { name: 'Save and continue' }).click();
    await phone.getByText('Connected').waitFor();
    await phone.getByRole('heading', { name: 'Did we hear you right?' }).waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await context.close();
    await fac.close();
  });
});
