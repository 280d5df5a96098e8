import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { eng } from 'stopword';
import { REDACTION_TOKENS } from './redaction.ts';

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
// Small words that may sit inside a phrase ("point of contact", "right to choose").
const LINKS = new Set(['of', 'to', 'for', 'in', 'on', 'and', 'with']);
const PLACEHOLDERS = new RegExp(
  Object.values(REDACTION_TOKENS)
    .map((t) => t.replace(/[[\]]/g, '\\$&'))
    .join('|'),
  'g',
);

/** One word of a text as the cloud sees it; `content` words can be counted on their own. */
interface Token {
  form: string;
  lemma: string;
  content: boolean;
  /** A link word ("of") that may join a three-word phrase. */
  link: boolean;
  /** May start a phrase (a noun or adjective) / may end one (a noun). */
  head: boolean;
  tail: boolean;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;
// The model takes ~100 ms to load, so it is loaded on first use, once.
function getNlp(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

// Clouds of one programme read the same notes many times over (every scope, every view);
// parsing is the expensive part, so each text's runs of words are kept once parsed.
const runCache = new Map<string, Token[][]>();
const RUN_CACHE_MAX = 50_000;

/**
 * A text as runs of words between punctuation: a phrase never spans a full stop or a comma.
 * Hyphenated words ("self-referral", "call-back") are one word.
 */
function runsOf(raw: string): Token[][] {
  const cached = runCache.get(raw);
  if (cached) return cached;
  const engine = getNlp();
  const its = engine.its;
  // wink-nlp's published types give its.lemma a third parameter that the library passes itself.
  const lemmaOf = its.lemma as unknown as ItsFunction<string>;
  const raws: { normal: string; type: string; pos: string; lemma: string; space: string }[] = [];
  const text = raw.replace(PLACEHOLDERS, ' . ');
  if (text.trim() !== '') {
    engine
      .readDoc(text)
      .tokens()
      .each((t: ItemToken) => {
        raws.push({
          // As written (lowercased): its.normal would turn "cancelled" into "canceled".
          normal: t.out(its.value).toLowerCase().replace(/['’]/g, ''),
          type: t.out(its.type),
          pos: t.out(its.pos),
          lemma: t.out(lemmaOf).toLowerCase().replace(/['’]/g, ''),
          space: t.out(its.precedingSpaces),
        });
      });
  }
  const runs: Token[][] = [];
  let run: Token[] = [];
  const end = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < raws.length; i++) {
    const t = raws[i]!;
    if (t.type !== 'word') {
      end();
      continue;
    }
    let form = t.normal;
    let lemma = t.lemma;
    let pos = t.pos;
    // word-word written without spaces is one word, lemmatised by its last part.
    while (
      raws[i + 1]?.normal === '-' &&
      raws[i + 1]?.space === '' &&
      raws[i + 2]?.type === 'word' &&
      raws[i + 2]?.space === ''
    ) {
      const next = raws[i + 2]!;
      form = `${form}-${next.normal}`;
      lemma = `${form.slice(0, form.lastIndexOf('-'))}-${next.lemma}`;
      pos = next.pos === 'VERB' || next.pos === 'ADV' ? 'NOUN' : next.pos;
      i += 2;
    }
    const content =
      CONTENT_POS.has(pos) &&
      form.length >= 3 &&
      lemma.length >= 2 &&
      !STOPWORDS.has(form) &&
      !STOPWORDS.has(lemma) &&
      /\p{L}/u.test(form);
    run.push({
      form,
      lemma,
      content,
      link: LINKS.has(form),
      // Phrases are noun phrases ("point of contact", "long wait"): verbs and adverbs at either
      // end make fragments such as "seen for twenty" out of sentences said more than once.
      head: content && (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ'),
      tail: content && (pos === 'NOUN' || pos === 'PROPN'),
    });
  }
  end();
  if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
  runCache.set(raw, runs);
  return runs;
}

/** Candidate phrases starting at run[i]: two content words, or content + link + content. */
function candidatesAt(
  run: readonly Token[],
  i: number,
): { key: string; form: string; len: number }[] {
  const a = run[i];
  if (!a?.head) return [];
  const out: { key: string; form: string; len: number }[] = [];
  const b = run[i + 1];
  const c = run[i + 2];
  if (b && c && c.tail && (b.content || b.link)) {
    out.push({
      key: `${a.lemma} ${b.content ? b.lemma : b.form} ${c.lemma}`,
      form: `${a.form} ${b.form} ${c.form}`,
      len: 3,
    });
  }
  if (b?.tail) out.push({ key: `${a.lemma} ${b.lemma}`, form: `${a.form} ${b.form}`, len: 2 });
  return out;
}

export interface CloudTermOptions {
  /** The programme's own stop list: words or phrases (lowercase) left out of every cloud. */
  stopWords?: readonly string[];
  /** A phrase is kept together when it is said in at least this many notes; default 3. */
  minPhraseNotes?: number;
}

/**
 * The words of a set of notes, segmented once for all its clouds: lemmas, with common two- and
 * three-word phrases kept together. Phrases are found over the whole set, so a scope's cloud and
 * the programme's cloud count the same words.
 */
export interface CloudTermModel {
  /** For each text, the terms it contains (as shown: the form people used most), once per use. */
  readonly terms: readonly (readonly string[])[];
}

/**
 * Segments texts into cloud terms.
 *
 * A run of words becomes a phrase when it is said in at least `minPhraseNotes` notes and at
 * least a third of the times its rarer end word is said, so "point of contact" is one term while
 * "long wait" said once stays two words. Longer phrases win over shorter ones.
 *
 * @example buildCloudTerms(['a single point of contact', 'one point of contact please', ...])
 */
export function buildCloudTerms(
  texts: readonly string[],
  options: CloudTermOptions = {},
): CloudTermModel {
  const minNotes = options.minPhraseNotes ?? 3;
  const stop = new Set((options.stopWords ?? []).map((w) => w.trim().toLowerCase()));
  const allRuns = texts.map((t) => runsOf(t));
  // Counts of single lemmas and of candidate phrases (in how many notes, how many times).
  const wordCount = new Map<string, number>();
  const phraseNotes = new Map<string, number>();
  const phraseCount = new Map<string, number>();
  for (const runs of allRuns) {
    const seen = new Set<string>();
    for (const run of runs) {
      run.forEach((t, i) => {
        if (t.content) wordCount.set(t.lemma, (wordCount.get(t.lemma) ?? 0) + 1);
        for (const c of candidatesAt(run, i)) {
          phraseCount.set(c.key, (phraseCount.get(c.key) ?? 0) + 1);
          if (!seen.has(c.key)) phraseNotes.set(c.key, (phraseNotes.get(c.key) ?? 0) + 1);
          seen.add(c.key);
        }
      });
    }
  }
  const isPhrase = (key: string): boolean => {
    if ((phraseNotes.get(key) ?? 0) < minNotes) return false;
    const parts = key.split(' ');
    const ends = [parts[0]!, parts[parts.length - 1]!];
    const rarer = Math.min(...ends.map((w) => wordCount.get(w) ?? 0));
    return (phraseCount.get(key) ?? 0) * 3 >= rarer;
  };
  const forms = new Map<string, Map<string, number>>();
  const addForm = (key: string, form: string) => {
    const m = forms.get(key) ?? new Map<string, number>();
    m.set(form, (m.get(form) ?? 0) + 1);
    forms.set(key, m);
  };
  const isStopped = (key: string, form: string) => stop.has(key) || stop.has(form);
  const terms = allRuns.map((runs) => {
    const out: string[] = [];
    for (const run of runs) {
      for (let i = 0; i < run.length; i++) {
        const phrase = candidatesAt(run, i).find((c) => isPhrase(c.key));
        if (phrase) {
          if (!isStopped(phrase.key, phrase.form)) {
            out.push(phrase.key);
            addForm(phrase.key, phrase.form);
          }
          i += phrase.len - 1;
          continue;
        }
        const t = run[i]!;
        if (!t.content || isStopped(t.lemma, t.form)) continue;
        out.push(t.lemma);
        addForm(t.lemma, t.form);
      }
    }
    return out;
  });
  const display = new Map<string, string>();
  for (const [key, m] of forms) {
    const best = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    display.set(key, best?.[0] ?? key);
  }
  // Terms are known by how they are shown: two lemmas with the same most-used form ("left" from
  // leave and left) are one word on screen, so they are one term everywhere.
  return { terms: terms.map((ts) => ts.map((k) => display.get(k) ?? k)) };
}
