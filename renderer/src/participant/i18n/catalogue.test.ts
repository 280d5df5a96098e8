import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { groupCode } from '../JoinForm.tsx';
import { en } from './catalogue-en.ts';
import { accent, pseudoMessage } from './pseudo.ts';

describe('the English catalogue', () => {
  it('every message is valid ICU and formats', () => {
    for (const [key, message] of Object.entries(en)) {
      const f = new IntlMessageFormat(message, 'en-GB');
      const out = f.format({
        count: 2,
        seconds: 3,
        digits: 12,
        typed: 4,
        title: 'T',
        descriptor: 'D',
        date: 'today',
        agree: 1,
        notQuite: 0,
        disagree: 2,
        max: 1000,
        b: (chunks: unknown[]) => chunks.join(''),
      });
      expect(String(out), key).not.toMatch(/\{|\}/);
    }
  });

  it('plurals follow the language rules', () => {
    const f = new IntlMessageFormat(en['composer.left'], 'en-GB');
    expect(f.format({ count: 1 })).toBe('1 character left');
    expect(f.format({ count: 4000 })).toBe('4,000 characters left');
    const w = new IntlMessageFormat(en['join.wait.countdown'], 'en-GB');
    expect(w.format({ seconds: 1 })).toBe('Trying again in 1 second');
  });
});

describe('the pseudo-locale', () => {
  it('accents every Latin letter and keeps placeholders, plurals and tags', () => {
    expect(accent('Join')).not.toMatch(/[A-Za-z]/);
    const f = new IntlMessageFormat(pseudoMessage(en['composer.left']), 'en');
    const out = String(f.format({ count: 1 }));
    expect(out).toMatch(/^⟦1 .*⟧$/);
    expect(out).not.toMatch(/[A-Za-z]/);
    const rich = new IntlMessageFormat(pseudoMessage(en['consent.quote']), 'en');
    const parts = rich.format({ b: (c: unknown[]) => `[${c.join('')}]` });
    expect(String(parts)).toMatch(/\[.+\]/);
  });
});

describe('code entry', () => {
  it('keeps digits only and groups them in fours as typed', () => {
    expect(groupCode('4821')).toBe('4821');
    expect(groupCode('48210')).toBe('4821 0');
    expect(groupCode(' 4821-0937 5562 99')).toBe('4821 0937 5562');
  });
});
