import * as Y from 'yjs';
import { z } from 'zod';
import {
  ACTION_STATUSES,
  ACTION_TERMS,
  idSchema,
  isoDateTimeSchema,
  polaritySchema,
  sessionStatusSchema,
  stepQuestions,
  type Action,
  type Note,
  type ReflectCard,
  type Session,
  type Theme,
} from '../model/index.ts';
import { sameJson } from './entry-map.ts';
import { ValueMap } from './value-map.ts';
import { checkMigrationSequence, migrateDoc, type DocMigration } from './migrations.ts';
import type { SessionContent } from './session-doc.ts';

/**
 * Owner of the `room/<id>` document: what participants may see. Only the server writes it, as a
 * projection of the session document; it never holds an author, a participant id or a name.
 */
const STATE = 'state';
const NOTES = 'sharedNotes';
const CARDS = 'cards';
const ACTIONS = 'actions';

export const ROOM_DOC_MIGRATIONS: readonly DocMigration[] = [
  {
    version: 1,
    name: 'create-room-state-notes-cards-actions',
    up: (doc) => {
      doc.getMap(STATE);
      doc.getMap(NOTES);
      doc.getMap(CARDS);
      doc.getMap(ACTIONS);
    },
  },
  {
    version: 2,
    name: 'room-entries-as-plain-values',
    // Version 1 kept each shared note, card and action as a nested map of fields. Only the
    // server writes the room and it replaces entries whole, so a plain value per entry carries
    // the same data at a tenth of the cost to apply on every phone.
    up: (doc) => {
      for (const name of [NOTES, CARDS, ACTIONS]) {
        const map = doc.getMap<unknown>(name);
        for (const [id, value] of [...map.entries()]) {
          if (value instanceof Y.Map) map.set(id, value.toJSON());
        }
      }
    },
  },
];
export const ROOM_DOC_VERSION = checkMigrationSequence('room', ROOM_DOC_MIGRATIONS);

export const roomDocName = (sessionId: string) => `room/${sessionId}`;

export const roomStepSchema = z
  .object({
    id: idSchema,
    type: z.enum(['theme-discussion', 'persona-stage', 'story-round', 'reflect-back', 'free']),
    title: z.string(),
    questions: z.array(z.string()),
  })
  .strict();

