import { POLARITY_LABELS, sortThemes } from '../model/index.ts';
import type { ExportView, ViewNote } from './export-view.ts';
import { type CloudWord, type WordFrequencyOptions, wordFrequencies } from './word-frequencies.ts';

export type CloudScopeKind = 'programme' | 'session' | 'theme' | 'cohort' | 'polarity';

/** One word cloud the app can show and the exports draw: which notes, which words. */
export interface CloudScope {
  kind: CloudScopeKind;
  /** Stable, file-name-safe key, for example "session-s1" or "polarity-do-not-want". */
  key: string;
  /** A title for a reader, for example "Words used: Focus group 1". */
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

function scope(
  kind: CloudScopeKind,
  key: string,
  title: string,
  notes: readonly ViewNote[],
  options: WordFrequencyOptions,
): CloudScope {
  return {
    kind,
    key,
    title,
    noteCount: notes.length,
    words: wordFrequencies(
      notes.map((n) => n.text),
      options,
    ),
  };
}

/** The cloud of one session's notes. */
export function sessionCloud(
  view: ExportView,
  sessionId: string,
  options: WordFrequencyOptions = {},
): CloudScope {
  const rec = view.sessions.get(sessionId);
  const notes = view.notes.filter((n) => n.session.id === sessionId);
  return scope(
    'session',
    `session-${slug(sessionId)}`,
    `Words used: ${rec?.session.title ?? sessionId}`,
    notes,
    options,
  );
}

/**
 * Every cloud of a programme: the whole programme, then each session, theme, cohort and
 * polarity that has notes. Scopes with no notes are left out rather than drawn empty.
 */
export function cloudScopes(view: ExportView, options: WordFrequencyOptions = {}): CloudScope[] {
  const out: CloudScope[] = [
    scope('programme', 'programme', 'Words used across the programme', view.notes, options),
  ];
  for (const rec of view.sessions.values()) {
    if (rec.notes.length > 0) out.push(sessionCloud(view, rec.session.id, options));
  }
  for (const theme of sortThemes([...view.themes.values()])) {
    const notes = view.notes.filter((n) => n.note.themeIds.includes(theme.id));
    if (notes.length > 0) {
      out.push(
        scope('theme', `theme-${slug(theme.id)}`, `Words used: ${theme.name}`, notes, options),
      );
    }
  }
  const cohorts = [...new Set(view.notes.map((n) => n.cohort).filter((c) => c !== ''))].sort();
  cohorts.forEach((cohort, i) => {
    const notes = view.notes.filter((n) => n.cohort === cohort);
    // The index keeps keys unique when two cohort names slug to the same text.
    out.push(
      scope('cohort', `cohort-${i + 1}-${slug(cohort)}`, `Words used: ${cohort}`, notes, options),
    );
  });
  for (const polarity of ['want', 'do-not-want'] as const) {
    const notes = view.notes.filter((n) => n.note.polarity === polarity);
    if (notes.length > 0) {
      out.push(
        scope(
          'polarity',
          `polarity-${polarity}`,
          `Words used: ${POLARITY_LABELS[polarity].toLowerCase().replace('not', 'NOT')}`,
          notes,
          options,
        ),
      );
    }
  }
  return out;
}
