import {
  projectRoom,
  projectRoomActions,
  projectRoomCards,
  projectRoomNote,
  projectRoomState,
  themeNames,
  type ProgrammeDoc,
  type RoomDoc,
  type RoomNote,
  type Session,
  type SessionChange,
  type SessionDoc,
} from '../../core/index.ts';

/** Origin of the server's writes to a room, so nothing mistakes them for a client's. */
export const PROJECTION_ORIGIN = Symbol('cohear-room-projection');

/**
 * Keeps `room/<session>` in step with `session/<session>` (and the programme's codebook and
 * actions). Changes are marked as they happen and written in the same unit of work, just before
 * it commits; only what a change touched is recomputed, so a participant's note costs one note,
 * not the whole session (the full projection runs on load, to repair anything missed).
 */
export class RoomProjector {
  private header = false;
  private cards = false;
  private actions = false;
  private readonly notes = new Set<string>();
  private readonly stop: () => void;

  constructor(
    private readonly session: SessionDoc,
    private readonly room: RoomDoc,
    private readonly programme: ProgrammeDoc,
    private readonly record: () => Pick<Session, 'title' | 'status'>,
    private readonly onDirty: (p: RoomProjector) => void,
  ) {
    this.stop = session.observeChanges((c) => this.mark(c));
  }

  get dirty(): boolean {
    return this.header || this.cards || this.actions || this.notes.size > 0;
  }

  mark(c: Pick<SessionChange, 'noteIds' | 'header' | 'cards'>): void {
    for (const id of c.noteIds) this.notes.add(id);
    this.header ||= c.header;
    this.cards ||= c.cards;
    this.onDirty(this);
  }

  /** The codebook (card theme names) or shared actions changed. */
  markProgramme(): void {
    this.cards = true;
    this.actions = true;
    this.onDirty(this);
  }

  /** The session's title or status changed. */
  markHeader(): void {
    this.header = true;
    this.onDirty(this);
  }

  /** Writes what changed; call inside a committer unit of work. */
  flush(): void {
    if (!this.dirty) return;
    // Most changed notes are not shown in the room and were not before: nothing to write, and
    // no room transaction to open for them.
    const notes: [string, RoomNote | null][] = [];
    for (const id of this.notes) {
      if (!this.session.mayShowInRoom(id)) {
        if (this.room.notes.has(id)) notes.push([id, null]);
        continue;
      }
      const note = this.session.notes.get(id);
      notes.push([id, note ? projectRoomNote(note) : null]);
    }
    this.notes.clear();
    if (!this.header && !this.cards && !this.actions && notes.length === 0) return;
    this.room.doc.transact(() => {
      if (this.header)
        this.room.applyState(
          projectRoomState(
            this.record(),
            {
              agenda: this.session.agenda(),
              persona: this.session.persona(),
              currentStepId: this.session.currentStepId(),
            },
            this.live(),
          ),
        );
      for (const [id, note] of notes) this.room.applyNote(id, note);
      if (this.cards) {
        const names = themeNames(this.programme.themes.all());
        this.room.applyCards(projectRoomCards(this.session.cards.all(), names));
      }
      if (this.actions) this.room.applyActions(projectRoomActions(this.programme.actions.all()));
    }, PROJECTION_ORIGIN);
    this.header = this.cards = this.actions = false;
  }

  /** Recomputes everything (on load): writes only what differs. */
  full(): void {
    const p = this.programme.read();
    this.room.apply(
      projectRoom({
        session: this.record(),
        content: this.session.read(),
        codebook: p.codebook,
        actions: p.actions,
        live: this.live(),
      }),
      PROJECTION_ORIGIN,
    );
    this.header = this.cards = this.actions = false;
    this.notes.clear();
  }

  private live() {
    return { timer: this.session.timer(), storyRound: this.session.storyRound() };
  }

  destroy(): void {
    this.stop();
  }
}