export const roomStateSchema = z
  .object({
    title: z.string(),
    status: sessionStatusSchema,
    step: roomStepSchema.nullable(),
    persona: z
      .object({
        name: z.string(),
        story: z.string(),
        stage: z
          .object({ title: z.string(), description: z.string(), question: z.string() })
          .strict()
          .nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type RoomState = z.infer<typeof roomStateSchema>;

export const roomNoteSchema = z
  .object({
    id: idSchema,
    text: z.string(),
    polarity: polaritySchema,
    stepId: idSchema.nullable(),
    at: isoDateTimeSchema,
  })
  .strict();
export type RoomNote = z.infer<typeof roomNoteSchema>;

export const roomCardSchema = z
  .object({
    id: idSchema,
    text: z.string(),
    polarity: polaritySchema,
    theme: z.string().nullable(),
    order: z.number(),
    agree: z.number().int().min(0),
    notQuite: z.number().int().min(0),
    disagree: z.number().int().min(0),
    comments: z.array(z.string()),
  })
  .strict();
export type RoomCard = z.infer<typeof roomCardSchema>;

export const roomActionSchema = z
  .object({
    id: idSchema,
    heard: z.string(),
    done: z.string(),
    status: z.enum(ACTION_STATUSES),
    term: z.enum(ACTION_TERMS),
  })
  .strict();
export type RoomAction = z.infer<typeof roomActionSchema>;

export interface RoomProjection {
  state: RoomState;
  notes: RoomNote[];
  cards: RoomCard[];
  actions: RoomAction[];
}

/** The room's header: title, status, the current step with its questions, the persona stage. */
export function projectRoomState(
  session: Pick<Session, 'title' | 'status'>,
  content: Pick<SessionContent, 'agenda' | 'persona' | 'currentStepId'>,
): RoomState {
  const step =
    content.currentStepId === null
      ? null
      : (content.agenda.find((s) => s.id === content.currentStepId) ?? null);
  const stage =
    step?.type === 'persona-stage'
      ? (content.persona?.stages.find((s) => s.id === step.stageId) ?? null)
      : null;
  return {
    title: session.title,
    status: session.status,
    step: step && {
      id: step.id,
      type: step.type,
      title: step.title,
      questions: stepQuestions(step, content.persona),
    },
    persona:
      content.persona &&
      (step?.type === 'persona-stage' || content.agenda.some((s) => s.type === 'persona-stage'))
        ? {
            name: content.persona.name,
            story: content.persona.story,
            stage: stage && {
              title: stage.title,
              description: stage.description,
              question: stage.question,
            },
          }
        : null,
  };
}

/** A note as the room shows it (text only, no author), or null when it is not to be shown. */
export function projectRoomNote(n: Note): RoomNote | null {
  if (!n.shared || n.hidden || n.withdrawn) return null;
  return { id: n.id, text: n.text, polarity: n.polarity, stepId: n.stepId, at: n.createdAt };
}

/** A reflect-back card with its votes counted (never who voted) and comments as text only. */
export function projectRoomCard(c: ReflectCard, themeName: ReadonlyMap<string, string>): RoomCard {
  const votes = Object.values(c.votes);
  return {
    id: c.id,
    text: c.text,
    polarity: c.polarity,
    theme: c.themeId === null ? null : (themeName.get(c.themeId) ?? null),
    order: c.order,
    agree: votes.filter((v) => v === 'agree').length,
    notQuite: votes.filter((v) => v === 'not-quite').length,
    disagree: votes.filter((v) => v === 'disagree').length,
    comments: c.comments.map((x) => x.text),
  };
}

export function projectRoomActions(actions: readonly Action[]): RoomAction[] {
  return actions
    .filter((a) => a.shared)
    .map((a) => ({ id: a.id, heard: a.heard, done: a.done, status: a.status, term: a.term }));
}

export function themeNames(codebook: readonly Theme[]): Map<string, string> {
  return new Map(codebook.map((t) => [t.id, t.name]));
}

/**
 * What participants may see of a session: a pure function, so the server's projection and the
 * tests agree by construction.
 */
export function projectRoom(input: {
  session: Pick<Session, 'title' | 'status'>;
  content: SessionContent;
  codebook: readonly Theme[];
  actions: readonly Action[];
}): RoomProjection {
  const { content } = input;
  const names = themeNames(input.codebook);
  return {
    state: projectRoomState(input.session, content),
    notes: content.notes.map(projectRoomNote).filter((n): n is RoomNote => n !== null),
    cards: content.reflectCards.map((c) => projectRoomCard(c, names)),
    actions: projectRoomActions(input.actions),
  };
}

export class RoomDoc {
  readonly notes: ValueMap<typeof roomNoteSchema>;
  readonly cards: ValueMap<typeof roomCardSchema>;
  readonly actions: ValueMap<typeof roomActionSchema>;

  constructor(readonly doc: Y.Doc) {
    this.notes = new ValueMap(doc.getMap(NOTES), roomNoteSchema);
    this.cards = new ValueMap(doc.getMap(CARDS), roomCardSchema);
    this.actions = new ValueMap(doc.getMap(ACTIONS), roomActionSchema);
  }

  static migrate(doc: Y.Doc): string[] {
    return migrateDoc('room', doc, ROOM_DOC_MIGRATIONS);
  }

  static create(): RoomDoc {
    const doc = new Y.Doc();
    RoomDoc.migrate(doc);
    return new RoomDoc(doc);
  }

  state(): RoomState | null {
    const parsed = roomStateSchema.safeParse(this.doc.getMap(STATE).toJSON());
    return parsed.success ? parsed.data : null;
  }

  read(): RoomProjection | null {
    const state = this.state();
    if (!state) return null;
    const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
      a.order - b.order || a.id.localeCompare(b.id);
    return {
      state,
      notes: this.notes.all().sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
      cards: this.cards.all().sort(byOrder),
      actions: this.actions.all().sort((a, b) => a.id.localeCompare(b.id)),
    };
  }

  /**
   * Makes the document show `projection`, writing only what differs, in one transaction, so a
   * tag change on an unshared note sends participants nothing at all.
   */
  apply(projection: RoomProjection, origin?: unknown): void {
    this.doc.transact(() => {
      const state = this.doc.getMap(STATE);
      for (const [k, v] of Object.entries(roomStateSchema.parse(projection.state))) {
        if (!sameJson(state.get(k), v)) state.set(k, v);
      }
      syncEntries(this.notes, projection.notes);
      syncEntries(this.cards, projection.cards);
      syncEntries(this.actions, projection.actions);
    }, origin);
  }

  /** Writes the header fields that differ (incremental projection). */
  applyState(state: RoomState): void {
    const map = this.doc.getMap(STATE);
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(roomStateSchema.parse(state))) {
        if (!sameJson(map.get(k), v)) map.set(k, v);
      }
    });
  }

  /** Shows, updates or (with null) hides one note. */
  applyNote(id: string, note: RoomNote | null): void {
    if (note === null) this.notes.remove(id);
    else this.notes.put(note);
  }

  applyCards(cards: readonly RoomCard[]): void {
    this.doc.transact(() => syncEntries(this.cards, cards));
  }

  applyActions(actions: readonly RoomAction[]): void {
    this.doc.transact(() => syncEntries(this.actions, actions));
  }
}

function syncEntries<S extends z.ZodType<{ id: string }>>(
  map: ValueMap<S>,
  wanted: readonly z.infer<S>[],
): void {
  const keep = new Set(wanted.map((w) => w.id));
  for (const id of [...map.map.keys()]) if (!keep.has(id)) map.remove(id);
  for (const w of wanted) map.put(w);
}
