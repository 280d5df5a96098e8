import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { assembleSnapshot, docsFromSnapshot, splitSnapshot } from './assemble.ts';
import {
  PROGRAMME_FILE_VERSION,
  ProgrammeFileError,
  parseProgrammeFile,
  serialiseProgrammeFile,
} from './programme-file.ts';

const demoText = serialiseProgrammeFile(makeDemoProgramme());
// The tests poke at arbitrary places of the parsed JSON, which no static type describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mutate = (fn: (f: any) => void) => {
  const f = JSON.parse(demoText);
  fn(f);
  return JSON.stringify(f);
};
const problemsOf = (text: string): string[] => {
  try {
    parseProgrammeFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ProgrammeFileError);
    return (e as ProgrammeFileError).problems.length > 0
      ? (e as ProgrammeFileError).problems
      : [(e as Error).message];
  }
  throw new Error('expected the file to be refused');
};

describe('programme file', () => {
  it('serialises the same snapshot to the same bytes', () => {
    expect(serialiseProgrammeFile(makeDemoProgramme())).toBe(demoText);
  });

  it('reads back what it wrote', () => {
    expect(serialiseProgrammeFile(parseProgrammeFile(demoText).snapshot)).toBe(demoText);
  });

  it('names the place and the problem of a bad date', () => {
    const text = mutate((f) => (f.snapshot.sessions[2].session.date = '14/03/2026'));
    expect(problemsOf(text)).toContain(
      'snapshot.sessions[2].session.date: expected an ISO date (YYYY-MM-DD)',
    );
  });

  it('names an oversized note', () => {
    const text = mutate((f) => (f.snapshot.sessions[0].notes[3].text = 'a'.repeat(4001)));
    expect(problemsOf(text)).toContain(
      'snapshot.sessions[0].notes[3].text: a note may hold at most 4000 characters',
    );
  });

  it('names a dangling theme reference', () => {
    const text = mutate((f) => (f.snapshot.sessions[1].notes[0].themeIds = ['no-such-theme']));
    expect(problemsOf(text)).toContain(
      'snapshot.sessions[1].notes[0].themeIds[0]: unknown theme no-such-theme',
    );
  });

  it('names an unknown field instead of silently dropping it', () => {
    const text = mutate((f) => (f.snapshot.participants[0].nhsNumber = '123'));
    expect(problemsOf(text).join('\n')).toMatch(/snapshot\.participants\[0\].*nhsNumber/);
  });

  it('refuses a file from a newer Cohear, saying so', () => {
    const text = mutate((f) => (f.version = PROGRAMME_FILE_VERSION + 1));
    expect(problemsOf(text)[0]).toMatch(/made by a newer Cohear/);
  });

  it('refuses something that is not a programme file', () => {
    expect(problemsOf('{"hello": 1}')[0]).toMatch(/not a programme file/);
    expect(problemsOf('not json')[0]).toMatch(/not valid JSON/);
    expect(problemsOf('[]')[0]).toMatch(/expected a JSON object/);
  });

  it('round-trips through the Yjs documents to the same bytes, for any demo shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 4, max: 30 }),
        (seed, sessions, notes, themes) => {
          const snap = makeDemoProgramme({ seed, sessions, notes, themes });
          const text = serialiseProgrammeFile(snap);
          const parsed = parseProgrammeFile(text).snapshot;
          const { records } = splitSnapshot(parsed);
          const { programmeDoc, sessionDocs } = docsFromSnapshot(parsed);
          expect(serialiseProgrammeFile(assembleSnapshot(records, programmeDoc, sessionDocs))).toBe(
            text,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
