import {
  cardStage,
  type CardOutcome,
  type CardStage,
  type Note,
  type Polarity,
  type ReflectCard,
  type Theme,
} from '../model/index.ts';

/** A reflect-back card as a debrief or report tells it. */
export interface ReflectOutcome {
  cardId: string;
  /** The words read back to the group. */
  readBack: string;
  theme: string | null;
  stage: CardStage;
  outcome: CardOutcome | null;
  /** The wording the group settled on: the amended words, else the words read back. */
  finalWording: string;
  decidedAt: string | null;
  votes: { agree: number; notQuite: number; disagree: number };
  comments: string[];
}

export const CARD_OUTCOME_LABELS: Record<CardOutcome, string> = {
  confirmed: 'Confirmed with the group',
  amended: 'Amended with the group',
  rejected: 'Rejected by the group',
};

/**
 * What the group decided about each card that was put to them, in card order: the one source for
 * the run-the-room screen, the debrief and the reports, so they cannot disagree. Drafts never
 * shown to the group are left out.
 */
export function reflectOutcomes(
  cards: readonly ReflectCard[],
  codebook: readonly Pick<Theme, 'id' | 'name'>[] = [],
): ReflectOutcome[] {
  const names = new Map(codebook.map((t) => [t.id, t.name]));
  return [...cards]
    .filter((c) => cardStage(c) !== 'draft')
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((c) => {
      const votes = Object.values(c.votes);
      const d = c.decision ?? null;
      return {
        cardId: c.id,
        readBack: c.text,
        theme: c.themeId === null ? null : (names.get(c.themeId) ?? null),
        stage: cardStage(c),
        outcome: d?.outcome ?? null,
        finalWording: d?.outcome === 'amended' ? d.wording : c.text,
        decidedAt: d?.at ?? null,
        votes: {
          agree: votes.filter((v) => v === 'agree').length,
          notQuite: votes.filter((v) => v === 'not-quite').length,
          disagree: votes.filter((v) => v === 'disagree').length,
        },
        comments: c.comments.map((m) => m.text),
      };
    });
}

/**
 * "Confirmed with the group on 16 April 2026", "Amended with the group on ...", or "No decision
 * recorded"; `formatDate` is the report's own date style.
 */
export function outcomeSentence(o: ReflectOutcome, formatDate: (iso: string) => string): string {
  if (o.outcome === null) return 'No decision recorded';
  const label = CARD_OUTCOME_LABELS[o.outcome];
  return o.decidedAt ? `${label} on ${formatDate(o.decidedAt)}` : label;
}

/**
 * The statements a theme's card could read back: its notes' words, most often said first (the
 * same words said twice count twice), leaving out hidden and withdrawn notes.
 */
export function themeStatements(
  notes: readonly Note[],
  themeId: string,
  polarity: Polarity,
  limit = 5,
): string[] {
  const counts = new Map<string, { text: string; n: number; first: string }>();
  for (const note of notes) {
    if (note.hidden || note.withdrawn || note.polarity !== polarity) continue;
    if (!note.themeIds.includes(themeId)) continue;
    const key = note.text.toLowerCase().replace(/\s+/g, ' ').trim();
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { text: note.text.trim(), n: 1, first: note.createdAt });
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.first.localeCompare(b.first))
    .slice(0, limit)
    .map((c) => c.text.slice(0, 1000));
}
