import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, scrollsSideways } from './axe.ts';
import { facilitatorPage, programmeUrl, startWorld, type E2eWorld } from './harness.ts';

let world: E2eWorld;
let empty: E2eWorld;
beforeAll(async () => {
  world = await startWorld('desktop');
  empty = await startWorld('desktop', { empty: true });
});
afterAll(async () => {
  await world?.close();
  await empty?.close();
});

describe('the facilitator app shell', () => {
  it('gives every screen a real address: links open it, back and forward work, unknown ones say not found', async () => {
    const page = await facilitatorPage(world);
    const title = world.demo.programme.title;
    await page.goto(programmeUrl(world));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page
      .getByRole('navigation', { name: 'Programme' })
      .getByRole('link', { name: 'People', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programmes/${world.demo.programme.id}/people`);
    // Focus moves to the new screen's heading, not left on a link of the old one.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    // A link to a session screen opens that screen directly.
    const session = world.demo.sessions[0]!.session;
    await page.goto(programmeUrl(world, `sessions/${session.id}/run`));
    await page.getByRole('heading', { level: 1, name: 'Run the room' }).waitFor();
    // Old links from before real addresses still land on the right screen.
    await page.goto(`${world.server.url}/#/programme/${world.demo.programme.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programmes/${world.demo.programme.id}`);

    await page.goto(`${world.server.url}/programmes/no-such-programme`);
    await page.getByRole('heading', { level: 1, name: 'Programme not found' }).waitFor();
    await page.goto(programmeUrl(world, 'sessions/no-such-session/run'));
    await page.getByRole('heading', { level: 1, name: 'Session not found' }).waitFor();
    await page.goto(`${world.server.url}/nowhere/at/all`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.close();
  });

  it('never shows the sign-in form in desktop mode, and a pasted facilitator link signs in without a reload', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(world.server.url);
    await page.getByRole('heading', { name: 'Open your facilitator link' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.evaluate(
      (secret) => (location.hash = `#secret=${secret}`),
      world.server.desktopSecret,
    );
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    // The same document: a reload would have lost the marker.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(page.url()).not.toContain('secret');
    await page.close();
  });

  it('offers the demo on a first start, beside starting a new programme', async () => {
    const page = await facilitatorPage(empty);
    await page.getByRole('heading', { name: 'Welcome to Cohear' }).waitFor();
    await page.getByRole('link', { name: 'Start a new programme' }).waitFor();
    await page.getByRole('button', { name: 'Open the demo programme' }).click();
    await page.getByRole('heading', { level: 1, name: empty.demo.programme.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programmes/${empty.demo.programme.id}`);
    await page.close();
  });

  it('lays out without sideways scrolling from a 768 px tablet to 1920 px, and passes axe', async () => {
    const context = await world.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
    await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const [width, height] of [
      [768, 1024],
      [1024, 768],
      [1366, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const screen of ['', 'people']) {
        await page.goto(programmeUrl(world, screen));
        await page.locator('#page-title').waitFor();
        expect(await scrollsSideways(page), `${screen || 'overview'} at ${width}px`).toBe(false);
      }
    }
    await page.goto(programmeUrl(world));
    await page.locator('#page-title').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
