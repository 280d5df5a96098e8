import * as Y from 'yjs';
import { z } from 'zod';
import {
  agendaStepSchema,
  cardCommentSchema,
  debriefSchema,
  emptyDebrief,
  idSchema,
  isoDateTimeSchema,
  noteParticipantId,
  noteSchema,
  personaSchema,
  reflectCardSchema,
  stepTimerSchema,
  storyRoundSchema,
  endTurn,
  type AgendaStep,
  type CardDecision,
  type StepTimer,
  type StoryRound,
  type CardComment,
  type Debrief,
  type Note,
  type Persona,
  type ReflectCard,
  type Vote,
} from '../model/index.ts';
import { EntryMap, sameJson } from './entry-map.ts';
import { checkMigrationSequence, migrateDoc, type DocMigration } from './migrations.ts';

/**
 * Owner of the `session/<id>` document (facilitators only): agenda, persona, current step,
 * notes, reflect-back cards and the debrief.
 */
const STATE = 'state';
const AGENDA = 'agenda';
const NOTES = 'notes';
const CARDS = 'cards';
const DEBRIEF = 'debrief';

/**
 * A note's themes, as a nested map of theme id → place, so two facilitators adding different
 * themes to the same note at once both keep theirs. Documents before session version 2 kept a
 * list under the note's `themeIds`; migration 2 moves it here on the server.
 */
const NOTE_THEME_SET = 'themeSet';
const LEGACY_NOTE_THEMES = 'themeIds';

const CURRENT_STEP = 'currentStepId';
const PERSONA = 'persona';
// Live state of running the room; plain values in the state map, so no migration is needed and
// the room projection hears of them as header changes.
const TIMER = 'timer';
const STORY_ROUND = 'storyRound';
/**
 * When each step became current while the session ran. Imports of transcripts place each turn
 * against the step current at its time. Root-level, so it needs no migration; older documents
 * simply have none.
 */
const STEP_LOG = 'stepLog';

export const SESSION_DOC_MIGRATIONS: readonly DocMigration[] = [
  {
    version: 1,
    name: 'create-agenda-notes-cards-debrief',
    up: (doc) => {
      doc.getMap(STATE);
      doc.getArray(AGENDA);
      doc.getMap(NOTES);
      doc.getMap(CARDS);
      const debrief = doc.getMap(DEBRIEF);
      for (const [k, v] of Object.entries(emptyDebrief())) if (!debrief.has(k)) debrief.set(k, v);
    },
  },
  {
    version: 2,
    name: 'note-themes-as-set',
    // Only the server migrates, so no two clients create a note's set at once (one would be lost).
    up: (doc) => {
      for (const entry of doc.getMap(NOTES).values()) {
        if (!(entry instanceof Y.Map) || entry.get(NOTE_THEME_SET) instanceof Y.Map) continue;
        const list = entry.get(LEGACY_NOTE_THEMES);
        const set = new Y.Map<unknown>();
        if (Array.isArray(list))
          [...new Set(list.map(String))].forEach((themeId, place) => set.set(themeId, place));
        entry.set(NOTE_THEME_SET, set);
        entry.delete(LEGACY_NOTE_THEMES);
      }
    },
  },
];
export const SESSION_DOC_VERSION = checkMigrationSequence('session', SESSION_DOC_MIGRATIONS);

export const sessionDocName = (sessionId: string) => `session/${sessionId}`;

const stepLogEntrySchema = z
  .object({ stepId: idSchema.nullable(), at: isoDateTimeSchema })
  .strict();

/** A card as stored: votes live in a nested map so each participant's vote is its own key. */
const storedCardSchema = reflectCardSchema;

export interface SessionContent {
  agenda: AgendaStep[];
  persona: Persona | null;
  currentStepId: string | null;
  notes: Note[];
  reflectCards: ReflectCard[];
  debrief: Debrief;
}

/** What a change touched, for observers that update incrementally (the room projection). */
export interface SessionChange {
  /** Notes added, changed or removed. */
  noteIds: string[];
  /** Agenda, current step or persona. */
  header: boolean;
  cards: boolean;
  origin: unknown;
}

export class SessionDoc {
  readonly notes: EntryMap<typeof noteSchema>;
  readonly cards: EntryMap<typeof storedCardSchema>;

  constructor(readonly doc: Y.Doc) {
    this.notes = new EntryMap(doc.getMap(NOTES), noteSchema, [], {
      [LEGACY_NOTE_THEMES]: NOTE_THEME_SET,
    });
    this.cards = new EntryMap(doc.getMap(CARDS), storedCardSchema, ['votes']);
  }

  static migrate(doc: Y.Doc): string[] {
    return migrateDoc('session', doc, SESSION_DOC_MIGRATIONS);
  }

