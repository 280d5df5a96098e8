import { describe, expect, it } from 'vitest';
import { REDACTION_TOKENS, containsPersonalData, redactText } from './redaction.ts';

describe('redactText', () => {
  it('replaces emails, phone numbers, NHS numbers and postcodes', () => {
    const text =
      'Email jo.bloggs+nhs@mail.example.co.uk, call 07700 900123 or (0113) 496 0000 or ' +
      '+44 7700 900456; NHS no 943-476-5919 / 9434765919; I live at LS6 2QT and sw1a1aa.';
    const out = redactText(text);
    for (const secret of [
      'jo.bloggs',
      '07700 900123',
      '496 0000',
      '900456',
      '943-476-5919',
      '9434765919',
      'LS6 2QT',
      'sw1a1aa',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain(REDACTION_TOKENS.email);
    expect(out).toContain(REDACTION_TOKENS.phone);
    expect(out).toContain(REDACTION_TOKENS.nhsNumber);
    expect(out).toContain(REDACTION_TOKENS.postcode);
  });

  it('leaves ordinary text, times, ages and counts alone', () => {
    const text = 'I waited 8 months, from age 45 to 46; the 2 o’clock slot at 10:30 was full.';
    expect(redactText(text)).toBe(text);
  });

  it('replaces a full name in any case, and its parts only as capitalised', () => {
    const names = ['Will Oyelaran'];
    expect(redactText('will oyelaran said so', { names })).toBe('[name removed] said so');
    expect(redactText('Ask Will about it', { names })).toBe('Ask [name removed] about it');
    expect(redactText('I will ask Oyelaran', { names })).toBe('I will ask [name removed]');
  });

  it('matches names on word edges, accents included', () => {
    const names = ['Siân Ali'];
    expect(redactText('Siân came with Alison', { names })).toBe('[name removed] came with Alison');
  });

  it('reports whether a text still holds personal data', () => {
    expect(containsPersonalData('write to me at a@b.org')).toBe(true);
    expect(containsPersonalData('nothing here')).toBe(false);
  });
});
