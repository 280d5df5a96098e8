import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { E2eWorld } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A facilitator request with the desktop secret, as the desktop window's bridge would send. */
export async function facilitatorApi(
  world: E2eWorld,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${world.server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${world.server.desktopSecret}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function openForJoining(world: E2eWorld, sessionId: string): Promise<string> {
  const r = await facilitatorApi(world, 'POST', `/api/sessions/${sessionId}/open`);
  return String(r.code);
}

/** Phone sizes the issue names: 390 and 320 px wide. */
export const PHONE_390: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};
export const PHONE_320: BrowserContextOptions = {
  viewport: { width: 320, height: 640 },
  isMobile: true,
  hasTouch: true,
};

export async function phone(world: E2eWorld, options = PHONE_390): Promise<Page> {
  // axe is injected as a script, which the page's own policy rightly forbids.
  const context = await world.browser.newContext({ ...options, bypassCSP: true });
  return context.newPage();
}

/**
 * Joins with the code, agrees to keep words, skips the questions about you. `base` is where the
 * phone reaches the server (the server itself, or a network in between).
 */
export async function joinWithCode(
  page: Page,
  world: E2eWorld,
  code: string,
  base = world.server.url,
): Promise<void> {
  await page.goto(`${base}/join`);
  await page.getByLabel(/Type the code/).fill(code);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByLabel(/Keep what I write/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByText('Connected', { exact: true }).waitFor();
}

/** Every axe-core finding (any impact) under WCAG 2.1 A and AA, listed by rule. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    return (
      await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      })
    ).violations;
  })) as { id: string; help: string; nodes: { target: string[] }[] }[];
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** How far the page scrolls sideways (0 is what reflow requires). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** What the phone shows (its screen, not the whole page), when COHEAR_SCREENSHOTS names a folder. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.COHEAR_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/** One part of the page (a section, say), however far down it is. */
export async function shotOf(page: Page, selector: string, name: string): Promise<void> {
  const dir = process.env.COHEAR_SCREENSHOTS;
  if (dir)
    await page
      .locator(selector)
      .first()
      .screenshot({ path: `${dir}/${name}.png` });
}
