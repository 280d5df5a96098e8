import { POLARITY_LABELS, sortThemes } from '../model/index.ts';
import { buildCloudTerms, type CloudTermModel } from './cloud-terms.ts';
import { type DistinctiveWord, distinctiveWords } from './distinctive-words.ts';
import type { ExportView, ViewNote } from './export-view.ts';
import {
  type CloudWord,
  type WordFrequencyOptions,
  countTerms,
  textsWithTerm,
} from './word-frequencies.ts';

export type CloudScopeKind = 'programme' | 'session' | 'theme' | 'cohort' | 'polarity';

/** Which notes one cloud is of. */
export interface CloudScopeDef {
  kind: CloudScopeKind;
  /** Stable, file-name-safe key, for example "session-s1" or "polarity-do-not-want". */
  key: string;
  /** A title for a reader, for example "Words used: Focus group 1". */
  title: string;
  /** What the scope is, for a menu: "Focus group 1", "Do NOT want to see". */
  label: string;
  /** Indexes into the view's notes. */
  noteIndexes: number[];
}

/** One word cloud the app can show and the exports draw: which notes, which words. */
export interface CloudScope {
  kind: CloudScopeKind;
  key: string;
  title: string;
  noteCount: number;
  words: CloudWord[];
}

/** Lowercase letters, digits and hyphens only: safe in a file name on any system. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'unnamed';
}

/**
 * The words of every note of a view, segmented once (lemmas and the programme's common phrases,
 * less its stop list), so every scope's cloud, on screen and exported, counts the same words.
 */
export function viewCloudTerms(
  view: ExportView,
  options: Pick<WordFrequencyOptions, 'stopWords' | 'minPhraseNotes'> = {},
): CloudTermModel {
  return buildCloudTerms(
    view.notes.map((n) => n.text),
    { stopWords: view.snapshot.settings?.stopWords ?? [], ...options },
  );
}

function indexesWhere(view: ExportView, keep: (n: ViewNote) => boolean): number[] {
  const out: number[] = [];
  view.notes.forEach((n, i) => {
    if (keep(n)) out.push(i);
  });
  return out;
}

function polarityLabel(polarity: 'want' | 'do-not-want'): string {
  return POLARITY_LABELS[polarity].replace('not', 'NOT');
}

/**
 * Every scope of a programme: the whole programme, then each session, theme, cohort and
 * polarity that has notes. Scopes with no notes are left out rather than drawn empty.
 */
export function cloudScopeDefs(view: ExportView): CloudScopeDef[] {
  const out: CloudScopeDef[] = [
    {
      kind: 'programme',
      key: 'programme',
      title: 'Words used across the programme',
      label: 'Whole programme',
      noteIndexes: view.notes.map((_, i) => i),
    },
  ];
  for (const rec of view.sessions.values()) {
    const noteIndexes = indexesWhere(view, (n) => n.session.id === rec.session.id);
    if (noteIndexes.length > 0) out.push(sessionScopeDef(view, rec.session.id, noteIndexes));
  }
  for (const theme of sortThemes([...view.themes.values()])) {
    const noteIndexes = indexesWhere(view, (n) => n.note.themeIds.includes(theme.id));
    if (noteIndexes.length > 0) {
      out.push({
        kind: 'theme',
        key: `theme-${slug(theme.id)}`,
        title: `Words used: ${theme.name}`,
        label: `Theme: ${theme.name}`,
        noteIndexes,
      });
    }
  }
  const cohorts = [...new Set(view.notes.map((n) => n.cohort).filter((c) => c !== ''))].sort();
  cohorts.forEach((cohort, i) => {
    // The index keeps keys unique when two cohort names slug to the same text.
    out.push({
      kind: 'cohort',
      key: `cohort-${i + 1}-${slug(cohort)}`,
      title: `Words used: ${cohort}`,
      label: `Cohort: ${cohort}`,
      noteIndexes: indexesWhere(view, (n) => n.cohort === cohort),
    });
  });
  for (const polarity of ['want', 'do-not-want'] as const) {
    const noteIndexes = indexesWhere(view, (n) => n.note.polarity === polarity);
    if (noteIndexes.length > 0) {
      out.push({
        kind: 'polarity',
        key: `polarity-${polarity}`,
        title: `Words used: ${polarityLabel(polarity).toLowerCase().replace('not', 'NOT')}`,
        label: polarityLabel(polarity),
        noteIndexes,
      });
    }
  }
  return out;
}

function sessionScopeDef(
  view: ExportView,
  sessionId: string,
  noteIndexes: number[],
): CloudScopeDef {
  const title = view.sessions.get(sessionId)?.session.title ?? sessionId;
  return {
    kind: 'session',
    key: `session-${slug(sessionId)}`,
    title: `Words used: ${title}`,
    label: `Session: ${title}`,
    noteIndexes,
  };
}

function toScope(
  def: CloudScopeDef,
  model: CloudTermModel,
  options: WordFrequencyOptions,
): CloudScope {
  return {
    kind: def.kind,
    key: def.key,
    title: def.title,
    noteCount: def.noteIndexes.length,
    words: countTerms(model, def.noteIndexes, options),
  };
}

/** The cloud of one session's notes. */
export function sessionCloud(
  view: ExportView,
  sessionId: string,
  options: WordFrequencyOptions = {},
): CloudScope {
  const model = viewCloudTerms(view, options);
  const def = sessionScopeDef(
    view,
    sessionId,
    indexesWhere(view, (n) => n.session.id === sessionId),
  );
  return toScope(def, model, options);
}

/** Every cloud of a programme (see cloudScopeDefs), as the exports draw them. */
export function cloudScopes(view: ExportView, options: WordFrequencyOptions = {}): CloudScope[] {
  const model = viewCloudTerms(view, options);
  return cloudScopeDefs(view).map((def) => toScope(def, model, options));
}

/** What the clouds screen shows for one scope: its words, its distinctive words. */
export interface ScopeWords {
  def: CloudScopeDef;
  words: CloudWord[];
  /** Words this scope uses more than the rest of the programme (empty for the whole programme). */
  distinctive: DistinctiveWord[];
}

/** One scope's frequent and distinctive words, from a model built once per view. */
export function scopeWords(
  model: CloudTermModel,
  def: CloudScopeDef,
  options: { maxWords?: number } = {},
): ScopeWords {
  return {
    def,
    words: countTerms(model, def.noteIndexes, options),
    distinctive: def.kind === 'programme' ? [] : distinctiveWords(model, def.noteIndexes, options),
  };
}

/** The notes of a scope that say a word, in the view's order: what a click on a word shows. */
export function notesWithWord(
  view: ExportView,
  model: CloudTermModel,
  def: CloudScopeDef,
  word: string,
): ViewNote[] {
  return textsWithTerm(model, word, def.noteIndexes).map((i) => view.notes[i]!);
}
