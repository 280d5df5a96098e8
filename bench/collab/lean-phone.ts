import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DocumentKeeper } from './document-keeper.ts';
import { RawWebSocket } from './raw-websocket.ts';
import type { Client } from './targets.ts';

/**
 * A simulated phone that speaks the wire protocol itself instead of running the stock provider.
 *
 * Why: a thousand real phones are a thousand processors, but the benchmark runs them all on one
 * core, and what it should time is the server. Two things made the stock providers time the
 * simulation instead:
 * - Cost: about 40 µs of this core per frame per phone (ArrayBuffer copies, every applied change
 *   encoded again for the provider's own `update` listener, awareness bookkeeping and its echo).
 * - Order: applying a shared note to phone 1's document (10-15 µs of Yjs, and 12 KB of garbage)
 *   delayed the moment phone 1,000 could even read the frame the server had already sent it.
 *   On real phones those applies happen at the same time, one per device.
 *
 * So this phone does what a phone does on the wire: it syncs, renews its presence every 15 s as
 * the stock client does, answers the server's sync requests, and reads every frame the server
 * sends it off its own socket. A document update that arrives after the first sync is looked at
 * when it is read: the keys it sets in the shared-notes map are reported then (`onShared`), which
 * is the phone's arrival time. What an update holds is decoded once per thread, not once per
 * phone: a broadcast reaches every phone as the same bytes.
 *
 * One phone in DOC_SAMPLE also keeps a real Y.Doc, which gets every update that phone read (its
 * first sync included), applied on a thread of its own (DocumentKeeper); the benchmark reports
 * when the last of those had applied each shared note, and checks that they all did. Why not
 * every phone: a reference server sends every note to every phone, and a thousand Yjs applies of
 * each (about 15 µs and 12 KB of garbage apiece, 20,000 a second) took 40 points of the load
 * core, which pushed those runs past the 70% at which they are discarded. On real phones those
 * applies happen on a thousand devices.
 *
 * Other people's presence is read only as far as the message type and is not echoed back (the
 * stock client echoes it), which spares the reference servers work, not ours.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus' "sync, but do not answer with a step 1 of your own". */
const MESSAGE_SYNC_REPLY = 4;
/** One phone in this many keeps a document and applies every update (see above). */
const DOC_SAMPLE = 10;
let phonesMade = 0;
/** The stock clients renew their presence this often. */
const PRESENCE_RENEW_MS = 15_000;
/** A burst of frames is over when none has arrived for this long (see collectWhenQuiet). */
const QUIET_MS = 3;

export interface LeanPhoneOptions {
  /** Full WebSocket address, query string included. */
  url: string;
  /** Hocuspocus frames every message with the document's name and waits for an auth message. */
  hocuspocusDocument?: string;
  /** The root map shared notes are set in. */
  sharedMap: string;
}

/** Per distinct update this thread has read: the keys it sets in the shared-notes map. */
const sharedKeysSeen = new Map<string, string[]>();

const latin1 = (u: Uint8Array) =>
  Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('latin1');

function sharedKeysOf(update: Uint8Array, bytes: string, sharedMap: string): string[] {
  let keys = sharedKeysSeen.get(bytes);
  if (!keys) {
    keys = [];
    for (const s of Y.decodeUpdate(update).structs)
      // A root type is named by a string in a decoded update (a new key has no left neighbour).
      if (s instanceof Y.Item && (s.parent as unknown) === sharedMap && s.parentSub !== null)
        keys.push(s.parentSub);
    // Notes arrive by the dozen a second; a broadcast's copies all arrive within milliseconds.
    if (sharedKeysSeen.size >= 256) sharedKeysSeen.clear();
    sharedKeysSeen.set(bytes, keys);
  }
  return keys;
}

/** The documents of the phones that keep one; made with the first of them. */
let keeper: DocumentKeeper | null = null;

/** The keeper of this thread's phones' documents, if any phone keeps one. */
export function leanPhoneDocuments(): DocumentKeeper | null {
  return keeper;
}

let lastFrameAt = 0;
let collectTimer: NodeJS.Timeout | null = null;

/**
 * Reading a burst leaves short-lived garbage (a frame view and a string per phone); it is
 * collected once the burst has been quiet for QUIET_MS, while nothing is being timed, rather than
 * by a collection that stops this thread halfway through reading the next one. Needs
 * --expose-gc (run.ts passes it); without it the runtime collects when it likes.
 */
function collectWhenQuiet(): void {
  lastFrameAt = performance.now();
  collectTimer ??= setTimeout(function check() {
    const quietFor = performance.now() - lastFrameAt;
    if (quietFor < QUIET_MS) {
      collectTimer = setTimeout(check, QUIET_MS - quietFor);
      return;
    }
    collectTimer = null;
    (globalThis as { gc?: (options: object) => void }).gc?.({ type: 'minor' });
  }, QUIET_MS);
}

