import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  joinSession,
  participantTransport,
  writes,
  type FetchLike,
} from '../../../core/client/index.ts';
import type {
  JoinResponse,
  ParticipantWrite,
  WriteResponse,
} from '../../../core/client/messages.ts';
import { makeDemoProgramme } from '../../../core/demo/index.ts';
import { importSnapshot, Store } from '../../../collab-server/store/index.ts';
import {
  startServer,
  type RunningServer,
  type ServerOptions,
} from '../../../collab-server/server/start-server.ts';

export const fetchLike: FetchLike = (url, init) => fetch(url, init);

/** A temp data folder holding the seeded demo programme. */
export function demoDataDir(): {
  dir: string;
  programmeId: string;
  sessionIds: string[];
  cleanup(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-collab-'));
  const store = Store.openFolder(dir);
  const snapshot = makeDemoProgramme({ sessions: 2, notes: 30 });
  importSnapshot(store, snapshot, 'test');
  store.close();
  return {
    dir,
    programmeId: snapshot.programme.id,
    sessionIds: snapshot.sessions.map((s) => s.session.id),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestServer extends RunningServer {
  logs: Record<string, unknown>[];
}

export async function startTestServer(
  dataDir: string,
  extra: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mode: 'desktop',
    log: (e) => logs.push(e),
    ...extra,
  });
  return Object.assign(server, { logs });
}

export interface LiveServer {
  data: ReturnType<typeof demoDataDir>;
  server: TestServer;
  /** Providers to destroy after the file's tests. */
  providers: WebsocketProvider[];
}

/**
 * A server on a loopback port with the demo programme, started before a test file's tests and
 * closed (with every registered provider and the data folder) after them.
 */
export function liveServer(extra: Partial<ServerOptions> = {}): LiveServer {
  const live = { providers: [] } as unknown as LiveServer;
  beforeAll(async () => {
    live.data = demoDataDir();
    live.server = await startTestServer(live.data.dir, extra);
  });
  afterAll(async () => {
    live.providers.forEach((p) => p.destroy());
    await live.server?.close();
    live.data?.cleanup();
  });
  return live;
}

/** The stock y-websocket client, unchanged; Node's `ws` as its WebSocket, no BroadcastChannel. */
export function connect(
  baseUrl: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  return new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, docName, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

export function synced(p: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`not synced: ${p.roomname}`)), timeoutMs);
    p.once('sync', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Resolves with the close event the server sent (for refusals). */
export function closedWith(
  p: WebsocketProvider,
  timeoutMs = 10_000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('not closed')), timeoutMs);
    p.on('connection-close', (e) => {
      if (!e) return;
      clearTimeout(t);
      resolve({ code: e.code, reason: e.reason });
    });
  });
}

export async function waitFor(
  check: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function api(
  baseUrl: string,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, headers: res.headers };
}

export async function openSession(server: RunningServer, sessionId: string): Promise<string> {
  const r = await api(server.url, 'POST', `/api/sessions/${sessionId}/open`, {
    token: server.desktopSecret as string,
  });
  if (r.status !== 200) throw new Error(`open failed: ${JSON.stringify(r.body)}`);
  return r.body.code as string;
}

export interface TestParticipant extends JoinResponse {
  send(write: ParticipantWrite): Promise<WriteResponse>;
}

/** Joins with the code and gives consent to keep words (needed before adding notes). */
export async function joinAndConsent(baseUrl: string, code: string): Promise<TestParticipant> {
  const joined = await joinSession(fetchLike, baseUrl, { code });
  const send = participantTransport(fetchLike, baseUrl, joined.token);
  const r = await send(writes.consent({ storeWords: true, quoteAnonymously: true }));
  if (!r.ok) throw new Error(`consent refused: ${JSON.stringify(r)}`);
  return { ...joined, send };
}

export function stateOf(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}
