import { describe, expect, it } from 'vitest';
import { bulletLines, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting, with CRLF and a byte-order mark', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,\r\n');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+44 7700', '-2', '@SUM(A1)']) {
      expect(toCsv(['t'], [[bad]]).split('\r\n')[1]).toBe(`'${bad}`);
    }
    expect(toCsv(['n'], [[-2]]).split('\r\n')[1]).toBe('-2');
  });

  it('joins statements one per line with bullets', () => {
    expect(bulletLines(['a', 'b'])).toBe('• a\n• b');
  });
});
