import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
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
 * One phone in DOC_SAMPLE also keeps a real Y.Doc and applies every update to it, once the burst
 * it came in is over; the benchmark reports when the last of those had applied each shared note,
 * and checks that they all did. Why not every phone: a reference server sends every note to every
 * phone, and a thousand Yjs applies of each (about 15 µs and 12 KB of garbage apiece, 20,000 a
 * second) took 40 points of the load core, which pushed those runs past the 70% at which they are
 * discarded. On real phones those applies happen on a thousand devices.
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
/** A burst is over when no update has arrived for this long... */
const QUIET_MS = 3;
/** ...or when its oldest frame has waited this long. */
const MAX_WAIT_MS = 200;
/**
 * Updates applied before the thread reads its sockets again (about a millisecond of Yjs). A
 * server that sends a share in slices leaves gaps longer than QUIET_MS in the burst; applying a
 * thousand updates in one go then kept the rest of the burst unread for 10-20 ms, and that wait
 * was charged to the server as late arrivals. Real phones apply in parallel and read meanwhile.
 */
const DRAIN_CHUNK = 64;

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

function sharedKeysOf(update: Uint8Array, sharedMap: string): string[] {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
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

const now = () => performance.timeOrigin + performance.now();

/** Updates read but not yet applied, for every phone in this thread, in arrival order. */
interface Waiting {
  apply: () => void;
  at: number;
}
const backlog: Waiting[] = [];
let lastArrival = 0;
let drainTimer: NodeJS.Timeout | null = null;
let draining = false;

function enqueue(w: Waiting): void {
  backlog.push(w);
  lastArrival = w.at;
  if (!draining) drainTimer ??= setTimeout(drainWhenQuiet, QUIET_MS);
}

function drainWhenQuiet(): void {
  const t = now();
  const oldest = backlog[0]?.at ?? t;
  if (t - lastArrival < QUIET_MS && t - oldest < MAX_WAIT_MS) {
    drainTimer = setTimeout(drainWhenQuiet, QUIET_MS);
    return;
  }
  // Timers run before the event loop reads sockets: after this thread was off the core for a few
  // milliseconds, frames may be waiting unread. Let one read pass happen before deciding.
  const seen = lastArrival;
  setImmediate(() => {
    if (lastArrival !== seen && now() - oldest < MAX_WAIT_MS) {
      drainTimer = setTimeout(drainWhenQuiet, QUIET_MS);
      return;
    }
    drainTimer = null;
    drain();
  });
}

/** Applies the backlog in arrival order, DRAIN_CHUNK at a time; what arrives meanwhile joins it. */
function drain(): void {
  draining = true;
  const batch = backlog.splice(0, DRAIN_CHUNK);
  for (const w of batch) w.apply();
  if (backlog.length > 0) {
    setImmediate(drain);
    return;
  }
  draining = false;
  // Applying a burst leaves megabytes of short-lived garbage; collected now, while nothing is
  // being timed, rather than by a collection that stops this thread halfway through reading the
  // next burst. Needs --expose-gc (run.ts passes it); without it the runtime collects when it likes.
  (globalThis as { gc?: (options: object) => void }).gc?.({ type: 'minor' });
}

export function leanPhone(options: LeanPhoneOptions): Client {
  const doc = new Y.Doc();
  const prefix = options.hocuspocusDocument;
  const keepsDocument = phonesMade++ % DOC_SAMPLE === 0;
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
    // Most frames are other people's presence (67,000 a second from a reference server at 1,000
    // phones): dropped on their first byte, before anything is decoded or allocated.
    if (data[typeAt] === MESSAGE_AWARENESS) return;
    const d = decoding.createDecoder(data);
    if (prefix !== undefined) decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const rest = decoding.peekVarUint(d);
    if (isSynced && rest === syncProtocol.messageYjsUpdate) {
      const u = decoding.createDecoder(data);
      u.pos = d.pos;
      decoding.readVarUint(u);
      const keys = sharedKeysOf(decoding.readVarUint8Array(u), options.sharedMap);
      if (keys.length > 0) onShared(keys, at);
      if (!keepsDocument) return;
      // The frame's bytes live in the shared read buffer only for this call: keep a copy.
      const kept = decoding.createDecoder(new Uint8Array(data));
      kept.pos = d.pos;
      enqueue({
        at,
        apply: () => syncProtocol.readSyncMessage(kept, encoding.createEncoder(), doc, null),
      });
      return;
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
    close: () => {
      if (renew) clearTimeout(renew);
    },
  });

  return {
    doc,
    notes: () => doc.getMap('notes'),
    shared: () => doc.getMap(options.sharedMap),
    synced,
    keepsDocument,
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
