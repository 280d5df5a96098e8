import type { ExportView, ViewNote } from './export-view.ts';
import { normaliseStatement } from './near-duplicates.ts';

export interface Quote {
  noteId: string;
  text: string;
  /** For example "Parent/carer 2, Parents and carers of children in physiotherapy". Never a name. */
  attribution: string;
  sessionId: string;
  themeIds: string[];
  polarity: ViewNote['note']['polarity'];
}

/**
 * Whether a note may be quoted: marked quotable by a facilitator, and its words belong to a
 * participant who consented to be quoted anonymously. Notes that belong to no one are never
 * quoted, since no one consented.
 */
export function isQuotable(v: ViewNote): boolean {
  const p = v.participant;
  return (
    v.note.quotable &&
    p !== null &&
    p.consent.quoteAnonymously.given &&
    p.consent.storeWords.given &&
    !v.note.hidden &&
    !v.note.withdrawn
  );
}

/** How a quote is attributed: the participant's descriptor and cohort. */
export function attributionFor(v: ViewNote): string {
  const descriptor = v.participant?.descriptor ?? 'A participant';
  return v.cohort && !descriptor.toLowerCase().includes(v.cohort.toLowerCase())
    ? `${descriptor}, ${v.cohort}`
    : descriptor;
}

export interface QuoteFilter {
  sessionId?: string;
  themeId?: string;
  /** Most quotes to return; the rest are still in the coded notes. */
  limit?: number;
}

/** Quotes from the view, in the order they were said, filtered by session or theme. */
export function selectQuotes(view: ExportView, filter: QuoteFilter = {}): Quote[] {
  const out: Quote[] = [];
  for (const v of view.notes) {
    if (filter.sessionId !== undefined && v.session.id !== filter.sessionId) continue;
    if (filter.themeId !== undefined && !v.note.themeIds.includes(filter.themeId)) continue;
    if (!isQuotable(v)) continue;
    out.push({
      noteId: v.note.id,
      text: v.text,
      attribution: attributionFor(v),
      sessionId: v.session.id,
      themeIds: v.note.themeIds,
      polarity: v.note.polarity,
    });
    if (filter.limit !== undefined && out.length >= filter.limit) break;
  }
  return out;
}

/**
 * The same words from two people are one quote in a document: the first to say them, by its
 * descriptor. "Same" is what the board calls the same statement (case, spacing, punctuation).
 */
export function distinctWording(quotes: readonly Quote[]): Quote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = normaliseStatement(q.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
