import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { buildCloudTerms } from './cloud-terms.ts';
import {
  cloudScopeDefs,
  cloudScopes,
  notesWithWord,
  scopeWords,
  viewCloudTerms,
} from './cloud-scopes.ts';
import { distinctiveWords } from './distinctive-words.ts';
import { buildExportView } from './export-view.ts';
import { allTexts, countTerms, textsWithTerm } from './word-frequencies.ts';

describe('cloud terms', () => {
  const texts = [
    'We need a single point of contact for the service',
    'One point of contact would stop the phone tag',
    'Give every patient a point of contact',
    'Self-referral saves a GP visit',
    'Self-referral online please',
    'Self-referral by phone too',
    'The contact was rude',
  ];

  it('keeps common phrases together and counts their words only as the phrase', () => {
    const model = buildCloudTerms(texts);
    const words = countTerms(model, allTexts(model));
    expect(words.find((w) => w.text === 'point of contact')?.count).toBe(3);
    expect(words.find((w) => w.text === 'self-referral')?.count).toBe(3);
    // "contact" said outside the phrase still counts as a word, once.
    expect(words.find((w) => w.text === 'contact')?.count).toBe(1);
    expect(words.some((w) => w.text === 'point')).toBe(false);
  });

  it('does not make a phrase of words said together only once or twice', () => {
    const model = buildCloudTerms(['Long waits again', 'Long waits are bad', 'Waiting is long']);
    const words = countTerms(model, allTexts(model)).map((w) => w.text);
    expect(words).not.toContain('long waits');
    expect(words).toContain('long');
  });

  it('leaves out the programme stop list, words and phrases alike', () => {
    const model = buildCloudTerms(texts, { stopWords: ['point of contact', 'phone'] });
    const words = countTerms(model, allTexts(model)).map((w) => w.text);
    expect(words).not.toContain('point of contact');
    expect(words).not.toContain('phone');
    expect(words).toContain('self-referral');
  });

  it('finds the notes that say a word', () => {
    const model = buildCloudTerms(texts);
    expect(textsWithTerm(model, 'point of contact')).toEqual([0, 1, 2]);
  });
});

describe('distinctive words', () => {
  it('ranks the words one scope uses more than the rest, not the words every scope uses', () => {
    const want = [
      'Quick appointment and kind staff',
      'Kind staff at the appointment',
      'Appointment soon with kind staff',
      'Appointment letters that are clear',
    ];
    const notWant = [
      'Appointment cancelled again',
      'Cancelled appointment without notice',
      'Rude staff cancelled my appointment',
      'Appointment moved and cancelled',
    ];
    const model = buildCloudTerms([...want, ...notWant]);
    const wantWords = distinctiveWords(model, [0, 1, 2, 3]);
    const notWords = distinctiveWords(model, [4, 5, 6, 7]);
    // Said together in three notes, "kind staff" is one term.
    expect(wantWords[0]?.text).toBe('kind staff');
    expect(notWords[0]?.text).toBe('cancelled');
    // Said equally by both, so neither list leans on it.
    expect(wantWords.map((w) => w.text)).not.toContain('appointment');
    expect(notWords.map((w) => w.text)).not.toContain('appointment');
    expect(wantWords[0]?.weight).toBe(1);
    expect(wantWords[0]?.z).toBeGreaterThan(1);
  });

  it('has nothing to compare a scope of everything with', () => {
    const model = buildCloudTerms(['kind staff', 'kind staff']);
    expect(distinctiveWords(model, [0, 1])).toEqual([]);
  });
});

describe('programme clouds', () => {
  const demo = makeDemoProgramme();

  it('are the same words on screen and in the exports, less the programme stop list', () => {
    const view = buildExportView({ ...demo, settings: { stopWords: ['physio'] } });
    const model = viewCloudTerms(view);
    const exported = cloudScopes(view);
    const defs = cloudScopeDefs(view);
    expect(defs.map((d) => d.key)).toEqual(exported.map((c) => c.key));
    defs.forEach((def, i) => {
      expect(scopeWords(model, def).words).toEqual(exported[i]?.words);
      expect(exported[i]?.words.map((w) => w.text)).not.toContain('physio');
    });
    expect(defs.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['programme', 'session', 'theme', 'cohort', 'polarity']),
    );
  });

  it('shows a word’s notes, each of which says it, from the scope only', () => {
    const view = buildExportView(demo);
    const model = viewCloudTerms(view);
    const want = cloudScopeDefs(view).find((d) => d.key === 'polarity-want')!;
    const top = scopeWords(model, want).words[0]!;
    const notes = notesWithWord(view, model, want, top.text);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.length).toBeLessThanOrEqual(top.count);
    expect(notes.every((n) => n.note.polarity === 'want')).toBe(true);
  });

  it('gives the want and do NOT want scopes different distinctive words', () => {
    const view = buildExportView(demo);
    const model = viewCloudTerms(view);
    const defs = cloudScopeDefs(view);
    const top = (key: string) =>
      scopeWords(
        model,
        defs.find((d) => d.key === key)!,
      )
        .distinctive.slice(0, 10)
        .map((w) => w.text);
    const want = top('polarity-want');
    const notWant = top('polarity-do-not-want');
    expect(want.length).toBeGreaterThan(0);
    expect(notWant.length).toBeGreaterThan(0);
    expect(want.filter((w) => notWant.includes(w))).toEqual([]);
  });
});
