import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { eng } from 'stopword';
import { REDACTION_TOKENS } from './redaction.ts';

/** One word of a cloud, as the app shows it and the exports draw it. */
export interface CloudWord {
  /** The form people used most often for this word. */
  text: string;
  /** How many times the word (any form of it) was said. */
  count: number;
  /** count / the largest count, in (0, 1]: the app and the exports size words by this. */
  weight: number;
}

export interface WordFrequencyOptions {
  /** Most words to keep (the most frequent); default 150. */
  maxWords?: number;
  /** Leave out words said fewer times than this; default 1. */
  minCount?: number;
}

// Words that carry no meaning in a focus-group note, beyond the general English stopwords.
const EXTRA_STOPWORDS = [
  'really',
  'just',
  'like',
  'thing',
  'things',
  'lot',
  'lots',
  'get',
  'got',
  'also',
  'would',
  'could',
  'should',
  'might',
  'must',
  'will',
  'one',
  'yes',
  'no',
  'ok',
  'okay',
  'etc',
  'bit',
  'way',
  'make',
  'want',
  'people',
  'dont',
  'didnt',
  'cant',
  // Lead-ins people use when speaking, which say nothing about the service.
  'honestly',
  'simply',
  'actually',
  'basically',
  'literally',
  'definitely',
  'probably',
  'maybe',
  'quite',
  'pretty',
];
const STOPWORDS = new Set([...eng, ...EXTRA_STOPWORDS].map((w) => w.toLowerCase()));
// Parts of speech that carry content; pronouns, determiners and auxiliaries never do.
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
const PLACEHOLDERS = new RegExp(
  Object.values(REDACTION_TOKENS)
    .map((t) => t.replace(/[[\]]/g, '\\$&'))
    .join('|'),
  'g',
);

type Nlp = ReturnType<typeof winkNLP>;
type Token = { form: string; lemma: string };

// Clouds of one programme (whole, per session, theme, cohort, polarity) read the same notes
// many times over; parsing is the expensive part, so each text's words are kept once parsed.
const tokenCache = new Map<string, Token[]>();
const TOKEN_CACHE_MAX = 50_000;
let nlp: Nlp | null = null;
// The model takes ~100 ms to load, so it is loaded on first use, once.
function getNlp(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

/**
 * Word counts for a cloud: words are grouped by lemma ("waits", "waited" and "wait" are one
 * word), stopwords and redaction placeholders are left out, and each word is shown in the form
 * people used most. Sorted by count, then alphabetically, so the same notes always give the
 * same list.
 *
 * @example wordFrequencies(['Long waits', 'I waited too long'])
 *   // [{ text: 'long', count: 2, weight: 1 }, { text: 'waits', count: 2, weight: 1 }]
 */
export function wordFrequencies(
  texts: readonly string[],
  options: WordFrequencyOptions = {},
): CloudWord[] {
  const maxWords = options.maxWords ?? 150;
  const minCount = options.minCount ?? 1;
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const raw of texts) {
    for (const { form, lemma } of contentWords(raw)) {
      const entry = counts.get(lemma) ?? { count: 0, forms: new Map<string, number>() };
      entry.count += 1;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      counts.set(lemma, entry);
    }
  }
  const words = [...counts.entries()]
    .filter(([, e]) => e.count >= minCount)
    .map(([lemma, e]) => {
      const text =
        [...e.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ??
        lemma;
      return { text, count: e.count };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, maxWords);
  // Two lemmas can share a most-used form ("left" from leave and left); merge them so a cloud
  // never shows the same word twice.
  const merged = new Map<string, number>();
  for (const w of words) merged.set(w.text, (merged.get(w.text) ?? 0) + w.count);
  const list = [...merged.entries()]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const max = list[0]?.count ?? 1;
  return list.map((w) => ({ ...w, weight: w.count / max }));
}

/** The content words of one text, with their lemmas; cached by text. */
function contentWords(raw: string): Token[] {
  const cached = tokenCache.get(raw);
  if (cached) return cached;
  const engine = getNlp();
  const its = engine.its;
  // wink-nlp's published types give its.lemma a third parameter that the library passes itself.
  const lemmaOf = its.lemma as unknown as ItsFunction<string>;
  const out: Token[] = [];
  const text = raw.replace(PLACEHOLDERS, ' ');
  if (text.trim() !== '') {
    engine
      .readDoc(text)
      .tokens()
      .each((token: ItemToken) => {
        if (token.out(its.type) !== 'word') return;
        if (!CONTENT_POS.has(token.out(its.pos))) return;
        const form = token.out(its.normal).replace(/['’]/g, '');
        const lemma = token.out(lemmaOf).toLowerCase().replace(/['’]/g, '');
        if (form.length < 3 || lemma.length < 2) return;
        if (STOPWORDS.has(form) || STOPWORDS.has(lemma)) return;
        if (!/\p{L}/u.test(form)) return;
        out.push({ form, lemma });
      });
  }
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(raw, out);
  return out;
}
