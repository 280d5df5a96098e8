import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../core/client/messages.ts';
import {
  credentialsOf,
  resolvePrincipal,
  sameOrigin,
  type Principal,
  type PrincipalResolverDeps,
} from '../auth/principal.ts';
import { CLOSE, type Limits } from '../server/limits.ts';
import type { Logger } from '../server/logger.ts';
import { Connection } from './connection.ts';
import { parseDocName, type DocRegistry } from './doc-registry.ts';
import { DocumentFullError, type LiveDoc } from './live-doc.ts';
import {
  MalformedMessageError,
  encodePermissionDenied,
  encodeSyncStep1,
  readMessage,
} from './protocol.ts';
import { SessionPresence } from './presence.ts';
import type { SessionHub } from './session-hub.ts';

/** WebSocket documents are served under this path: `/collab/room/<session>`. */
export { COLLAB_PATH };
/** Connections due a ping are looked for this many times per ping interval. */
const PING_CHECKS_PER_INTERVAL = 12;

/** Where a connection is in its ping cycle. */
interface Liveness {
  pingDueAt: number;
  /** When the unanswered ping went out; null once answered. */
  awaitingSince: number | null;
}

type Access = { ok: true; readOnly: boolean } | { ok: false; code: number; reason: string };

/**
 * Who may sync what (docs/security.md): facilitators read and write programme and session
 * documents and read rooms; a participant reads only the room of their own session; observers
 * sync nothing. Rooms are read-only for everyone: only the server's projection writes them.
 */
export function accessFor(principal: Principal, docName: string): Access {
  const doc = parseDocName(docName);
  if (!doc) return { ok: false, code: CLOSE.notFound, reason: 'no such document' };
  switch (principal.role) {
    case 'facilitator':
      return { ok: true, readOnly: doc.kind === 'room' };
    case 'participant':
      return doc.kind === 'room' && doc.id === principal.sessionId
        ? { ok: true, readOnly: true }
        : { ok: false, code: CLOSE.forbidden, reason: 'participants may only join their own room' };
    case 'observer':
      return { ok: false, code: CLOSE.forbidden, reason: 'observers may download exports only' };
  }
}

export interface GatewayDeps {
  registry: DocRegistry;
  auth: PrincipalResolverDeps;
  limits: Limits;
  log: Logger;
  /**
   * Whether an account may reach the programme a document belongs to (server mode's
   * memberships); without it every facilitator reaches every document, as on the desktop.
   */
  mayReach?: (principal: Principal, doc: { kind: string; id: string }) => boolean;
  /** Told of every applied edit, for the audit log. */
  onEdit?: (principal: Principal, docName: string, updateBytes: number) => void;
}

/** Accepts WebSocket upgrades, authenticates them once and speaks the y-websocket protocol. */
export class WsGateway {
  private readonly wss: WebSocketServer;
  private readonly perAddress = new ConnectionCounts();
  /** Per participant, or per facilitator or observer sign-in (see `holderOf`). */
  private readonly perHolder = new ConnectionCounts();
  private readonly liveness = new WeakMap<WebSocket, Liveness>();
  /** Presence of programme documents (a session's lives in its hub), while anyone is connected. */
  private readonly docPresence = new Map<LiveDoc, SessionPresence>();
  private readonly all = new Set<Connection>();
  private readonly pinger: NodeJS.Timeout;
  private open = 0;
  private closing = false;

