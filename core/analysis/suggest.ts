import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { eng } from 'stopword';
import { POLARITIES, type Note, type Polarity } from '../model/index.ts';
import { seededRandom } from '../random.ts';

/**
 * Theme suggestions learned from the notes already tagged in a programme: a multinomial naive
 * Bayes model over lemmas, two-word phrases of lemmas and the agenda step a note was said in.
 * It runs where it is called (the app), needs no network and sends nothing anywhere. It only
 * ever suggests: tagging stays the facilitator's decision.
 */

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;
const STOP = new Set(eng.map((w) => w.toLowerCase()));
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
const featureCache = new Map<string, string[]>();

/** Lemmas and two-lemma phrases of a text (content words only); cached by text. */
export function textFeatures(text: string): string[] {
  const hit = featureCache.get(text);
  if (hit) return hit;
  nlp ??= winkNLP(model);
  const its = nlp.its;
  // wink-nlp's published types give its.lemma a parameter the library passes itself.
  const lemmaOf = its.lemma as unknown as ItsFunction<string>;
  const lemmas: string[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      if (t.out(its.type) !== 'word') return;
      const lemma = t.out(lemmaOf).toLowerCase().replace(/['’]/g, '');
      if (lemma.length < 2 || STOP.has(lemma) || !CONTENT.has(t.out(its.pos))) return;
      lemmas.push(lemma);
    });
  const out = [...lemmas];
  for (let i = 1; i < lemmas.length; i += 1) out.push(`${lemmas[i - 1]} ${lemmas[i]}`);
  if (featureCache.size > 50_000) featureCache.clear();
  featureCache.set(text, out);
  return out;
}

/** What the classifier reads of a note: its words and where in the agenda it was said. */
export interface SuggestInput {
  text: string;
  stepKey?: string | null;
}

export interface ThemeSuggestion {
  themeId: string;
  /** The model's probability for this theme among all themes, 0..1. */
  confidence: number;
}

export interface Suggestions {
  themes: ThemeSuggestion[];
  polarity: { polarity: Polarity; confidence: number } | null;
}

interface ClassModel {
  docs: number;
  total: number;
  counts: Map<string, number>;
}

function features(input: SuggestInput): string[] {
  const f = textFeatures(input.text);
  return input.stepKey ? [...f, `@${input.stepKey}`] : f;
}

function train(examples: { features: string[]; labels: readonly string[] }[]) {
  const classes = new Map<string, ClassModel>();
  const vocab = new Set<string>();
  for (const ex of examples) {
    for (const label of new Set(ex.labels)) {
      const c = classes.get(label) ?? { docs: 0, total: 0, counts: new Map() };
      c.docs += 1;
      for (const f of ex.features) {
        c.counts.set(f, (c.counts.get(f) ?? 0) + 1);
        c.total += 1;
        vocab.add(f);
      }
      classes.set(label, c);
    }
  }
  return { classes, vocab: vocab.size, words: vocab, docs: examples.length };
}

function rank(model: ReturnType<typeof train>, feats: string[]): { label: string; p: number }[] {
  const scores: { label: string; s: number }[] = [];
  // Words the model never met say nothing about any theme, so they are left out of every score.
  const known = feats.filter((f) => model.words.has(f));
  for (const [label, c] of model.classes) {
    let s = Math.log(c.docs / Math.max(1, model.docs));
    const denom = Math.log(c.total + model.vocab + 1);
    for (const f of known) s += Math.log((c.counts.get(f) ?? 0) + 1) - denom;
    scores.push({ label, s });
  }
  const max = Math.max(...scores.map((x) => x.s));
  const sum = scores.reduce((a, x) => a + Math.exp(x.s - max), 0);
  return scores
    .map((x) => ({ label: x.label, p: Math.exp(x.s - max) / sum }))
    .sort((a, b) => b.p - a.p || a.label.localeCompare(b.label));
}

/** A classifier trained on tagged notes. */
export interface ThemeSuggester {
  /** Themes (best first, at most `limit`) and a polarity for a note. */
  suggest(input: SuggestInput, limit?: number): Suggestions;
  /** How many tagged notes it learned from. */
  trainedOn: number;
}

/**
 * Trains on the notes that carry at least one theme (hidden and withdrawn notes are left out).
 * Themes no longer in the codebook are ignored, so a deleted theme is never suggested.
 * @example trainSuggester(notes, new Set(codebook.map((t) => t.id))).suggest({ text: 'Long waits' })
 */
export function trainSuggester(
  notes: readonly (SuggestInput & { note: Note })[],
  themeIds: ReadonlySet<string>,
): ThemeSuggester {
  const tagged = notes.filter(
    (x) => !x.note.hidden && !x.note.withdrawn && x.note.themeIds.some((t) => themeIds.has(t)),
  );
  const rows = tagged.map((x) => ({ x, features: features(x) }));
  const themeModel = train(
    rows.map((r) => ({
      features: r.features,
      labels: r.x.note.themeIds.filter((t) => themeIds.has(t)),
    })),
  );
  const polarityModel = train(
    rows.map((r) => ({ features: r.features, labels: [r.x.note.polarity] })),
  );
  return {
    trainedOn: tagged.length,
    suggest(input, limit = 3) {
      if (tagged.length === 0) return { themes: [], polarity: null };
      const f = features(input);
      const themes = rank(themeModel, f)
        .slice(0, limit)
        .map((r) => ({ themeId: r.label, confidence: r.p }));
      const pol = rank(polarityModel, f)[0];
      return {
        themes,
        polarity:
          pol && (POLARITIES as readonly string[]).includes(pol.label)
            ? { polarity: pol.label as Polarity, confidence: pol.p }
            : null,
      };
    },
  };
}

export interface SuggestionAccuracy {
  trainedOn: number;
  heldOut: number;
  /** Share of held-out notes whose first suggestion is one of their themes. */
  top1: number;
  /** Share whose three suggestions include one of their themes. */
  top3: number;
  /** Share whose suggested polarity is the one the facilitator chose. */
  polarity: number;
}

/**
 * Holds out a share of the tagged notes (seeded, so the figure is repeatable), trains on the rest
 * and reports how often the held-out notes' real themes come first or in the first three.
 */
export function evaluateSuggester(
  notes: readonly (SuggestInput & { note: Note })[],
  themeIds: ReadonlySet<string>,
  options: { holdOut?: number; seed?: number } = {},
): SuggestionAccuracy {
  const tagged = notes.filter(
    (x) => !x.note.hidden && !x.note.withdrawn && x.note.themeIds.some((t) => themeIds.has(t)),
  );
  const random = seededRandom(options.seed ?? 15);
  const shuffled = tagged
    .map((x) => ({ x, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((y) => y.x);
  const cut = Math.round(shuffled.length * (options.holdOut ?? 0.2));
  const test = shuffled.slice(0, cut);
  const suggester = trainSuggester(shuffled.slice(cut), themeIds);
  let top1 = 0;
  let top3 = 0;
  let pol = 0;
  for (const x of test) {
    const s = suggester.suggest(x, 3);
    const ids = s.themes.map((t) => t.themeId);
    if (ids[0] !== undefined && x.note.themeIds.includes(ids[0])) top1 += 1;
    if (ids.some((id) => x.note.themeIds.includes(id))) top3 += 1;
    if (s.polarity?.polarity === x.note.polarity) pol += 1;
  }
  const n = Math.max(1, test.length);
  return {
    trainedOn: suggester.trainedOn,
    heldOut: test.length,
    top1: top1 / n,
    top3: top3 / n,
    polarity: pol / n,
  };
}
