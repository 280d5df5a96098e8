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
  cardStage,
  roundFinished,
  type StepTimer,
  type StoryRound,
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
    /**
     * The current step's timer: each screen counts down from its own clock (a running timer is
     * written when started and paused, never every second). Optional: rooms projected before
     * timers existed read as having none.
     */
    timer: z
      .object({
        durationMs: z.number().int().min(0),
        elapsedMs: z.number().int().min(0),
        startedAt: isoDateTimeSchema.nullable(),
      })
      .strict()
      .nullable()
      .optional(),
    /** Whose turn it is in a story round, as a position only: never who. */
    storyTurn: z
      .object({
        number: z.number().int().min(1),
        of: z.number().int().min(1),
        secondsEach: z.number().int().min(0),
        startedAt: isoDateTimeSchema.nullable(),
      })
      .strict()
      .nullable()
      .optional(),
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
    /** Sent: votes open, results hidden. Revealed: the counts and comments below are shown. */
    stage: z.enum(['sent', 'revealed']).optional(),
    /** Counts and comments are absent until the facilitator reveals them (no group-think). */
    agree: z.number().int().min(0).optional(),
    notQuite: z.number().int().min(0).optional(),
    disagree: z.number().int().min(0).optional(),
    comments: z.array(z.string()),
    /** What the group decided, once recorded; an amended card carries its new wording. */
    outcome: z.enum(['confirmed', 'amended', 'rejected']).optional(),
    wording: z.string().optional(),
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

/** What of running the room the projection reads besides the session content. */
export interface RoomLive {
  timer: StepTimer | null;
  storyRound: StoryRound | null;
}

/** The room's header: title, status, the current step with its questions, the persona stage. */
export function projectRoomState(
  session: Pick<Session, 'title' | 'status'>,
  content: Pick<SessionContent, 'agenda' | 'persona' | 'currentStepId'>,
  live: RoomLive = { timer: null, storyRound: null },
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
    timer:
      step && live.timer?.stepId === step.id
        ? {
            durationMs: live.timer.durationMs,
            elapsedMs: live.timer.elapsedMs,
            startedAt: live.timer.startedAt,
          }
        : null,
    storyTurn:
      step && live.storyRound?.stepId === step.id && !roundFinished(live.storyRound)
        ? {
            number: live.storyRound.current + 1,
            of: live.storyRound.order.length,
            secondsEach: live.storyRound.secondsEach,
            startedAt: live.storyRound.turnStartedAt,
          }
        : null,
  };
}

/** A note as the room shows it (text only, no author), or null when it is not to be shown. */
export function projectRoomNote(n: Note): RoomNote | null {
  if (!n.shared || n.hidden || n.withdrawn) return null;
  return { id: n.id, text: n.text, polarity: n.polarity, stepId: n.stepId, at: n.createdAt };
}

/**
 * A reflect-back card as the room shows it: nothing of a draft; a sent card's words only; once
 * revealed, its votes counted (never who voted) and comments as text only; and the group's
 * decision once recorded.
 */
export function projectRoomCard(
  c: ReflectCard,
  themeName: ReadonlyMap<string, string>,
): RoomCard | null {
  const stage = cardStage(c);
  if (stage === 'draft') return null;
  const card: RoomCard = {
    id: c.id,
    text: c.text,
    polarity: c.polarity,
    theme: c.themeId === null ? null : (themeName.get(c.themeId) ?? null),
    order: c.order,
    stage,
    comments: [],
  };
  if (stage === 'revealed') {
    const votes = Object.values(c.votes);
    card.agree = votes.filter((v) => v === 'agree').length;
    card.notQuite = votes.filter((v) => v === 'not-quite').length;
    card.disagree = votes.filter((v) => v === 'disagree').length;
    card.comments = c.comments.map((x) => x.text);
  }
  if (c.decision) {
    card.outcome = c.decision.outcome;
    if (c.decision.outcome === 'amended') card.wording = c.decision.wording;
  }
  return card;
}

/** The cards the room shows, drafts left out. */
export function projectRoomCards(
  cards: readonly ReflectCard[],
  themeName: ReadonlyMap<string, string>,
): RoomCard[] {
  return cards.map((c) => projectRoomCard(c, themeName)).filter((c): c is RoomCard => c !== null);
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
  live?: RoomLive;
}): RoomProjection {
  const { content } = input;
  const names = themeNames(input.codebook);
  return {
    state: projectRoomState(input.session, content, input.live),
    notes: content.notes.map(projectRoomNote).filter((n): n is RoomNote => n !== null),
    cards: projectRoomCards(content.reflectCards, names),
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
