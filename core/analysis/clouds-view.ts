import { POLARITY_LABELS } from '../model/index.ts';
import { cloudScopeDefs, scopeWords, viewCloudTerms, type ScopeWords } from './cloud-scopes.ts';
import type { ExportView } from './export-view.ts';

/** A note as the clouds screen lists it under a word: no author, only its descriptor. */
export interface CloudNote {
  id: string;
  text: string;
  session: string;
  /** "A parent/carer", or "Facilitator note". */
  who: string;
  polarity: string;
}

/**
 * Everything the clouds screen shows, computed once from the export view so the screen and the
 * exported clouds cannot disagree: every scope's words and distinctive words, the notes (as
 * exported: redacted, hidden and withdrawn left out) and the words each note says, for "which
 * notes say this word".
 */
export interface CloudsScreenData {
  scopes: ScopeWords[];
  notes: CloudNote[];
  /** terms[i]: the cloud words notes[i] says. */
  terms: string[][];
  stopWords: string[];
}

export function cloudsScreenData(
  view: ExportView,
  options: { maxWords?: number } = {},
): CloudsScreenData {
  const model = viewCloudTerms(view);
  return {
    scopes: cloudScopeDefs(view).map((def) => scopeWords(model, def, options)),
    notes: view.notes.map((n) => ({
      id: n.note.id,
      text: n.text,
      session: n.session.title,
      who: n.participant?.descriptor ?? 'Facilitator note',
      polarity: POLARITY_LABELS[n.note.polarity],
    })),
    terms: model.terms.map((t) => [...new Set(t)]),
    stopWords: view.snapshot.settings?.stopWords ?? [],
  };
}