  constructor(private readonly deps: GatewayDeps) {
    // Frames over the limit are refused by ws itself with close code 1009.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.limits.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.pinger = setInterval(
      () => this.ping(),
      deps.limits.pingIntervalMs / PING_CHECKS_PER_INTERVAL,
    );
    this.pinger.unref();
  }

  /**
   * Closes the connections of anyone who may no longer reach their document (a membership
   * revoked, an account disabled): permission is decided at the upgrade, so it is withdrawn here.
   */
  recheckAccess(): void {
    if (!this.deps.mayReach) return;
    for (const conn of this.all) {
      const doc = parseDocName(conn.docName);
      if (doc && !conn.isParticipant && !this.deps.mayReach(conn.principal, doc))
        conn.close(CLOSE.forbidden, 'you are no longer a member of this programme');
    }
  }

  get connections(): number {
    return this.open;
  }

  /** Handles an HTTP upgrade request; answers with an HTTP error where it can. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, address: string): void {
    const refuse = (status: number, text: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
    };
    if (this.closing) return refuse(503, 'Server is shutting down');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(COLLAB_PATH)) return refuse(404, 'Not Found');
    if (this.open >= this.deps.limits.maxConnections)
      return refuse(503, 'Server is at its connection limit');
    const { limits } = this.deps;
    if (this.perAddress.get(address) >= limits.maxConnectionsPerAddress)
      return refuse(
        429,
        `Too many connections from your address (at most ${limits.maxConnectionsPerAddress})`,
      );
    const docName = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length));
    const creds = credentialsOf(req, url);
    const principal = creds ? resolvePrincipal(this.deps.auth, creds.token) : null;
    const holder = principal && creds ? holderOf(principal, creds.token) : null;
    if (holder) {
      const max =
        principal?.role === 'participant'
          ? limits.maxConnectionsPerParticipant
          : limits.maxConnectionsPerSignIn;
      if (this.perHolder.get(holder) >= max)
        return refuse(429, `Too many connections for one person (at most ${max})`);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const deny = (code: number, reason: string) => {
        ws.send(encodePermissionDenied(reason));
        ws.close(code, reason);
      };
      if (!principal) return deny(CLOSE.unauthorised, 'sign in or join again');
      if (creds?.viaCookie && !sameOrigin(req))
        return deny(CLOSE.forbidden, 'cross-site connection refused');
      const access = accessFor(principal, docName);
      if (!access.ok) return deny(access.code, access.reason);
      const doc = parseDocName(docName);
      if (doc && this.deps.mayReach && !this.deps.mayReach(principal, doc))
        return deny(CLOSE.forbidden, 'you are not a member of this programme');
      let found: ReturnType<DocRegistry['doc']>;
      try {
        found = this.deps.registry.doc(docName);
      } catch (e) {
        this.deps.log.error('doc.load-failed', { doc: docName, error: String(e) });
        return deny(CLOSE.serverError, 'document could not be loaded');
      }
      if (!found) return deny(CLOSE.notFound, 'no such document');
      this.attach(ws, socket, principal, found.live, found.hub, access.readOnly, [
        address,
        holder as string,
      ]);
    });
  }

  private attach(
    ws: WebSocket,
    socket: Duplex,
    principal: Principal,
    live: LiveDoc,
    hub: SessionHub | null,
    readOnly: boolean,
    [address, holder]: [string, string],
  ): void {
    const conn = new Connection(
      ws,
      socket,
      principal,
      live.name,
      readOnly,
      address,
      this.deps.limits.maxBufferedBytes,
    );
    this.open++;
    this.perAddress.add(address);
    this.perHolder.add(holder);
    // A random first ping spreads connections that arrived together over the whole interval.
    this.liveness.set(ws, {
      pingDueAt: Date.now() + Math.random() * this.deps.limits.pingIntervalMs,
      awaitingSince: null,
    });
    live.connections.add(conn);
    this.all.add(conn);
    const presence = hub?.presence ?? this.programmePresence(live);
    if (!conn.isParticipant) presence.addFacilitator(conn);
    ws.on('pong', () => {
      const l = this.liveness.get(ws);
      if (l) l.awaitingSince = null;
    });
    ws.on('message', (data, isBinary) => this.onMessage(conn, live, hub, data, isBinary));
    ws.on('error', (e) => this.deps.log.warn('ws.error', { conn: conn.id, error: e.message }));
    ws.on('close', () => {
      conn.closed = true;
      this.open--;
      this.perAddress.remove(address);
      this.perHolder.remove(holder);
      live.connections.delete(conn);
      this.all.delete(conn);
      presence.remove(conn);
      if (!hub && live.connections.size === 0) {
        presence.close();
        this.docPresence.delete(live);
      }
      if (hub) hub.lastActive = Date.now();
    });
    // A writer gets our state vector so it sends what we lack; a reader's state is never wanted.
    if (!readOnly) conn.send(encodeSyncStep1(Y.encodeStateVector(live.doc)));
    presence.greet(conn);
  }

  /**
   * Security decision: presence on a programme document goes through the same checks as on a
   * session's (decoded, the sender's own entry only, rate-limited, rebuilt before relaying).
   * Relayed as received, one facilitator's garbled frame threw inside every other stock client.
   */
  private programmePresence(live: LiveDoc): SessionPresence {
    let presence = this.docPresence.get(live);
    if (!presence) {
      presence = new SessionPresence(() => live.connections, this.deps.limits.presencePerSecond);
      this.docPresence.set(live, presence);
    }
    return presence;
  }

  private onMessage(
    conn: Connection,
    live: LiveDoc,
    hub: SessionHub | null,
    data: RawData,
    isBinary: boolean,
  ): void {
    if (conn.closed) return;
    const frame = toBytes(data);
    if (!isBinary) return conn.close(CLOSE.malformed, 'expected binary y-websocket frames');
    if (conn.isParticipant && frame.byteLength > this.deps.limits.maxParticipantMessageBytes)
      return conn.close(CLOSE.tooBig, 'message too large');
    try {
      const msg = readMessage(frame);
      switch (msg.kind) {
        case 'sync-step-1':
          checkStateVector(msg.stateVector);
          live.answerSyncStep1(msg.stateVector, conn);
          return;
        case 'sync-step-2':
        case 'update':
          // Read-only rooms: a reader's edits are dropped, never applied, never relayed.
          if (conn.readOnly) return;
          checkUpdate(msg.update);
          live.applyRemote(msg.update, conn);
          this.deps.onEdit?.(conn.principal, live.name, msg.update.byteLength);
          return;
        case 'awareness':
          (hub?.presence ?? this.docPresence.get(live))?.receive(conn, msg.update);
          return;
        case 'query-awareness':
          (hub?.presence ?? this.docPresence.get(live))?.greet(conn);
          return;
        case 'auth':
          return;
      }
    } catch (e) {
      if (e instanceof MalformedMessageError) {
        // The client's fault, not the server's: a warning, and only once (the close ends it).
        if (!conn.closed)
          this.deps.log.warn('ws.malformed', {
            conn: conn.id,
            doc: conn.docName,
            error: e.message,
          });
        return conn.close(CLOSE.malformed, `malformed message: ${e.message}`);
      }
      if (e instanceof DocumentFullError) return conn.close(CLOSE.documentFull, e.message);
      this.deps.log.error('ws.failed', { conn: conn.id, doc: conn.docName, error: String(e) });
      conn.close(CLOSE.serverError, 'the server could not apply that change');
    }
  }

  /**
   * Pings each connection on its own phase: pinging a thousand phones at once, and reading a
   * thousand pongs straight after, held up every note and broadcast for some 15 ms every 30 s.
   */
  private ping(): void {
    const now = Date.now();
    const interval = this.deps.limits.pingIntervalMs;
    for (const ws of this.wss.clients) {
      const l = this.liveness.get(ws);
      if (!l) continue;
      if (l.awaitingSince !== null) {
        if (now - l.awaitingSince >= interval) ws.terminate();
        continue;
      }
      if (l.pingDueAt > now) continue;
      l.awaitingSince = now;
      l.pingDueAt = now + interval;
      ws.ping();
    }
  }

  /** Shutdown: tells every client to come back later (the stock client reconnects). */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pinger);
    const closed = [...this.wss.clients].map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close(CLOSE.goingAway, 'server shutting down');
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 1000).unref();
        }),
    );
    await Promise.all(closed);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/**
 * Whose allowance a connection counts against: the participant, or the sign-in (a facilitator in
 * two browsers has two). Only a digest of the token is kept, so the map holds nothing usable.
 */
function holderOf(principal: Principal, token: string): string {
  if (principal.role === 'participant') return `participant:${principal.participantId}`;
  return `sign-in:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
}

/** Open connections per key; a key with none is forgotten. */
class ConnectionCounts {
  private readonly counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.counts.set(key, this.get(key) + 1);
  }

  remove(key: string): void {
    const n = this.get(key) - 1;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}

/** Yjs throws an internal error for a garbled state vector; it is the client's fault. */
function checkStateVector(stateVector: Uint8Array): void {
  if (stateVector.byteLength <= 1) return;
  try {
    Y.decodeStateVector(stateVector);
  } catch {
    throw new MalformedMessageError('state vector is garbled');
  }
}

/** A garbled update can half-apply before Yjs notices; decoding it first rejects it whole. */
function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new MalformedMessageError('update is not a Yjs update');
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
