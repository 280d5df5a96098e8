import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type E2eWorld } from './harness.ts';
import {
  axeViolations,
  facilitatorApi,
  joinWithCode,
  openForJoining,
  phone,
  PHONE_390,
  shot,
} from './participant-kit.ts';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

/** One join attempt as the page makes it; a wait the server asks for is waited, as the countdown does. */
async function tryJoin(code: string): Promise<{ status: number; waitedMs: number }> {
  let waitedMs = 0;
  for (;;) {
    const res = await fetch(`${world.server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body = (await res.json()) as { error?: { retryAfterMs?: number } };
    if (res.status !== 429) return { status: res.status, waitedMs };
    const wait = body.error?.retryAfterMs ?? 1000;
    waitedMs += wait;
    await new Promise((r) => setTimeout(r, wait));
  }
}

describe('joining from a venue', () => {
  it('50 people behind one address, each mistyping twice, all get in', async () => {
    const code = await openForJoining(world, 'session-01');
    const wrong = (i: number, k: number) =>
      String((Number(code) + 1 + i * 2 + k) % 1e12).padStart(12, '0');
    const results: number[] = [];
    for (let i = 0; i < 50; i++) {
      expect((await tryJoin(wrong(i, 0))).status).toBe(404);
      expect((await tryJoin(wrong(i, 1))).status).toBe(404);
      results.push((await tryJoin(code)).status);
    }
    expect(results.filter((s) => s === 200)).toHaveLength(50);
  });

  it('a wait is shown as a countdown and the code goes again by itself', async () => {
    const code = await openForJoining(world, 'session-02');
    const page = await phone(world);
    await page.goto(`${world.server.url}/join`);
    await page.getByLabel(/Type the code/).fill(code);
    // Keep this address's wrong guesses used up, as a room full of typos would, until the page
    // has shown its countdown; then stop, so its own retry gets through.
    let draining = true;
    const drain = (async () => {
      for (let i = 0; draining; i++)
        await fetch(`${world.server.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: `9${String(i).padStart(11, '0')}` }),
        });
    })();
    try {
      await page.getByRole('button', { name: 'Join' }).click();
      await page.locator('.countdown').waitFor({ state: 'attached' });
    } finally {
      draining = false;
      await drain;
    }
    await shot(page, 'join-countdown-390');
    await page.getByRole('heading', { name: 'Before we start' }).waitFor({ timeout: 60_000 });
    await page.context().close();
  });

  it('the code field groups digits as typed, and a closed session says it has closed', async () => {
    const code = await openForJoining(world, 'session-03');
    await facilitatorApi(world, 'POST', '/api/sessions/session-03/close');
    const page = await phone(world);
    await page.goto(`${world.server.url}/join`);
    const field = page.getByLabel(/Type the code/);
    await expect(field.getAttribute('inputmode')).resolves.toBe('numeric');
    await field.pressSequentially(code);
    await expect(field.inputValue()).resolves.toBe(code.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/session has closed/);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot(page, 'join-closed-390');
    await page.context().close();
  });

  it('the join form in plain HTML works before any script has loaded', async () => {
    const code = await openForJoining(world, 'session-04');
    const context = await world.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/join`);
    await page.getByLabel(/Type the code/).fill(code);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(/\/join#.{20,}/);
    await context.close();
    // The same address with scripts on takes the key from the address and joins.
    const withScript = await phone(world);
    await withScript.goto(`${world.server.url}/join`);
    await withScript.getByLabel(/Type the code/).fill('1234');
    await withScript.getByRole('button', { name: 'Join' }).click();
    await expect(withScript.getByRole('alert').textContent()).resolves.toMatch(/12 numbers/);
    await withScript.context().close();
  });

  it('the page is styled from its first response, under its own strict policy', async () => {
    const code = await openForJoining(world, 'session-01');
    // No bypassCSP here: the server's policy applies as on a phone.
    const context = await world.browser.newContext(PHONE_390);
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${world.server.url}/join`);
    // Painted styled with no stylesheet request: the styles came in the page itself.
    await expect(
      page.evaluate(() => getComputedStyle(document.querySelector('.topbar')!).backgroundColor),
    ).resolves.toBe('rgb(11, 79, 108)');
    const sheets = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.endsWith('.css')).length,
    );
    expect(sheets).toBe(0);
    await joinWithCode(page, world, code);
    expect(refused).toEqual([]);
    await context.close();
  });
});
