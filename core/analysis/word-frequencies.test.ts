import { describe, expect, it } from 'vitest';
import { wordFrequencies } from './word-frequencies.ts';

describe('wordFrequencies', () => {
  it('groups forms of a word by lemma and shows the form used most', () => {
    const words = wordFrequencies([
      'Long waits for physio',
      'I waited and waited',
      'The waiting list was long',
    ]);
    const wait = words.find((w) => w.text === 'waited');
    expect(wait?.count).toBeGreaterThanOrEqual(2);
    expect(words.find((w) => w.text === 'long')?.count).toBe(2);
  });

  it('drops stopwords, short words, numbers and redaction placeholders', () => {
    const words = wordFrequencies(['I am at the [email removed] and [phone number removed] 123']);
    expect(words.map((w) => w.text)).toEqual([]);
  });

  it('weights by the largest count, sorts by count then text, and honours maxWords', () => {
    const words = wordFrequencies(['apples apples pears', 'apples plums pears'], { maxWords: 2 });
    expect(words).toEqual([
      { text: 'apples', count: 3, weight: 1 },
      { text: 'pears', count: 2, weight: 2 / 3 },
    ]);
  });

  it('is the same for the same input', () => {
    const texts = ['Clear letters please', 'Letters arrive late', 'Nobody phones back'];
    expect(wordFrequencies(texts)).toEqual(wordFrequencies([...texts]));
  });
});
