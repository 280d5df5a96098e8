import type { Note, Polarity } from '../model/index.ts';
import type { SessionDoc } from '../docs/session-doc.ts';

// Callers pass a statement together with the notes merged into it (`withMergedNotes`), so
// tagging a statement tags everyone's words the same and the key theme table counts them all.

/** Where a note lives: the session document that holds it. */
export type NoteLocator = (noteId: string) => SessionDoc | null;

/** Finds notes across the sessions of a programme. */
export function noteLocator(sessions: readonly SessionDoc[]): NoteLocator {
  return (noteId) => sessions.find((s) => s.notes.has(noteId)) ?? null;
}

function findNote(sessions: readonly SessionDoc[], id: string): Note | null {
  for (const s of sessions) {
    if (!s.notes.has(id)) continue;
    return s.notes.get(id);
  }
  return null;
}

function patchEach(
  sessions: readonly SessionDoc[],
  noteIds: readonly string[],
  change: (note: Note) => Partial<Note> | null,
): number {
  const targets = new Set(noteIds);
  let changed = 0;
  for (const s of sessions) {
    s.doc.transact(() => {
      for (const id of targets) {
        if (!s.notes.has(id)) continue;
        const note = s.notes.get(id);
        if (!note) continue;
        const patch = change(note);
        if (patch) {
          s.notes.patch(id, patch);
          changed += 1;
        }
      }
    });
  }
  return changed;
}

/**
 * Adds a theme to notes (or, with `on: false`, removes it). With several notes selected the
 * theme is added to all of them unless all already carry it, then it is removed from all: the
 * same key toggles a selection the way it toggles one note.
 */
export function toggleTheme(
  sessions: readonly SessionDoc[],
  noteIds: readonly string[],
  themeId: string,
  on?: boolean,
): number {
  const notes = noteIds.map((id) => findNote(sessions, id)).filter((n): n is Note => n !== null);
  const add = on ?? !notes.every((n) => n.themeIds.includes(themeId));
  return patchEach(sessions, noteIds, (n) => {
    const has = n.themeIds.includes(themeId);
    if (add === has) return null;
    return { themeIds: add ? [...n.themeIds, themeId] : n.themeIds.filter((t) => t !== themeId) };
  });
}

export function setPolarity(
  sessions: readonly SessionDoc[],
  noteIds: readonly string[],
  polarity: Polarity,
): number {
  return patchEach(sessions, noteIds, (n) => (n.polarity === polarity ? null : { polarity }));
}

/** Toggles "quotable" on the notes: on for all unless all already are. */
export function toggleQuotable(
  sessions: readonly SessionDoc[],
  noteIds: readonly string[],
): number {
  const notes = noteIds.map((id) => findNote(sessions, id)).filter((n): n is Note => n !== null);
  const on = !notes.every((n) => n.quotable);
  return patchEach(sessions, noteIds, (n) => (n.quotable === on ? null : { quotable: on }));
}

/** Toggles "hidden" (left out of the room, the analysis and every export). */
export function toggleHidden(sessions: readonly SessionDoc[], noteIds: readonly string[]): number {
  const notes = noteIds.map((id) => findNote(sessions, id)).filter((n): n is Note => n !== null);
  const on = !notes.every((n) => n.hidden);
  return patchEach(sessions, noteIds, (n) => (n.hidden === on ? null : { hidden: on }));
}
