import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeFixtureSnapshot } from '../analysis/fixture-snapshot.ts';
import { emptyReportText } from '../model/index.ts';
import { assembleSnapshot, docsFromSnapshot, splitSnapshot } from '../snapshot/assemble.ts';
import { parseProgrammeFile, serialiseProgrammeFile } from '../snapshot/programme-file.ts';
import { ProgrammeDoc } from './programme-doc.ts';

function roundTrip(snapshot: ReturnType<typeof makeFixtureSnapshot>) {
  const { programmeDoc, sessionDocs } = docsFromSnapshot(snapshot);
  return assembleSnapshot(splitSnapshot(snapshot).records, programmeDoc, sessionDocs);
}

describe('the report in the programme document and file', () => {
  it('imports a file written before reports existed, and writes it back byte for byte', () => {
    const before = serialiseProgrammeFile(makeFixtureSnapshot());
    expect(before).not.toContain('"report"');
    const imported = parseProgrammeFile(before).snapshot;
    expect(serialiseProgrammeFile(roundTrip(imported))).toBe(before);
  });

  it('carries the report text and logos through the document and the file unchanged', () => {
    const snapshot = makeFixtureSnapshot();
    snapshot.report = {
      ...emptyReportText(),
      executiveSummary: 'Waiting without news came up most.',
      themeSummaries: { 't-wait': 'People can bear a wait they are told about.' },
      logos: [
        {
          id: 'l1',
          role: 'organisation',
          alt: 'Our logo',
          mediaType: 'image/png',
          data: 'iVBORw0KGgo=',
          width: 10,
          height: 5,
          order: 0,
        },
      ],
    };
    const file = serialiseProgrammeFile(snapshot);
    const back = roundTrip(parseProgrammeFile(file).snapshot);
    expect(back.report).toEqual(snapshot.report);
    expect(serialiseProgrammeFile(back)).toBe(file);
  });

  it('merges two people writing about different themes, and empties a section by removing it', () => {
    const a = ProgrammeDoc.create();
    const b = new ProgrammeDoc(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.setThemeSummary('t1', 'From A');
    b.setThemeSummary('t2', 'From B');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.readReport().themeSummaries).toEqual({ t1: 'From A', t2: 'From B' });
    a.setReportSection('conclusions', 'Something');
    a.setReportSection('conclusions', '   ');
    expect(a.readReport().conclusions).toBe('');
    expect(a.read().report?.themeSummaries).toEqual({ t1: 'From A', t2: 'From B' });
  });

  it('refuses a section longer than allowed and changes nothing', () => {
    const p = ProgrammeDoc.create();
    expect(() => p.setReportSection('introduction', 'x'.repeat(20_001))).toThrow(/at most/);
    expect(p.read().report).toBeUndefined();
  });

  it('rejects a file whose theme summary names a theme that does not exist', () => {
    const snapshot = makeFixtureSnapshot();
    snapshot.report = { ...emptyReportText(), themeSummaries: { nope: 'x' } };
    const text = JSON.stringify({ format: 'cohear-programme', version: 1, snapshot });
    expect(() => parseProgrammeFile(text)).toThrow(/report\.themeSummaries\.nope: unknown theme/);
  });
});