  static create(content?: Partial<SessionContent>): SessionDoc {
    const doc = new Y.Doc();
    SessionDoc.migrate(doc);
    const s = new SessionDoc(doc);
    if (content) s.write(content);
    return s;
  }

  private get state(): Y.Map<unknown> {
    return this.doc.getMap(STATE);
  }
  private get agendaArray(): Y.Array<unknown> {
    return this.doc.getArray(AGENDA);
  }
  private get debriefMap(): Y.Map<unknown> {
    return this.doc.getMap(DEBRIEF);
  }

  write(content: Partial<SessionContent>): void {
    this.doc.transact(() => {
      if (content.agenda) this.setAgenda(content.agenda);
      if (content.persona !== undefined) this.setPersona(content.persona);
      if (content.currentStepId !== undefined) this.putCurrentStep(content.currentStepId);
      for (const n of content.notes ?? []) this.notes.put(n);
      for (const c of content.reflectCards ?? []) this.cards.put(c);
      if (content.debrief) this.setDebrief(content.debrief);
    });
  }

  read(): SessionContent {
    return {
      agenda: this.agenda(),
      persona: this.persona(),
      currentStepId: this.currentStepId(),
      notes: this.notes.all(),
      reflectCards: this.cards.all(),
      debrief: this.debrief(),
    };
  }

