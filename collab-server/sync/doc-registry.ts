import type { Store } from '../store/index.ts';
import { CLOSE } from '../server/limits.ts';
import type { Logger } from '../server/logger.ts';
import type { Committer } from './committer.ts';
import type { LiveDoc, LiveDocOptions } from './live-doc.ts';
import type { RoomProjector } from './room-projector.ts';
import { LiveProgramme, SessionHub } from './session-hub.ts';

export type DocKind = 'programme' | 'session' | 'room';

/** Splits `room/<id>` and friends; anything else is not a document name. */
export function parseDocName(name: string): { kind: DocKind; id: string } | null {
  const m = /^(programme|session|room)\/([A-Za-z0-9_-]{1,64})$/.exec(name);
  return m ? { kind: m[1] as DocKind, id: m[2] as string } : null;
}

export interface RegistryOptions extends LiveDocOptions {
  /** Unload a session's documents this long after its last connection left. */
  idleUnloadMs: number;
  presencePerSecond: number;
}

/**
 * Loads documents on first use and unloads them when idle. Sessions load with their room and
 * programme (the projection needs all three).
 */
export class DocRegistry {
  private readonly hubs = new Map<string, SessionHub>();
  private readonly programmes = new Map<string, LiveProgramme>();
  private readonly dirty = new Set<RoomProjector>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly committer: Committer,
    private readonly options: RegistryOptions,
    private readonly log: Logger,
  ) {
    committer.beforeCommit(() => this.flushProjections());
    this.sweeper = setInterval(
      () => this.unloadIdle(),
      Math.max(1000, Math.min(10_000, options.idleUnloadMs)),
    );
    this.sweeper.unref();
  }

  get loadedDocs(): number {
    return this.hubs.size * 2 + this.programmes.size;
  }

  private flushProjections(): void {
    // Flushing may mark others (it never does today), so loop until quiet.
    while (this.dirty.size > 0) {
      const list = [...this.dirty];
      this.dirty.clear();
      for (const p of list) p.flush();
    }
  }

  programme(programmeId: string): LiveProgramme | null {
    let p = this.programmes.get(programmeId);
    if (p) return p;
    if (!this.store.records.hasProgramme(programmeId)) return null;
    p = new LiveProgramme(programmeId, this.store, this.committer, this.options, this.log);
    p.live.onPoison = () => this.dropProgramme(programmeId);
    this.programmes.set(programmeId, p);
    this.log.info('doc.loaded', { doc: p.live.name });
    return p;
  }

  hub(sessionId: string): SessionHub | null {
    let h = this.hubs.get(sessionId);
    if (h) return h;
    const programmeId = this.store.records.sessionProgrammeId(sessionId);
    if (programmeId === null) return null;
    const programme = this.programme(programmeId);
    if (!programme) return null;
    h = new SessionHub(
      sessionId,
      programme,
      this.store,
      this.committer,
      this.options,
      this.log,
      this.options.presencePerSecond,
      (p) => this.dirty.add(p),
    );
    const hub = h;
    hub.session.onPoison = hub.room.onPoison = () => this.dropHub(hub);
    this.hubs.set(sessionId, hub);
    this.log.info('doc.loaded', { doc: hub.session.name });
    return hub;
  }

  /** The live document for a name, loading it if needed; null if there is no such document. */
  doc(name: string): { live: LiveDoc; hub: SessionHub | null } | null {
    const parsed = parseDocName(name);
    if (!parsed) return null;
    if (parsed.kind === 'programme') {
      const p = this.programme(parsed.id);
      return p ? { live: p.live, hub: null } : null;
    }
    const hub = this.hub(parsed.id);
    if (!hub) return null;
    return { live: parsed.kind === 'session' ? hub.session : hub.room, hub };
  }

  loadedHub(sessionId: string): SessionHub | null {
    return this.hubs.get(sessionId) ?? null;
  }

  /** A document whose memory disagrees with disk: everyone reconnects and it reloads. */
  /** Unloads a session whose records were deleted; anyone still connected is disconnected. */
  forget(sessionId: string): void {
    const hub = this.hubs.get(sessionId);
    if (hub) this.dropHub(hub);
  }

  private dropHub(hub: SessionHub): void {
    if (this.hubs.get(hub.sessionId) !== hub) return;
    this.hubs.delete(hub.sessionId);
    this.dirty.delete(hub.projector);
    for (const c of [...hub.connections()]) c.close(CLOSE.serverError, 'document reloaded');
    hub.destroy();
  }

  private dropProgramme(programmeId: string): void {
    const p = this.programmes.get(programmeId);
    if (!p) return;
    for (const h of [...p.hubs]) this.dropHub(h);
    this.programmes.delete(programmeId);
    for (const c of p.live.connections) c.close(CLOSE.serverError, 'document reloaded');
    p.destroy();
  }

  unloadIdle(now = Date.now(), force = false): void {
    for (const [id, hub] of this.hubs) {
      if (!hub.idle) {
        hub.lastActive = now;
        continue;
      }
      if (force || now - hub.lastActive >= this.options.idleUnloadMs) {
        hub.compact();
        this.hubs.delete(id);
        this.dirty.delete(hub.projector);
        hub.destroy();
        this.log.info('doc.unloaded', { doc: hub.session.name });
      }
    }
    for (const [id, p] of this.programmes) {
      if (p.idle) {
        p.live.compact();
        this.programmes.delete(id);
        p.destroy();
        this.log.info('doc.unloaded', { doc: p.live.name });
      }
    }
  }

  /** Every loaded document's update log replaced by one snapshot (erasure: see StoreScrubber). */
  compactLoaded(): void {
    for (const hub of this.hubs.values()) hub.compact();
    for (const p of this.programmes.values()) p.live.compact();
  }

  /** Shutdown: every document compacted (everything was already committed) and unloaded. */
  close(): void {
    clearInterval(this.sweeper);
    for (const hub of this.hubs.values()) {
      hub.compact();
      hub.destroy();
    }
    for (const p of this.programmes.values()) {
      p.live.compact();
      p.destroy();
    }
    this.hubs.clear();
    this.programmes.clear();
  }
}
