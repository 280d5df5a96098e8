import { TokenBucket } from '../auth/throttle.ts';
import type { Connection } from './connection.ts';
import { encodeAwareness, readAwarenessPayload, type AwarenessEntry } from './protocol.ts';
import { WsFrame } from './ws-frame.ts';

/** The awareness id the server speaks as (for the participant count and keep-alive). */
export const SERVER_PRESENCE_ID = 0;
/**
 * The stock client drops a connection after 30 s of silence and forgets a remote presence not
 * renewed for 30 s; every connection hears the count at least this often.
 */
export const KEEPALIVE_MS = 20_000;
/** How often connections due their count are looked for. */
const RENEW_CHECK_MS = 2_500;
const FACILITATOR_FLUSH_MS = 50;
const COUNT_MIN_INTERVAL_MS = 1_000;
/** A facilitator's echo holds one entry per person present; more than this is not a room. */
const MAX_FACILITATOR_ECHO = 50_000;

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Who a participant connection is, as facilitators may see it: decided by the server. */
export interface PresenceIdentity {
  participantId: string;
  /** How reports refer to them ("a parent"); never a name. */
  descriptor: string;
}

/**
 * Security decision: a participant's presence is rebuilt by the server: who they are (their
 * participant id and descriptor) comes from their token, never from what they send, and of what
 * they send only two known fields (colour, typing) are kept; anything else (names, ids, markup,
 * huge strings) never reaches anyone.
 */
export function sanitisePresence(
  state: Record<string, unknown>,
  who: PresenceIdentity | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = { role: 'participant' };
  if (who) {
    out.participantId = who.participantId;
    out.descriptor = who.descriptor;
  }
  if (typeof state.colour === 'string' && COLOUR.test(state.colour)) out.colour = state.colour;
  else if (typeof state.color === 'string' && COLOUR.test(state.color)) out.colour = state.color;
  if (typeof state.typing === 'boolean') out.typing = state.typing;
  return out;
}

interface Present {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
  /** The participant a participant connection speaks for (null for facilitators). */
  participantId: string | null;
}

/**
 * Presence for one session, across its `session/` and `room/` connections.
 *
 * Protocol decision: the stock server relays every awareness frame to every client, so N phones
 * renewing every 15 s cost N² frames. Here participants' presence goes only to facilitators
 * (batched every 50 ms), and participants get one small frame with the count, at most once a
 * second when it changes, and otherwise on each connection's own 20-second phase (the
 * keep-alive). Facilitators' own presence goes to other facilitators.
 */
export class SessionPresence {
  private readonly participants = new Map<Connection, Present>();
  private readonly facilitators = new Map<Connection, Present>();
  private readonly buckets = new Map<Connection, TokenBucket>();
  /** Participants present, by id: how many of their connections are present (phone and laptop). */
  private readonly present = new Map<string, number>();
  private readonly identities = new Map<Connection, PresenceIdentity | null>();
  private dirty: AwarenessEntry[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private countTimer: NodeJS.Timeout | null = null;
  private lastCountSent = 0;
  private serverClock = 0;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    /** All connections of the session (both documents). */
    private readonly connections: () => Iterable<Connection>,
    private readonly perSecond: number,
    /** A participant's descriptor, read once per connection (not per message). */
    private readonly describe: (participantId: string) => string | null = () => null,
  ) {
    this.keepAlive = setInterval(() => this.renewDueCounts(), RENEW_CHECK_MS);
    this.keepAlive.unref();
  }

  /** Participants present: people, not connections (one person on two devices counts once). */
  get count(): number {
    return this.present.size;
  }

  /** What a newly connected client should hear first. */
  greet(conn: Connection): void {
    conn.send(this.countFrame());
    // A random first renewal desynchronises connections that joined in the same second.
    conn.countDueAt = Date.now() + Math.random() * KEEPALIVE_MS;
    if (conn.isParticipant) return;
    const entries: AwarenessEntry[] = [];
    for (const p of this.participants.values()) if (p.state) entries.push(wire(p));
    for (const [c, p] of this.facilitators)
      if (c !== conn && c.docName === conn.docName && p.state) entries.push(wire(p));
    if (entries.length > 0) conn.send(encodeAwareness(entries));
  }