export function leanPhone(options: LeanPhoneOptions): Client {
  const doc = new Y.Doc();
  const prefix = options.hocuspocusDocument;
  const document =
    phonesMade++ % DOC_SAMPLE === 0
      ? (keeper ??= new DocumentKeeper(options.sharedMap)).add()
      : null;
  let onShared: (keys: string[], at: number) => void = () => {};
  let clock = 0;
  let isSynced = false;
  const state = JSON.stringify({ name: `Person ${doc.clientID % 1000}`, colour: '#336699' });
  let renew: NodeJS.Timeout | null = null;
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((r) => (markSynced = r));

  const start = (type: number) => {
    const e = encoding.createEncoder();
    if (prefix !== undefined) encoding.writeVarString(e, prefix);
    encoding.writeVarUint(e, type);
    return e;
  };
  /** One awareness entry, this phone's own, encoded as y-protocols' awareness does. */
  const presenceFrame = (json: string) => {
    const e = start(MESSAGE_AWARENESS);
    const a = encoding.createEncoder();
    encoding.writeVarUint(a, 1);
    encoding.writeVarUint(a, doc.clientID);
    encoding.writeVarUint(a, ++clock);
    encoding.writeVarString(a, json);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(a));
    return encoding.toUint8Array(e);
  };
  const sendPresence = () => ws.send(presenceFrame(state));

  const onOpen = () => {
    if (prefix !== undefined) {
      const auth = start(MESSAGE_AUTH);
      encoding.writeVarUint(auth, 0); // a token follows
      encoding.writeVarString(auth, '');
      ws.send(encoding.toUint8Array(auth));
    }
    const step1 = start(MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    ws.send(encoding.toUint8Array(step1));
    sendPresence();
    // Real phones join over minutes and renew on their own clocks. A thousand that joined in the
    // same second would otherwise renew in the same millisecond here, a 30 ms burst of sends on
    // the load core that no server causes; each phone's renewals start at a random phase instead.
    renew = setTimeout(() => {
      sendPresence();
      renew = setInterval(sendPresence, PRESENCE_RENEW_MS);
    }, Math.random() * PRESENCE_RENEW_MS);
  };
  // Where the message type sits: after Hocuspocus' document name, a short one in a single byte.
  const typeAt = prefix === undefined ? 0 : 1 + Buffer.byteLength(prefix);
  const onMessage = (data: Uint8Array, at: number) => {
    // Presence is normally dropped before it gets here (`drop` below); a fragmented one is not.
    if (data[typeAt] === MESSAGE_AWARENESS) return;
    const d = decoding.createDecoder(data);
    if (prefix !== undefined) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const rest = decoding.peekVarUint(d);
    if (rest === syncProtocol.messageYjsSyncStep2 || rest === syncProtocol.messageYjsUpdate) {
      const u = decoding.createDecoder(data);
      u.pos = d.pos;
      decoding.readVarUint(u);
      const update = decoding.readVarUint8Array(u);
      const broadcast = isSynced && rest === syncProtocol.messageYjsUpdate;
      const bytes = broadcast || document !== null ? latin1(update) : '';
      if (document !== null) keeper?.keep(document, update, bytes);
      if (broadcast) {
        const keys = sharedKeysOf(update, bytes, options.sharedMap);
        if (keys.length > 0) onShared(keys, at);
        collectWhenQuiet();
        return;
      }
    }
    const reply = start(type);
    const before = encoding.length(reply);
    const kind = syncProtocol.readSyncMessage(d, reply, doc, null);
    if (encoding.length(reply) > before) ws.send(encoding.toUint8Array(reply));
    if (kind === syncProtocol.messageYjsSyncStep2) {
      isSynced = true;
      markSynced();
    }
  };
  const ws = new RawWebSocket(options.url, {
    open: onOpen,
    message: onMessage,
    // Most frames are other people's presence (67,000 a second from a reference server at 1,000
    // phones): dropped on their type byte, before any view of them is made or anything decoded.
    drop: (bytes, start, length) => length > typeAt && bytes[start + typeAt] === MESSAGE_AWARENESS,
    close: () => {
      if (renew) clearTimeout(renew);
    },
  });

  return {
    doc,
    notes: () => doc.getMap('notes'),
    shared: () => doc.getMap(options.sharedMap),
    synced,
    keepsDocument: document !== null,
    onShared: (listener) => (onShared = listener),
    destroy: () => {
      if (renew) clearTimeout(renew);
      // Leaving says so, as the stock client does, so the server drops the presence at once.
      if (ws.isOpen) ws.send(presenceFrame('null'));
      ws.close();
      doc.destroy();
    },
  };
}