  agenda(): AgendaStep[] {
    const out: AgendaStep[] = [];
    const seen = new Set<string>();
    for (const raw of this.agendaArray.toArray()) {
      const parsed = agendaStepSchema.safeParse(raw);
      // Two people editing the same step at once each replace it, so it can appear twice;
      // every reader keeps the first, so all of them agree on one.
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        out.push(parsed.data);
      }
    }
    return out;
  }

  /** Where a step sits in the stored array (first copy), or -1. */
  private stepIndex(stepId: string): number {
    return this.agendaArray
      .toArray()
      .findIndex((raw) => (raw as { id?: unknown } | null)?.id === stepId);
  }

  /**
   * Edits of one step touch only that step, so two facilitators changing different steps at
   * the same time both keep their edit (replacing the whole agenda would duplicate steps).
   */
  updateStep(step: AgendaStep): void {
    const v = agendaStepSchema.parse(step);
    this.doc.transact(() => {
      const at = this.stepIndex(v.id);
      if (at < 0) throw new Error(`there is no step ${v.id} in this session`);
      if (sameJson(this.agendaArray.get(at), v)) return;
      this.agendaArray.delete(at, 1);
      this.agendaArray.insert(at, [v]);
    });
  }

  /** Adds a step at a position of the agenda as read (the end when `index` is past it). */
  insertStep(step: AgendaStep, index: number): void {
    const v = agendaStepSchema.parse(step);
    this.doc.transact(() => {
      if (this.stepIndex(v.id) >= 0) throw new Error(`step ${v.id} is already in the agenda`);
      const steps = this.agenda();
      const after = steps[index];
      const at = after ? this.stepIndex(after.id) : this.agendaArray.length;
      this.agendaArray.insert(at, [v]);
    });
  }

  /** Removes a step (every copy of it); the caller decides first what becomes of its notes. */
  removeStep(stepId: string): void {
    this.doc.transact(() => {
      for (let at = this.stepIndex(stepId); at >= 0; at = this.stepIndex(stepId))
        this.agendaArray.delete(at, 1);
      if (this.currentStepId() === stepId) this.setCurrentStep(null);
    });
  }

  /** Moves a step to a position of the agenda as read. */
  moveStep(stepId: string, toIndex: number): void {
    this.doc.transact(() => {
      const step = this.agenda().find((s) => s.id === stepId);
      if (!step) throw new Error(`there is no step ${stepId} in this session`);
      const others = this.agenda().filter((s) => s.id !== stepId);
      const clamped = Math.max(0, Math.min(toIndex, others.length));
      for (let at = this.stepIndex(stepId); at >= 0; at = this.stepIndex(stepId))
        this.agendaArray.delete(at, 1);
      const after = others[clamped];
      const at = after ? this.stepIndex(after.id) : this.agendaArray.length;
      this.agendaArray.insert(at, [step]);
    });
  }

  /** Gives a step's notes another step (or none), so removing the step loses no note. */
  moveStepNotes(fromStepId: string, toStepId: string | null): number {
    let moved = 0;
    this.doc.transact(() => {
      for (const n of this.notes.all()) {
        if (n.stepId !== fromStepId) continue;
        this.notes.put({ ...n, stepId: toStepId });
        moved++;
      }
    });
    return moved;
  }

  /** Replaces the agenda, keeping the steps that did not change untouched. */
  setAgenda(steps: AgendaStep[]): void {
    const valid = z.array(agendaStepSchema).parse(steps);
    const arr = this.agendaArray;
    this.doc.transact(() => {
      const current = arr.toArray();
      let same = 0;
      while (same < current.length && same < valid.length && sameJson(current[same], valid[same]))
        same++;
      if (same === current.length && same === valid.length) return;
      arr.delete(same, current.length - same);
      arr.insert(same, valid.slice(same));
    });
  }

  persona(): Persona | null {
    const parsed = personaSchema.safeParse(this.state.get(PERSONA));
    return parsed.success ? parsed.data : null;
  }

  setPersona(persona: Persona | null): void {
    const v = persona === null ? null : personaSchema.parse(persona);
    if (!sameJson(this.state.get(PERSONA) ?? null, v)) this.state.set(PERSONA, v);
  }

  currentStepId(): string | null {
    const v = this.state.get(CURRENT_STEP);
    return typeof v === 'string' ? v : null;
  }

  currentStep(): AgendaStep | null {
    const id = this.currentStepId();
    return id === null ? null : (this.agenda().find((s) => s.id === id) ?? null);
  }

  /** Moves the room to a step, noting when (the step log). */
  setCurrentStep(stepId: string | null, at: string = new Date().toISOString()): void {
    this.doc.transact(() => {
      if (this.putCurrentStep(stepId)) this.doc.getArray(STEP_LOG).push([{ stepId, at }]);
    });
  }

  /** Writes the current step without logging it (loading content, not running the session). */
  private putCurrentStep(stepId: string | null): boolean {
    const v = stepId === null ? null : idSchema.parse(stepId);
    if ((this.state.get(CURRENT_STEP) ?? null) === v) return false;
    this.state.set(CURRENT_STEP, v);
    return true;
  }

  /** When each step became current, oldest first; entries a broken client wrote are left out. */
  stepLog(): { stepId: string | null; at: string }[] {
    return this.doc
      .getArray(STEP_LOG)
      .toArray()
      .map((e) => stepLogEntrySchema.safeParse(e))
      .filter((r) => r.success)
      .map((r) => r.data)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** The timer of the step being run, or null before any was started. */
  timer(): StepTimer | null {
    const parsed = stepTimerSchema.safeParse(this.state.get(TIMER));
    return parsed.success ? parsed.data : null;
  }

  setTimer(timer: StepTimer | null): void {
    const v = timer === null ? null : stepTimerSchema.parse(timer);
    if (!sameJson(this.state.get(TIMER) ?? null, v)) this.state.set(TIMER, v);
  }

  /** The story round in progress (or the last one run), or null. */
  storyRound(): StoryRound | null {
    const parsed = storyRoundSchema.safeParse(this.state.get(STORY_ROUND));
    return parsed.success ? parsed.data : null;
  }

  setStoryRound(round: StoryRound | null): void {
    const v = round === null ? null : storyRoundSchema.parse(round);
    if (!sameJson(this.state.get(STORY_ROUND) ?? null, v)) this.state.set(STORY_ROUND, v);
  }

  /**
   * Ends the current speaker's turn: their story as a note of kind story captured for them, or a
   * pass. The note and the turn are written in one transaction, so neither exists without the
   * other.
   */
  endStoryTurn(story: Note | null, now: number): StoryRound {
    const round = this.storyRound();
    if (!round) throw new Error('no story round is running');
    let next: StoryRound = round;
    this.doc.transact(() => {
      if (story) {
        const note = this.notes.put({ ...story, kind: 'story' });
        next = endTurn(round, { outcome: 'told', noteId: note.id }, now);
      } else next = endTurn(round, { outcome: 'passed' }, now);
      this.setStoryRound(next);
    });
    return next;
  }

  /** Puts a draft card in front of the room: on phones and the projector, results hidden. */
  sendCard(cardId: string, now: number): void {
    const card = this.cards.get(cardId);
    if (!card) throw new Error(`no reflect-back card ${cardId}`);
    if (card.stage !== 'draft') return;
    this.cards.patch(cardId, { stage: 'sent', sentAt: new Date(now).toISOString() });
  }

  /** Shows a sent card's votes and comments to the room. */
  revealCard(cardId: string, now: number): void {
    const card = this.cards.get(cardId);
    if (!card) throw new Error(`no reflect-back card ${cardId}`);
    if (card.stage !== 'sent') return;
    this.cards.patch(cardId, { stage: 'revealed', revealedAt: new Date(now).toISOString() });
  }

  /** Records (or with null, clears) what the group decided about a card. */
  decideCard(cardId: string, decision: CardDecision | null): void {
    const card = this.cards.get(cardId);
    if (!card) throw new Error(`no reflect-back card ${cardId}`);
    const { decision: _old, ...rest } = card;
    this.cards.put(decision === null ? rest : { ...rest, decision });
  }

  /** One participant's vote on a card; a later vote replaces the earlier one. */
  setVote(cardId: string, participantId: string, vote: Vote | null): void {
    const votes = this.cards.nested(cardId, 'votes');
    if (!votes) throw new Error(`no reflect-back card ${cardId}`);
    idSchema.parse(participantId);
    if (vote === null) votes.delete(participantId);
    else if (votes.get(participantId) !== vote) votes.set(participantId, vote);
  }

  addCardComment(cardId: string, comment: CardComment): void {
    const card = this.cards.get(cardId);
    if (!card) throw new Error(`no reflect-back card ${cardId}`);
    const c = cardCommentSchema.parse(comment);
    if (card.comments.some((x) => x.id === c.id)) return;
    this.cards.patch(cardId, { comments: [...card.comments, c] });
  }

  /**
   * False when a note certainly projects to nothing in the room (missing, or not shared, or
   * hidden, or withdrawn), read from its flags without validating the whole note. The room
   * projection asks this first for every changed note: most are never shared, and a full read
   * of each cost a note's worth of garbage on the server. True means "read it and see".
   */
  mayShowInRoom(noteId: string): boolean {
    const entry = this.notes.map.get(noteId);
    if (!(entry instanceof Y.Map)) return false;
    return (
      entry.get('shared') === true &&
      entry.get('hidden') !== true &&
      entry.get('withdrawn') !== true
    );
  }

  /**
   * Removes everything a participant contributed: the notes whose words are theirs (typed by them
   * or captured for them), their votes and their comments on reflect-back cards. Returns how many
   * were removed. Deleted entries keep no text once Yjs collects them (the server's documents
   * collect garbage), so a compaction afterwards leaves no trace of the words in the store.
   */
  eraseParticipant(participantId: string): number {
    let removed = 0;
    this.doc.transact(() => {
      for (const note of this.notes.all()) {
        if (noteParticipantId(note) === participantId && this.notes.remove(note.id)) removed++;
      }
      for (const card of this.cards.all()) {
        if (card.votes[participantId] !== undefined) {
          this.setVote(card.id, participantId, null);
          removed++;
        }
        const kept = card.comments.filter((c) => c.participantId !== participantId);
        if (kept.length < card.comments.length) {
          removed += card.comments.length - kept.length;
          this.cards.patch(card.id, { comments: kept });
        }
      }
    });
    return removed;
  }

  debrief(): Debrief {
    const parsed = debriefSchema.safeParse(this.debriefMap.toJSON());
    return parsed.success ? parsed.data : emptyDebrief();
  }

  setDebrief(changes: Partial<Debrief>): Debrief {
    const next = debriefSchema.parse({ ...this.debrief(), ...changes });
    this.doc.transact(() => {
      for (const [k, v] of Object.entries(next)) {
        if (!sameJson(this.debriefMap.get(k), v)) this.debriefMap.set(k, v);
      }
    });
    return next;
  }

  /** Calls back after any change, with the transaction's origin. */
  observe(callback: (origin: unknown) => void): () => void {
    const handler = (_e: unknown, tr: Y.Transaction) => callback(tr.origin);
    const types = [this.state, this.agendaArray, this.notes.map, this.cards.map, this.debriefMap];
    for (const t of types) t.observeDeep(handler);
    return () => types.forEach((t) => t.unobserveDeep(handler));
  }

  /** Like `observe`, but says which notes changed and whether the header or the cards did. */
  observeChanges(callback: (change: SessionChange) => void): () => void {
    const notes = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
      const ids = new Set<string>();
      for (const e of events) {
        if (e.target === this.notes.map) for (const k of e.changes.keys.keys()) ids.add(k);
        else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
      }
      callback({ noteIds: [...ids], header: false, cards: false, origin: tr.origin });
    };
    const header = (_e: unknown, tr: Y.Transaction) =>
      callback({ noteIds: [], header: true, cards: false, origin: tr.origin });
    const cards = (_e: unknown, tr: Y.Transaction) =>
      callback({ noteIds: [], header: false, cards: true, origin: tr.origin });
    this.notes.map.observeDeep(notes);
    this.state.observeDeep(header);
    this.agendaArray.observeDeep(header);
    this.cards.map.observeDeep(cards);
    return () => {
      this.notes.map.unobserveDeep(notes);
      this.state.unobserveDeep(header);
      this.agendaArray.unobserveDeep(header);
      this.cards.map.unobserveDeep(cards);
    };
  }
}
