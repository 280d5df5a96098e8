import { buildCloudTerms, type CloudTermModel, type CloudTermOptions } from './cloud-terms.ts';

/** One word (or phrase) of a cloud, as the app shows it and the exports draw it. */
export interface CloudWord {
  /** The form people used most often for this word or phrase. */
  text: string;
  /** How many times the word (any form of it) was said. */
  count: number;
  /** count / the largest count, in (0, 1]: the app and the exports size words by this. */
  weight: number;
}

export interface WordFrequencyOptions extends CloudTermOptions {
  /** Most words to keep (the most frequent); default 150. */
  maxWords?: number;
  /** Leave out words said fewer times than this; default 1. */
  minCount?: number;
}

/** Every index of the model's texts: a whole set as one scope. */
export function allTexts(model: CloudTermModel): number[] {
  return model.terms.map((_, i) => i);
}

/**
 * The words of some of a model's texts (by index), most said first, then alphabetically, so the
 * same notes always give the same list.
 */
export function countTerms(
  model: CloudTermModel,
  indexes: readonly number[],
  options: Pick<WordFrequencyOptions, 'maxWords' | 'minCount'> = {},
): CloudWord[] {
  const maxWords = options.maxWords ?? 150;
  const minCount = options.minCount ?? 1;
  const counts = new Map<string, number>();
  for (const i of indexes) {
    for (const t of model.terms[i] ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const list = [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, maxWords);
  const max = list[0]?.count ?? 1;
  return list.map((w) => ({ ...w, weight: w.count / max }));
}

/** Which of the given texts (by index) say a cloud word, in the order given. */
export function textsWithTerm(
  model: CloudTermModel,
  term: string,
  indexes: readonly number[] = allTexts(model),
): number[] {
  return indexes.filter((i) => model.terms[i]?.includes(term));
}

/**
 * Word counts for a cloud: words are grouped by lemma ("waits", "waited" and "wait" are one
 * word), common two- and three-word phrases stay together, stopwords (common English, and the
 * programme's own list) and redaction placeholders are left out, and each word is shown in the
 * form people used most.
 *
 * @example wordFrequencies(['Long waits', 'I waited too long'])
 *   // [{ text: 'long', count: 2, weight: 1 }, { text: 'waits', count: 2, weight: 1 }]
 */
export function wordFrequencies(
  texts: readonly string[],
  options: WordFrequencyOptions = {},
): CloudWord[] {
  const model = buildCloudTerms(texts, options);
  return countTerms(model, allTexts(model), options);
}
