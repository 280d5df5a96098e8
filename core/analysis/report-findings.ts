import type { Note, Polarity, ReflectCard } from '../model/index.ts';
import { stepQuestions } from '../model/index.ts';
import type { ExportView, ViewNote } from './export-view.ts';
import { normaliseStatement, saidBy } from './near-duplicates.ts';

/**
 * The questions people were asked about a theme: those of the agenda steps that discuss that
 * theme, and no other. (Asking which steps a theme's notes were taken in dragged in other
 * themes' questions whenever a note carried two themes.)
 */
export function themeQuestions(view: ExportView, themeId: string): string[] {
  const out = new Set<string>();
  const records = [...view.sessions.values()].sort(
    (a, b) =>
      a.session.date.localeCompare(b.session.date) || a.session.id.localeCompare(b.session.id),
  );
  for (const rec of records) {
    for (const step of rec.agenda) {
      if (step.type !== 'theme-discussion' || step.themeId !== themeId) continue;
      for (const q of stepQuestions(step, rec.persona)) out.add(q.trim());
    }
  }
  return [...out].filter((q) => q !== '');
}

/** One statement as the report prints it, after statements that say the same were merged. */
export interface Statement {
  text: string;
  /** Different people whose own words these were (the group's words count no one). */
  people: number;
  /** Whether the group said it: captured by a facilitator for no one in particular. */
  fromGroup: boolean;
  noteIds: string[];
}

/**
 * The statement a note belongs to: the note it was merged into on the analysis board (following
 * a chain, if one was left), as long as that note is itself among those being merged here;
 * otherwise the note itself.
 */
function rootOf(note: Note, byId: ReadonlyMap<string, Note>): Note {
  let at = note;
  const seen = new Set<string>([at.id]);
  while (at.mergedInto) {
    const next = byId.get(at.mergedInto);
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    at = next;
  }
  return at;
}

/**
 * Merges notes that say the same thing into statements, in the order first said: the one place
 * the report decides what "the same" means. Notes the facilitator merged on the analysis board
 * (`mergedInto`, near-duplicates included) join the statement they were merged into, which is
 * printed once in its own words; statements with the same words, ignoring case and punctuation,
 * are one statement too. Who said it is counted by `saidBy`, the function the board uses, so
 * each person counts once and the group's words count no one.
 */
export function mergeStatements(notes: readonly ViewNote[]): Statement[] {
  const sorted = [...notes].sort(
    (a, b) =>
      a.note.createdAt.localeCompare(b.note.createdAt) || a.note.id.localeCompare(b.note.id),
  );
  const byId = new Map(sorted.map((v) => [v.note.id, v.note]));
  const texts = new Map(sorted.map((v) => [v.note.id, v.text]));
  const groups = new Map<string, { lead: Note; members: Note[] }>();
  for (const v of sorted) {
    const root = rootOf(v.note, byId);
    const key = normaliseStatement(texts.get(root.id) ?? root.text);
    let g = groups.get(key);
    if (!g) {
      g = { lead: root, members: [] };
      groups.set(key, g);
    }
    g.members.push(v.note);
  }
  return [...groups.values()].map(({ lead, members }) => {
    // Everything in the statement counts as merged into its lead, as on the board.
    const said = saidBy(
      lead,
      members.filter((m) => m.id !== lead.id).map((m) => ({ ...m, mergedInto: lead.id })),
    );
    return {
      text: texts.get(lead.id) ?? lead.text,
      people: said.people,
      fromGroup: said.unattributed > 0,
      noteIds: members.map((m) => m.id),
    };
  });
}

/** Who a theme's words came from, counted the way people read a room. */
export interface ThemeVoices {
  /** Statements after merging. */
  statements: number;
  /** Statements the group made together (captured for no one in particular). */
  groupStatements: number;
  /** Different people whose own words the theme holds. */
  people: number;
}

export interface ThemeFindings {
  themeId: string;
  questions: string[];
  want: Statement[];
  doNotWant: Statement[];
  other: Statement[];
  voices: ThemeVoices;
}

const notesOf = (view: ExportView, themeId: string, sessionId?: string, polarity?: Polarity) =>
  view.notes.filter(
    (v) =>
      v.note.themeIds.includes(themeId) &&
      (sessionId === undefined || v.session.id === sessionId) &&
      (polarity === undefined || v.note.polarity === polarity),
  );

/** A theme's findings in the order the report prints them (of one session, when given). */
export function themeFindings(
  view: ExportView,
  themeId: string,
  sessionId?: string,
): ThemeFindings {
  const all = notesOf(view, themeId, sessionId);
  const merged = mergeStatements(all);
  const people = new Set(all.flatMap((v) => (v.participant ? [v.participant.id] : [])));
  return {
    themeId,
    questions: themeQuestions(view, themeId),
    want: mergeStatements(notesOf(view, themeId, sessionId, 'want')),
    doNotWant: mergeStatements(notesOf(view, themeId, sessionId, 'do-not-want')),
    other: mergeStatements(notesOf(view, themeId, sessionId, 'neutral')),
    voices: {
      statements: merged.length,
      groupStatements: merged.filter((s) => s.fromGroup && s.people === 0).length,
      people: people.size,
    },
  };
}

/** "said by 3 people", "said in the group", or nothing for one person's words. */
export function statementSource(s: Statement): string | null {
  if (s.people >= 2) return `said by ${s.people} people`;
  if (s.people === 0 && s.fromGroup) return 'said in the group';
  if (s.people === 1 && s.fromGroup) return 'said in the group and by 1 person';
  return null;
}

/** "12 statements: 9 from the group, 3 from 2 people", for a table cell or a sentence. */
export function voicesLabel(v: ThemeVoices): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const own = v.statements - v.groupStatements;
  const parts: string[] = [];
  if (v.groupStatements > 0) parts.push(`${v.groupStatements} from the group`);
  if (own > 0) parts.push(`${own} from ${n(v.people, 'person', 'people')}`);
  return `${n(v.statements, 'statement', 'statements')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** What the group decided about a statement read back to it (written by the room screen). */
export interface ReadBackOutcome {
  status: 'confirmed' | 'amended' | 'rejected';
  /** The group's wording when they amended it; else the words read back. */
  wording: string;
  at: string;
}

/** The one place reports read a reflect-back card's recorded decision (null until recorded). */
export function cardOutcome(card: ReflectCard): ReadBackOutcome | null {
  const d = card.decision;
  if (!d) return null;
  return { status: d.outcome, wording: d.outcome === 'amended' ? d.wording : card.text, at: d.at };
}

export interface ThemeReflectOutcome {
  sessionTitle: string;
  status: 'confirmed' | 'amended';
  /** What was read back. */
  readBack: string;
  /** The group's wording, when they amended it. */
  wording: string;
  at: string;
}

/** Statements about a theme the group confirmed or amended when they were read back. */
export function themeReflectOutcomes(view: ExportView, themeId: string): ThemeReflectOutcome[] {
  const out: ThemeReflectOutcome[] = [];
  for (const rec of view.sessions.values()) {
    for (const card of rec.reflectCards) {
      if (card.themeId !== themeId) continue;
      const o = cardOutcome(card);
      if (!o || o.status === 'rejected') continue;
      out.push({
        sessionTitle: rec.session.title,
        status: o.status,
        readBack: card.text,
        wording: o.wording,
        at: o.at,
      });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