  /** Throws MalformedMessageError for garbage (the caller closes the connection). */
  receive(conn: Connection, payload: Uint8Array): void {
    let bucket = this.buckets.get(conn);
    if (!bucket) {
      bucket = new TokenBucket(this.perSecond, this.perSecond, Date.now());
      this.buckets.set(conn, bucket);
    }
    // Over the rate: dropped, not an error (a stuck typing indicator is the worst outcome).
    if (!bucket.take(Date.now())) return;
    // Protocol decision: the stock client re-sends every awareness change it applies, so a
    // facilitator echoes back the whole room's presence each time it hears it. That echo is
    // normal, not malformed: it is bounded by the message size limit, and only the sender's own
    // entry is decoded. Participants hear only the server's count, so theirs stay tiny.
    const entries = readAwarenessPayload(
      payload,
      conn.isParticipant ? 4 : MAX_FACILITATOR_ECHO,
      conn.presenceClientId,
    );
    // A connection speaks for one awareness id: the first one it uses.
    const own = entries.find((e) => e.clientId === (conn.presenceClientId ?? e.clientId));
    if (!own || own.clientId === SERVER_PRESENCE_ID) return;
    if (conn.presenceClientId === null) {
      if (this.idTaken(own.clientId, conn)) return;
      conn.presenceClientId = own.clientId;
    }
    const table = conn.isParticipant ? this.participants : this.facilitators;
    const before = table.get(conn);
    if (before && own.clock < before.clock) return;
    const who = conn.isParticipant ? this.identity(conn) : null;
    const state = own.state && conn.isParticipant ? sanitisePresence(own.state, who) : own.state;
    const entry = {
      clientId: own.clientId,
      clock: own.clock,
      state,
      participantId: who?.participantId ?? null,
    };
    const wasPresent = Boolean(before?.state);
    table.set(conn, entry);
    if (conn.isParticipant) {
      this.dirty.push(wire(entry));
      this.scheduleFlush();
      if (wasPresent !== Boolean(state)) {
        this.tally(entry.participantId, state ? 1 : -1);
        this.scheduleCount();
      }
    } else {
      const frame = new WsFrame(encodeAwareness([entry]));
      for (const c of this.facilitators.keys())
        if (c !== conn && c.docName === conn.docName) c.send(frame);
    }
  }

  remove(conn: Connection): void {
    this.buckets.delete(conn);
    this.identities.delete(conn);
    const table = conn.isParticipant ? this.participants : this.facilitators;
    const p = table.get(conn);
    table.delete(conn);
    if (!p?.state) return;
    const gone = { clientId: p.clientId, clock: p.clock + 1, state: null };
    if (conn.isParticipant) {
      this.tally(p.participantId, -1);
      this.dirty.push(gone);
      this.scheduleFlush();
      this.scheduleCount();
    } else {
      const frame = new WsFrame(encodeAwareness([gone]));
      for (const c of this.facilitators.keys()) if (c.docName === conn.docName) c.send(frame);
    }
  }

  /** Facilitators register on connect so they receive presence even before sending their own. */
  addFacilitator(conn: Connection): void {
    if (!this.facilitators.has(conn))
      this.facilitators.set(conn, { clientId: -1, clock: 0, state: null, participantId: null });
  }

  private identity(conn: Connection): PresenceIdentity | null {
    let who = this.identities.get(conn);
    if (who === undefined) {
      const p = conn.principal;
      who =
        p.role === 'participant'
          ? {
              participantId: p.participantId,
              descriptor: this.describe(p.participantId) ?? 'A participant',
            }
          : null;
      this.identities.set(conn, who);
    }
    return who;
  }

  private tally(participantId: string | null, delta: 1 | -1): void {
    // A participant connection without an identity still counts, under its own key.
    const key = participantId ?? '';
    const n = (this.present.get(key) ?? 0) + delta;
    if (n <= 0) this.present.delete(key);
    else this.present.set(key, n);
  }

  private idTaken(clientId: number, conn: Connection): boolean {
    for (const [c, p] of [...this.participants, ...this.facilitators])
      if (c !== conn && p.clientId === clientId) return true;
    return false;
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const entries = this.dirty;
      this.dirty = [];
      if (entries.length === 0) return;
      const frame = new WsFrame(encodeAwareness(entries));
      for (const c of this.facilitators.keys()) c.send(frame);
    }, FACILITATOR_FLUSH_MS);
  }

  private scheduleCount(): void {
    if (this.countTimer) return;
    const wait = Math.max(0, this.lastCountSent + COUNT_MIN_INTERVAL_MS - Date.now());
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      this.sendCount();
    }, wait);
  }

  /**
   * The clock rises with time (tenths of a second), not just by one: a client that reconnects
   * has bumped our entry's clock while marking it gone, and must still accept the next frame.
   */
  private countFrame(): Uint8Array {
    this.serverClock = Math.max(this.serverClock + 1, Math.floor(Date.now() / 100));
    return encodeAwareness([
      {
        clientId: SERVER_PRESENCE_ID,
        clock: this.serverClock,
        state: { role: 'server', present: this.count },
      },
    ]);
  }

  /** One shared frame to everyone: the count changed. */
  private sendCount(): void {
    const now = Date.now();
    this.lastCountSent = now;
    const frame = new WsFrame(this.countFrame());
    for (const c of this.connections()) {
      c.send(frame);
      c.countDueAt = now + KEEPALIVE_MS;
    }
  }

  /**
   * Protocol decision: renewing the count (the keep-alive) for everyone at once would wake a
   * thousand phones in the same instant every 20 s, and stall whatever else is in flight. Each connection is renewed on its own phase instead, a few at a time.
   */
  private renewDueCounts(): void {
    const now = Date.now();
    let frame: WsFrame | null = null;
    for (const c of this.connections()) {
      if (c.countDueAt > now) continue;
      frame ??= new WsFrame(this.countFrame());
      c.send(frame);
      c.countDueAt = now + KEEPALIVE_MS;
    }
  }

  close(): void {
    clearInterval(this.keepAlive);
    this.identities.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.countTimer) clearTimeout(this.countTimer);
  }
}

/** An entry as it goes on the wire (the participant id travels inside the state, if at all). */
function wire(p: Present): AwarenessEntry {
  return { clientId: p.clientId, clock: p.clock, state: p.state };
}
