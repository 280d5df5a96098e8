import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { joinSession, participantTransport, writes } from '../../core/client/index.ts';
import { SessionDoc } from '../../core/index.ts';
import { leanFetch } from './lean-fetch.ts';
import { leanPhone } from './lean-phone.ts';

/** One connected client: its document, what it watches, and how to drop it. */
export interface Client {
  doc: Y.Doc;
  /** Where new notes appear for a facilitator. */
  notes: () => Y.Map<unknown>;
  /** Where shared notes appear for a participant. */
  shared: () => Y.Map<unknown>;
  synced: Promise<void>;
  destroy(): void;
  /** Lean phones (lean-phone.ts): whether this phone applies updates to its document. */
  keepsDocument?: boolean;
  /** Lean phones: told the shared-note keys of each update, with when it was read off the socket. */
  onShared?: (listener: (keys: string[], at: number) => void) => void;
}

export interface Ready {
  url: string;
  secret?: string;
  sessionId?: string;
}

/** How the load reaches one kind of server. Participant writes differ by design (see docs). */
export interface Target {
  name: string;
  script: string;
  prepareParticipants(ready: Ready, n: number): Promise<unknown[]>;
  participant(ready: Ready, credential: unknown, i: number): Client;
  facilitator(ready: Ready): Client;
  writeNote(
    ready: Ready,
    credential: unknown,
    client: Client,
    id: string,
    text: string,
  ): Promise<void>;
  shareNote(facilitator: Client, id: string, text: string): void;
}

const WS = WebSocket as unknown as typeof globalThis.WebSocket;

/**
 * Phones are lean protocol clients (lean-phone.ts) unless BENCH_PHONES=stock, which runs the
 * stock provider for every phone as well (the load generator then measures itself more than
 * the server: see docs/benchmarks.md). Facilitators always run the stock provider.
 */
export const STOCK_PHONES = process.env.BENCH_PHONES === 'stock';
const wsUrl = (url: string) => url.replace(/^http/, 'ws');

function yws(url: string, room: string, params: Record<string, string> = {}): Client {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(wsUrl(url), room, doc, {
    params,
    WebSocketPolyfill: WS,
    disableBc: true,
  });
  p.awareness.setLocalState({ name: `Person ${doc.clientID % 1000}`, colour: '#336699' });
  return {
    doc,
    notes: () => doc.getMap('notes'),
    shared: () => doc.getMap('shared'),
    synced: new Promise((r) => p.once('sync', () => r())),
    destroy: () => p.destroy(),
  };
}

export const reference: Target = {
  name: 'y-websocket 2.1.0 (reference)',
  script: 'bench/collab/servers/reference.ts',
  prepareParticipants: async (_r, n) => Array.from({ length: n }, () => null),
  participant: (r) =>
    STOCK_PHONES
      ? yws(r.url, 'bench')
      : leanPhone({ url: `${wsUrl(r.url)}/bench`, sharedMap: 'shared' }),
  facilitator: (r) => yws(r.url, 'bench'),
  // Without a validated path, the reference lets participants write the shared document directly.
  writeNote: async (_r, _c, client, id, text) => {
    client.doc.getMap('notes').set(id, text);
  },
  shareNote: (f, id, text) => f.doc.getMap('shared').set(id, text),
};

function hp(url: string): Client {
  const doc = new Y.Doc();
  let done: () => void = () => {};
  const synced = new Promise<void>((r) => (done = r));
  const p = new HocuspocusProvider({
    url: wsUrl(url),
    name: 'bench',
    document: doc,
    WebSocketPolyfill: WebSocket,
    onSynced: () => done(),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  p.setAwarenessField('user', { name: `Person ${doc.clientID % 1000}`, colour: '#336699' });
  return {
    doc,
    notes: () => doc.getMap('notes'),
    shared: () => doc.getMap('shared'),
    synced,
    destroy: () => p.destroy(),
  };
}

export const hocuspocus: Target = {
  name: '@hocuspocus/server 3.4.4',
  script: 'bench/collab/servers/hocuspocus.ts',
  prepareParticipants: async (_r, n) => Array.from({ length: n }, () => null),
  participant: (r) =>
    STOCK_PHONES
      ? hp(r.url)
      : leanPhone({ url: wsUrl(r.url), hocuspocusDocument: 'bench', sharedMap: 'shared' }),
  facilitator: (r) => hp(r.url),
  writeNote: async (_r, _c, client, id, text) => {
    client.doc.getMap('notes').set(id, text);
  },
  shareNote: (f, id, text) => f.doc.getMap('shared').set(id, text),
};

interface OurCredential {
  token: string;
  send: ReturnType<typeof participantTransport>;
}

export const ours: Target = {
  name: 'Cohear',
  script: 'bench/collab/servers/ours.ts',
  async prepareParticipants(r, n) {
    const res = await fetch(`${r.url}/api/sessions/${r.sessionId}/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.secret}` },
    });
    const code = ((await res.json()) as { code: string }).code;
    const out: OurCredential[] = [];
    for (let i = 0; i < n; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, async () => {
          const j = await joinSession(leanFetch, r.url, { code });
          const send = participantTransport(leanFetch, r.url, j.token);
          const c = await send(writes.consent({ storeWords: true }));
          if (!c.ok) throw new Error('consent refused');
          return { token: j.token, send };
        }),
      );
      out.push(...batch);
    }
    return out;
  },
  participant(r, credential) {
    const token = (credential as OurCredential).token;
    if (!STOCK_PHONES)
      return leanPhone({
        url: `${wsUrl(r.url)}/collab/room/${r.sessionId}?token=${token}`,
        sharedMap: 'sharedNotes',
      });
    const c = yws(`${r.url}/collab`, `room/${r.sessionId}`, { token });
    return { ...c, shared: () => c.doc.getMap('sharedNotes') };
  },
  facilitator(r) {
    const c = yws(`${r.url}/collab`, `session/${r.sessionId}`, { token: r.secret as string });
    return { ...c, notes: () => new SessionDoc(c.doc).notes.map as unknown as Y.Map<unknown> };
  },
  // Participants write through the validated, durable HTTP path; acknowledged after commit.
  async writeNote(_r, credential, _client, id, text) {
    const res = await (credential as OurCredential).send({
      writeId: `w${id}`,
      type: 'note.add',
      note: { id, text },
    });
    if (!res.ok) throw new Error(`write refused: ${res.error.message}`);
  },
  shareNote(f, id) {
    const s = new SessionDoc(f.doc);
    if (s.notes.has(id)) s.notes.patch(id, { shared: true });
  },
};
