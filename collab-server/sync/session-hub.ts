import {
  ProgrammeDoc,
  RoomDoc,
  SessionDoc,
  roomDocName,
  sessionDocName,
} from '../../core/index.ts';
import type { Store } from '../store/index.ts';
import type { Logger } from '../server/logger.ts';
import type { Committer } from './committer.ts';
import type { Connection } from './connection.ts';
import { LiveDoc, type LiveDocOptions } from './live-doc.ts';
import { SessionPresence } from './presence.ts';
import { RoomProjector } from './room-projector.ts';

/** A loaded programme document, shared by the sessions of that programme. */
export class LiveProgramme {
  readonly live: LiveDoc;
  readonly doc: ProgrammeDoc;
  readonly hubs = new Set<SessionHub>();
  private readonly stop: () => void;

  constructor(
    readonly programmeId: string,
    store: Store,
    committer: Committer,
    options: LiveDocOptions,
    log: Logger,
  ) {
    this.live = new LiveDoc(`programme/${programmeId}`, store, committer, options, log);
    this.live.load((d) => ProgrammeDoc.migrate(d));
    this.doc = new ProgrammeDoc(this.live.doc);
    this.stop = this.doc.observe(() => {
      for (const h of this.hubs) h.projector.markProgramme();
    });
  }

  get idle(): boolean {
    return this.hubs.size === 0 && this.live.connections.size === 0;
  }

  destroy(): void {
    this.stop();
    this.live.destroy();
  }
}

/**
 * Everything live about one session: its facilitator document, the room participants see, the
 * projection between them and who is present. Loaded together on first use, because the room is
 * derived from the session and the programme.
 */
export class SessionHub {
  readonly session: LiveDoc;
  readonly room: LiveDoc;
  readonly sessionDoc: SessionDoc;
  readonly roomDoc: RoomDoc;
  readonly projector: RoomProjector;
  readonly presence: SessionPresence;
  lastActive = Date.now();
  /** Participant writes waiting for their group commit; the hub is not unloaded meanwhile. */
  pendingWrites = 0;

  constructor(
    readonly sessionId: string,
    readonly programme: LiveProgramme,
    private readonly store: Store,
    committer: Committer,
    options: LiveDocOptions,
    log: Logger,
    presencePerSecond: number,
    onDirty: (p: RoomProjector) => void,
  ) {
    this.session = new LiveDoc(sessionDocName(sessionId), store, committer, options, log);
    this.room = new LiveDoc(roomDocName(sessionId), store, committer, options, log);
    this.session.load((d) => SessionDoc.migrate(d));
    this.room.load((d) => RoomDoc.migrate(d));
    this.sessionDoc = new SessionDoc(this.session.doc);
    this.roomDoc = new RoomDoc(this.room.doc);
    this.projector = new RoomProjector(
      this.sessionDoc,
      this.roomDoc,
      programme.doc,
      () => this.record(),
      onDirty,
    );
    // The room is derived: bring it up to date with whatever is stored (repairs a crash between
    // a session commit and its projection).
    committer.run(() => this.projector.full());
    this.presence = new SessionPresence(
      () => this.connections(),
      presencePerSecond,
      (participantId) => store.participants.get(participantId)?.descriptor ?? null,
    );
    programme.hubs.add(this);
  }

  record(): { title: string; status: 'planned' | 'open' | 'closed' } {
    const s = this.store.records.getSession(this.sessionId);
    return s ?? { title: '', status: 'closed' };
  }

  *connections(): Iterable<Connection> {
    yield* this.session.connections;
    yield* this.room.connections;
  }

  get connectionCount(): number {
    return this.session.connections.size + this.room.connections.size;
  }

  get idle(): boolean {
    return this.connectionCount === 0 && this.pendingWrites === 0;
  }

  docFor(name: string): LiveDoc | null {
    if (name === this.session.name) return this.session;
    if (name === this.room.name) return this.room;
    return null;
  }

  compact(): void {
    this.session.compact();
    this.room.compact();
  }

  destroy(): void {
    this.presence.close();
    this.projector.destroy();
    this.programme.hubs.delete(this);
    this.session.destroy();
    this.room.destroy();
  }
}
