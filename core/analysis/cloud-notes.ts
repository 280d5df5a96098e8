import type { CloudNote, CloudsScreenData } from './clouds-view.ts';

// Kept apart from clouds-view.ts so the app can use it without loading the language model.

/** The notes of a scope that say a word (indexes into data.notes), for a click on the word. */
export function screenNotesWithWord(
  data: CloudsScreenData,
  scopeKey: string,
  word: string,
): CloudNote[] {
  const scope = data.scopes.find((s) => s.def.key === scopeKey);
  if (!scope) return [];
  return scope.def.noteIndexes
    .filter((i) => data.terms[i]?.includes(word))
    .map((i) => data.notes[i]!);
}
