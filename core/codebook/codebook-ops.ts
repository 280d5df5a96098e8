import {
  THEME_PALETTE,
  colourSchema,
  longText,
  newId,
  shortText,
  sortThemes,
  type Theme,
} from '../model/index.ts';
import type { ProgrammeDoc } from '../docs/programme-doc.ts';
import type { SessionDoc } from '../docs/session-doc.ts';

/** A change the codebook refuses, with the field it is about so a form can show it there. */
export class CodebookError extends Error {
  constructor(
    readonly field: 'name' | 'description' | 'colour' | 'parent' | 'theme',
    message: string,
  ) {
    super(message);
    this.name = 'CodebookError';
  }
}

const nameSchema = shortText(120);
const descriptionSchema = longText(2000);

function checkName(themes: readonly Theme[], name: string, parentId: string | null, self?: string) {
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success)
    throw new CodebookError('name', parsed.error.issues[0]?.message ?? 'invalid name');
  const clash = themes.find(
    (t) =>
      t.id !== self &&
      t.parentId === parentId &&
      t.name.trim().toLowerCase() === parsed.data.toLowerCase(),
  );
  if (clash)
    throw new CodebookError('name', `There is already a theme called "${clash.name}" here.`);
  return parsed.data;
}

/** Ids of a theme and everything nested under it. */
export function themeWithDescendants(themes: readonly Theme[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of themes) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

function need(themes: readonly Theme[], id: string): Theme {
  const t = themes.find((x) => x.id === id);
  if (!t) throw new CodebookError('theme', 'That theme no longer exists.');
  return t;
}

function nextOrder(themes: readonly Theme[], parentId: string | null): number {
  return themes
    .filter((t) => t.parentId === parentId)
    .reduce((m, t) => Math.max(m, t.order + 1), 0);
}

export interface NewTheme {
  name: string;
  description?: string;
  colour?: string;
  parentId?: string | null;
}

/**
 * Adds a theme at the end of its parent's list; a child takes its parent's colour unless given
 * one, so a family of themes reads as one on the board.
 * @example addTheme(programme, { name: 'Waiting times', parentId: accessId })
 */
export function addTheme(programme: ProgrammeDoc, fields: NewTheme, id = newId('t')): Theme {
  const themes = programme.themes.all();
  const parentId = fields.parentId ?? null;
  const parent = parentId === null ? null : need(themes, parentId);
  const name = checkName(themes, fields.name, parentId);
  const colour =
    fields.colour ??
    parent?.colour ??
    THEME_PALETTE[themes.filter((t) => t.parentId === null).length % THEME_PALETTE.length];
  if (!colourSchema.safeParse(colour).success)
    throw new CodebookError('colour', 'Choose a colour such as #1f77b4.');
  const description = fields.description ?? '';
  if (!descriptionSchema.safeParse(description).success)
    throw new CodebookError('description', 'A description may hold at most 2,000 characters.');
  return programme.themes.put({
    id,
    name,
    description,
    colour: colour as string,
    parentId,
    order: nextOrder(themes, parentId),
  });
}

/** Renames, describes or recolours a theme; nothing changes when a field is refused. */
export function updateTheme(
  programme: ProgrammeDoc,
  id: string,
  changes: { name?: string; description?: string; colour?: string },
): Theme {
  const themes = programme.themes.all();
  const theme = need(themes, id);
  const next = { ...theme };
  if (changes.name !== undefined) next.name = checkName(themes, changes.name, theme.parentId, id);
  if (changes.description !== undefined) {
    if (!descriptionSchema.safeParse(changes.description).success)
      throw new CodebookError('description', 'A description may hold at most 2,000 characters.');
    next.description = changes.description;
  }
  if (changes.colour !== undefined) {
    if (!colourSchema.safeParse(changes.colour).success)
      throw new CodebookError('colour', 'Choose a colour such as #1f77b4.');
    next.colour = changes.colour;
  }
  return programme.themes.put(next);
}

/**
 * Moves a theme (with everything under it) under another parent, or to the top level, at a
 * place among its new siblings (default: last). Refuses to nest a theme inside itself.
 */
export function moveTheme(
  programme: ProgrammeDoc,
  id: string,
  parentId: string | null,
  index?: number,
): void {
  const themes = programme.themes.all();
  const theme = need(themes, id);
  if (parentId !== null) {
    need(themes, parentId);
    if (themeWithDescendants(themes, id).has(parentId))
      throw new CodebookError('parent', `"${theme.name}" cannot go inside itself.`);
  }
  checkName(themes, theme.name, parentId, id);
  const siblings = sortThemes(themes).filter((t) => t.parentId === parentId && t.id !== id);
  const at = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
  siblings.splice(at, 0, { ...theme, parentId });
  programme.doc.transact(() => {
    siblings.forEach((t, order) => {
      const current = themes.find((x) => x.id === t.id) as Theme;
      if (current.order !== order || current.parentId !== parentId)
        programme.themes.put({ ...current, parentId, order });
    });
  });
}

/** Moves a theme one place up or down among its siblings (the keyboard's way to reorder). */
export function shiftTheme(programme: ProgrammeDoc, id: string, by: -1 | 1): void {
  const themes = programme.themes.all();
  const theme = need(themes, id);
  const siblings = sortThemes(themes).filter((t) => t.parentId === theme.parentId);
  const i = siblings.findIndex((t) => t.id === id);
  moveTheme(programme, id, theme.parentId, Math.max(0, i + by));
}

function swapIds(ids: readonly string[], from: ReadonlySet<string>, to: string | null): string[] {
  const next: string[] = [];
  for (const t of ids) {
    const v = from.has(t) ? to : t;
    if (v !== null && !next.includes(v)) next.push(v);
  }
  return next;
}

/**
 * Points everything that names a theme (notes, agenda steps, reflect-back cards, actions and
 * recommendations) at another theme, or at none. Every export checks that each theme it meets
 * exists, so a merge or delete that left one reference behind would break them all. Returns how
 * many notes changed.
 */
function replaceThemeReferences(
  programme: ProgrammeDoc,
  sessions: readonly SessionDoc[],
  from: ReadonlySet<string>,
  to: string | null,
): number {
  let moved = 0;
  const touches = (ids: readonly string[]) => ids.some((t) => from.has(t));
  for (const s of sessions) {
    s.doc.transact(() => {
      for (const note of s.notes.all()) {
        if (!touches(note.themeIds)) continue;
        s.notes.patch(note.id, { themeIds: swapIds(note.themeIds, from, to) });
        moved += 1;
      }
      for (const card of s.cards.all())
        if (card.themeId !== null && from.has(card.themeId))
          s.cards.patch(card.id, { themeId: to });
      const agenda = s.agenda();
      const named = (st: (typeof agenda)[number]) =>
        st.type === 'theme-discussion' && st.themeId !== null && from.has(st.themeId);
      if (agenda.some(named))
        s.setAgenda(agenda.map((st) => (named(st) ? { ...st, themeId: to } : st)));
    });
  }
  programme.doc.transact(() => {
    for (const a of programme.actions.all())
      if (touches(a.themeIds))
        programme.actions.patch(a.id, { themeIds: swapIds(a.themeIds, from, to) });
    for (const r of programme.recommendations.all())
      if (touches(r.themeIds))
        programme.recommendations.patch(r.id, { themeIds: swapIds(r.themeIds, from, to) });
  });
  return moved;
}

/**
 * Merges one theme into another: every note tagged with the merged theme (in every session) is
 * tagged with the kept one instead, its sub-themes move under the kept theme, and it is removed.
 * Returns how many notes changed.
 */
export function mergeThemes(
  programme: ProgrammeDoc,
  sessions: readonly SessionDoc[],
  keepId: string,
  mergeId: string,
): number {
  const themes = programme.themes.all();
  const keep = need(themes, keepId);
  const gone = need(themes, mergeId);
  if (keepId === mergeId) throw new CodebookError('theme', 'Choose two different themes.');
  if (themeWithDescendants(themes, mergeId).has(keepId))
    throw new CodebookError(
      'theme',
      `"${keep.name}" is inside "${gone.name}": merge it the other way.`,
    );
  const moved = replaceThemeReferences(programme, sessions, new Set([mergeId]), keepId);
  programme.doc.transact(() => {
    let order = nextOrder(themes, keepId);
    for (const child of sortThemes(themes).filter((t) => t.parentId === mergeId))
      programme.themes.put({ ...child, parentId: keepId, order: order++ });
    if (gone.description && !keep.description)
      programme.themes.put({ ...keep, description: gone.description });
    programme.themes.remove(mergeId);
  });
  return moved;
}

/** What becomes of a deleted theme's notes. */
export type DeleteFate =
  /** The notes lose the tag (they may become untagged). */
  | { kind: 'untag' }
  /** The notes are tagged with another theme instead (often the parent). */
  | { kind: 'retag'; themeId: string };

/**
 * Deletes a theme. Its sub-themes move up to its parent; its notes follow `fate`. Returns how
 * many notes changed.
 */
export function deleteTheme(
  programme: ProgrammeDoc,
  sessions: readonly SessionDoc[],
  id: string,
  fate: DeleteFate,
): number {
  const themes = programme.themes.all();
  const theme = need(themes, id);
  if (fate.kind === 'retag') {
    need(themes, fate.themeId);
    if (fate.themeId === id)
      throw new CodebookError('theme', 'Choose another theme for its notes.');
  }
  const moved = replaceThemeReferences(
    programme,
    sessions,
    new Set([id]),
    fate.kind === 'retag' ? fate.themeId : null,
  );
  programme.doc.transact(() => {
    let order = nextOrder(themes, theme.parentId);
    for (const child of sortThemes(themes).filter((t) => t.parentId === id))
      programme.themes.put({ ...child, parentId: theme.parentId, order: order++ });
    programme.themes.remove(id);
  });
  return moved;
}

/** How many notes carry each theme, across the given sessions (for "delete: 12 notes"). */
export function notesPerTheme(sessions: readonly SessionDoc[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions)
    for (const n of s.notes.all())
      for (const t of new Set(n.themeIds)) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}
