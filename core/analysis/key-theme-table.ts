import type { Polarity, Theme } from '../model/index.ts';
import { sortThemes } from '../model/index.ts';
import type { ExportView, ViewNote } from './export-view.ts';
import { countContributors, type Contributors } from './attribution.ts';

export interface KeyThemeRow {
  theme: Theme;
  /** The theme's place in the codebook, for example "Access › Waiting times". */
  path: string;
  depth: number;
  /** Distinct statements, in the order they were said. */
  want: string[];
  doNotWant: string[];
  other: string[];
  counts: { want: number; doNotWant: number; other: number; total: number };
  /** How many different people's words the row holds (notes by no one are not counted). */
  participants: number;
  /** Whose contributions the row holds, so a group's notes are named as the group's. */
  contributors: Contributors;
  /** Session ids the theme was heard in. */
  sessionIds: string[];
}

export interface KeyThemeTable {
  rows: KeyThemeRow[];
  /** Notes with no theme: still in the coded notes, but in no row. */
  untagged: number;
  totalNotes: number;
}

export interface KeyThemeOptions {
  sessionId?: string;
  /** Leave out themes with no notes (default true). */
  skipEmpty?: boolean;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function pathOf(theme: Theme, themes: Map<string, Theme>): { path: string; depth: number } {
  const names = [theme.name];
  const seen = new Set([theme.id]);
  let parent = theme.parentId === null ? undefined : themes.get(theme.parentId);
  while (parent && !seen.has(parent.id)) {
    names.unshift(parent.name);
    seen.add(parent.id);
    parent = parent.parentId === null ? undefined : themes.get(parent.parentId);
  }
  return { path: names.join(' › '), depth: names.length - 1 };
}

/**
 * The key theme table: one row per theme in codebook order, "what people want to see" beside
 * "what people do NOT want to see". A note tagged with several themes counts in each; a note
 * tagged with a child theme counts in the child's row only, so no note is counted twice in
 * one row and parents do not silently repeat their children.
 */
export function buildKeyThemeTable(view: ExportView, options: KeyThemeOptions = {}): KeyThemeTable {
  const skipEmpty = options.skipEmpty ?? true;
  const notes = view.notes.filter(
    (v) => options.sessionId === undefined || v.session.id === options.sessionId,
  );
  const byTheme = new Map<string, ViewNote[]>();
  let untagged = 0;
  for (const v of notes) {
    if (v.note.themeIds.length === 0) untagged += 1;
    for (const id of new Set(v.note.themeIds)) {
      const list = byTheme.get(id) ?? [];
      list.push(v);
      byTheme.set(id, list);
    }
  }
  const rows: KeyThemeRow[] = [];
  for (const theme of sortThemes([...view.themes.values()])) {
    const list = byTheme.get(theme.id) ?? [];
    if (skipEmpty && list.length === 0) continue;
    const columns: Record<Polarity, string[]> = { want: [], 'do-not-want': [], neutral: [] };
    const seen: Record<Polarity, Set<string>> = {
      want: new Set(),
      'do-not-want': new Set(),
      neutral: new Set(),
    };
    const people = new Set<string>();
    const sessionIds: string[] = [];
    const sorted = [...list].sort(
      (a, b) =>
        a.note.createdAt.localeCompare(b.note.createdAt) || a.note.id.localeCompare(b.note.id),
    );
    for (const v of sorted) {
      const key = normalise(v.text);
      if (!seen[v.note.polarity].has(key)) {
        seen[v.note.polarity].add(key);
        columns[v.note.polarity].push(v.text);
      }
      if (v.participant) people.add(v.participant.id);
      if (!sessionIds.includes(v.session.id)) sessionIds.push(v.session.id);
    }
    const count = (p: Polarity) => list.filter((v) => v.note.polarity === p).length;
    rows.push({
      theme,
      ...pathOf(theme, view.themes),
      want: columns.want,
      doNotWant: columns['do-not-want'],
      other: columns.neutral,
      counts: {
        want: count('want'),
        doNotWant: count('do-not-want'),
        other: count('neutral'),
        total: list.length,
      },
      participants: people.size,
      contributors: countContributors(list.map((v) => v.note)),
      sessionIds,
    });
  }
  return { rows, untagged, totalNotes: notes.length };
}
