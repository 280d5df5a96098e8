import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeDemoProgramme, type ProgrammeSnapshot } from '../../core/index.ts';
import { startServer, type RunningServer } from '../../collab-server/server/start-server.ts';
import { Store, exportSnapshot, importSnapshot } from '../../collab-server/store/index.ts';
import { DOWNLOADS } from '../../exports/downloads.ts';
import { launchChromium } from './browser.ts';
import { ensurePagesBuilt } from './build-pages.ts';

export interface E2eWorld {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  demo: ProgrammeSnapshot;
  close(): Promise<void>;
}

/** A real server on a loopback port with the demo programme, the built pages, and Chromium. */
export async function startWorld(
  mode: 'desktop' | 'server' = 'desktop',
  options: { empty?: boolean } = {},
): Promise<E2eWorld> {
  const staticDir = ensurePagesBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cohear-e2e-'));
  const demo = makeDemoProgramme();
  const store = Store.openFolder(dataDir);
  // An empty data folder is a first start: no programme at all.
  if (!options.empty) importSnapshot(store, demo);
  store.close();
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mode,
    staticDir,
    log: () => {},
    exporters: DOWNLOADS,
  });
  const browser = await launchChromium();
  return {
    server,
    browser,
    dataDir,
    demo,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A facilitator's window, signed in with the desktop secret as the printed link does. */
export async function facilitatorPage(world: E2eWorld): Promise<Page> {
  const page = await world.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${world.server.url}/#secret=${world.server.desktopSecret}`);
  await page.getByRole('heading', { name: 'Programmes' }).waitFor();
  return page;
}

/** The address of a screen of the demo programme, for example `people` or `sessions/<id>/run`. */
export function programmeUrl(world: E2eWorld, screen = ''): string {
  const base = `${world.server.url}/programmes/${encodeURIComponent(world.demo.programme.id)}`;
  return screen ? `${base}/${screen}` : base;
}

/** A participant's phone: a fresh context, so it shares no storage or cookie with anyone. */
export async function phonePage(world: E2eWorld): Promise<Page> {
  const context = await world.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** Opens a session for joining from the facilitator's live screen and returns the code. */
export async function openSession(page: Page, world: E2eWorld, sessionId: string): Promise<string> {
  await page.goto(`${world.server.url}/#/session/${world.demo.programme.id}/${sessionId}`);
  await page.getByRole('button', { name: 'Open for joining' }).click();
  const code = await page.locator('.join-code').textContent();
  if (!code) throw new Error('no join code shown');
  return code;
}

/** Joins on the phone with the code, gives consent to keep words, skips "about you". */
export async function joinAndConsent(phone: Page, world: E2eWorld, code: string): Promise<void> {
  await phone.goto(`${world.server.url}/join`);
  await phone.getByLabel(/Type the code/).fill(code);
  await phone.getByRole('button', { name: 'Join' }).click();
  await phone.getByLabel(/Keep what I write/).check();
  await phone.getByRole('button', { name: 'Continue' }).click();
  await phone.getByRole('button', { name: 'Skip' }).click();
  await phone.getByText('Connected').waitFor();
}

/** The notes the store holds now, per session (read through a second connection, as the CLI would). */
export function notesInStore(
  world: E2eWorld,
): Map<string, ProgrammeSnapshot['sessions'][number]['notes']> {
  const store = Store.openFolder(world.dataDir);
  try {
    const snapshot = exportSnapshot(store, world.demo.programme.id);
    return new Map(snapshot.sessions.map((s) => [s.session.id, s.notes]));
  } finally {
    store.close();
  }
}
