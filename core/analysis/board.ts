import type { AgendaStep, Note, Persona, Polarity, Session, Theme } from '../model/index.ts';
import { noteParticipantId } from '../model/index.ts';
import { themeWithDescendants } from '../codebook/codebook-ops.ts';
import { normaliseStatement } from './near-duplicates.ts';

/** A note as the analysis board shows it, with what its filters need worked out once. */
export interface BoardNote {
  /** The note's id (lists key their items by it). */
  id: string;
  note: Note;
  session: Session;
  /** The participant's cohort, or the session's when the note belongs to no one. */
  cohort: string;
  /** "step:<id>" for the agenda step, or "stage:<id>" when the step walked a persona stage. */
  stepKey: string | null;
  stepLabel: string | null;
  source: 'phone' | 'captured';
  /** Notes merged into this one (0 for most). */
  merged: number;
  /** Normalised text, for search. */
  haystack: string;
}

export interface BoardSession {
  session: Session;
  agenda: readonly AgendaStep[];
  persona: Persona | null;
  notes: readonly Note[];
}

/**
 * Every note of a programme, in session order then the order they were said. Notes merged into
 * another are left out (their statement stands for them, with its count).
 */
export function boardNotes(
  sessions: readonly BoardSession[],
  cohortOf: (participantId: string) => string | undefined = () => undefined,
  /**
   * The previous result: an entry that would come out the same is reused as it was, so a screen
   * redraws only the notes that changed (a tag re-renders one row, not 2,000).
   */
  previous?: readonly BoardNote[],
): BoardNote[] {
  const before = new Map((previous ?? []).map((b) => [b.id, b]));
  // A statement whose kept note was erased (its author withdrew) no longer stands for the
  // others: they show again on their own rather than vanishing with it.
  const ids = new Set(sessions.flatMap((s) => s.notes.map((n) => n.id)));
  const mergedCount = new Map<string, number>();
  for (const s of sessions)
    for (const n of s.notes)
      if (n.mergedInto && ids.has(n.mergedInto))
        mergedCount.set(n.mergedInto, (mergedCount.get(n.mergedInto) ?? 0) + 1);
  const out: BoardNote[] = [];
  // Plain code-unit order: ISO dates and ids sort the same way, and localeCompare cost a tag
  // several milliseconds over 2,000 notes.
  const ordered = [...sessions].sort(
    (a, b) =>
      byCodeUnits(a.session.date, b.session.date) || byCodeUnits(a.session.id, b.session.id),
  );
  for (const s of ordered) {
    const steps = new Map(s.agenda.map((st) => [st.id, st]));
    const notes = [...s.notes].sort(
      (a, b) => byCodeUnits(a.createdAt, b.createdAt) || byCodeUnits(a.id, b.id),
    );
    for (const note of notes) {
      if (note.mergedInto && ids.has(note.mergedInto)) continue;
      const step = note.stepId === null ? undefined : steps.get(note.stepId);
      let stepKey: string | null = null;
      let stepLabel: string | null = null;
      if (step?.type === 'persona-stage') {
        stepKey = `stage:${step.stageId}`;
        const stage = s.persona?.stages.find((x) => x.id === step.stageId);
        stepLabel = `${s.persona?.name ?? 'Persona'}: ${stage?.title ?? step.title}`;
      } else if (step) {
        stepKey = `step:${step.id}`;
        stepLabel = step.title;
      }
      const pid = noteParticipantId(note);
      const cohort = (pid === null ? undefined : cohortOf(pid)) || s.session.cohort;
      const merged = mergedCount.get(note.id) ?? 0;
      const old = before.get(note.id);
      if (
        old &&
        old.note === note &&
        old.session === s.session &&
        old.cohort === cohort &&
        old.stepKey === stepKey &&
        old.stepLabel === stepLabel &&
        old.merged === merged
      ) {
        out.push(old);
        continue;
      }
      out.push({
        id: note.id,
        note,
        session: s.session,
        cohort,
        stepKey,
        stepLabel,
        source: note.author.type === 'participant' ? 'phone' : 'captured',
        merged,
        haystack: old && old.note.text === note.text ? old.haystack : normaliseStatement(note.text),
      });
    }
  }
  return out;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Visibility = 'visible' | 'hidden' | 'withdrawn' | 'all';

export interface BoardFilter {
  sessionIds?: readonly string[];
  cohorts?: readonly string[];
  stepKeys?: readonly string[];
  themeId?: string | null;
  /** With `themeId`, also notes tagged with any theme nested under it (default true). */
  includeSubThemes?: boolean;
  polarities?: readonly Polarity[];
  untagged?: boolean;
  quotable?: boolean;
  source?: 'phone' | 'captured';
  /** Default "visible": hidden and withdrawn notes are left out, as in every export. */
  visibility?: Visibility;
  /** Every word must appear somewhere in the note. */
  text?: string;
}

type Facet =
  | 'session'
  | 'cohort'
  | 'step'
  | 'theme'
  | 'polarity'
  | 'untagged'
  | 'quotable'
  | 'source'
  | 'visibility'
  | 'text';

interface Compiled {
  test: (b: BoardNote, skip?: Facet) => boolean;
}

function compile(filter: BoardFilter, themes: readonly Theme[]): Compiled {
  const sessions = filter.sessionIds?.length ? new Set(filter.sessionIds) : null;
  const cohorts = filter.cohorts?.length ? new Set(filter.cohorts) : null;
  const steps = filter.stepKeys?.length ? new Set(filter.stepKeys) : null;
  const polarities = filter.polarities?.length ? new Set(filter.polarities) : null;
  const themeSet =
    filter.themeId === undefined || filter.themeId === null
      ? null
      : filter.includeSubThemes === false
        ? new Set([filter.themeId])
        : themeWithDescendants(themes, filter.themeId);
  const words = normaliseStatement(filter.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);
  const visibility = filter.visibility ?? 'visible';
  return {
    test: (b, skip) => {
      const n = b.note;
      if (skip !== 'visibility') {
        if (visibility === 'visible' && (n.hidden || n.withdrawn)) return false;
        if (visibility === 'hidden' && !n.hidden) return false;
        if (visibility === 'withdrawn' && !n.withdrawn) return false;
      }
      if (sessions && skip !== 'session' && !sessions.has(b.session.id)) return false;
      if (cohorts && skip !== 'cohort' && !cohorts.has(b.cohort)) return false;
      if (steps && skip !== 'step' && (b.stepKey === null || !steps.has(b.stepKey))) return false;
      if (polarities && skip !== 'polarity' && !polarities.has(n.polarity)) return false;
      if (themeSet && skip !== 'theme' && !n.themeIds.some((t) => themeSet.has(t))) return false;
      if (filter.untagged && skip !== 'untagged' && n.themeIds.length > 0) return false;
      if (filter.quotable && skip !== 'quotable' && !n.quotable) return false;
      if (filter.source && skip !== 'source' && b.source !== filter.source) return false;
      if (words.length && skip !== 'text')
        for (const w of words) if (!b.haystack.includes(w)) return false;
      return true;
    },
  };
}

/** The notes that pass every filter, in board order. */
export function filterBoard(
  notes: readonly BoardNote[],
  filter: BoardFilter,
  themes: readonly Theme[],
): BoardNote[] {
  const c = compile(filter, themes);
  return notes.filter((b) => c.test(b));
}

/**
 * Counts beside each filter choice. Each facet is counted with every other filter applied but
 * its own, so a count says how many notes the board would show on choosing that value.
 */
export interface BoardCounts {
  shown: number;
  total: number;
  sessions: Map<string, number>;
  cohorts: Map<string, number>;
  steps: Map<string, number>;
  /** Notes carrying each theme itself (not its sub-themes). */
  themes: Map<string, number>;
  /** Notes carrying a theme or any theme nested under it. */
  themesWithSub: Map<string, number>;
  polarities: Map<Polarity, number>;
  untagged: number;
  quotable: number;
  sources: Map<'phone' | 'captured', number>;
  visibility: Map<Visibility, number>;
}

function bump<K>(m: Map<K, number>, k: K) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

export function boardCounts(
  notes: readonly BoardNote[],
  filter: BoardFilter,
  themes: readonly Theme[],
): BoardCounts {
  const c = compile(filter, themes);
  const ancestors = new Map<string, string[]>();
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (const t of themes) {
    const chain: string[] = [];
    let p = t.parentId === null ? undefined : byId.get(t.parentId);
    while (p && !chain.includes(p.id) && p.id !== t.id) {
      chain.push(p.id);
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
    ancestors.set(t.id, chain);
  }
  const out: BoardCounts = {
    shown: 0,
    total: notes.length,
    sessions: new Map(),
    cohorts: new Map(),
    steps: new Map(),
    themes: new Map(),
    themesWithSub: new Map(),
    polarities: new Map(),
    untagged: 0,
    quotable: 0,
    sources: new Map(),
    visibility: new Map(),
  };
  for (const b of notes) {
    const n = b.note;
    if (c.test(b)) out.shown += 1;
    if (c.test(b, 'session')) bump(out.sessions, b.session.id);
    if (c.test(b, 'cohort')) bump(out.cohorts, b.cohort);
    if (b.stepKey !== null && c.test(b, 'step')) bump(out.steps, b.stepKey);
    if (c.test(b, 'theme')) {
      const up = new Set<string>();
      for (const t of new Set(n.themeIds)) {
        bump(out.themes, t);
        up.add(t);
        for (const a of ancestors.get(t) ?? []) up.add(a);
      }
      for (const t of up) bump(out.themesWithSub, t);
    }
    if (c.test(b, 'polarity')) bump(out.polarities, n.polarity);
    if (n.themeIds.length === 0 && c.test(b, 'untagged')) out.untagged += 1;
    if (n.quotable && c.test(b, 'quotable')) out.quotable += 1;
    if (c.test(b, 'source')) bump(out.sources, b.source);
    if (c.test(b, 'visibility')) {
      bump(out.visibility, 'all');
      if (n.hidden) bump(out.visibility, 'hidden');
      if (n.withdrawn) bump(out.visibility, 'withdrawn');
      if (!n.hidden && !n.withdrawn) bump(out.visibility, 'visible');
    }
  }
  return out;
}
