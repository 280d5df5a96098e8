import { describe, expect, it } from 'vitest';
import { buildExportView } from './export-view.ts';
import { makeFixtureSnapshot } from './fixture-snapshot.ts';
import { draftReportSection, draftThemeSummary } from './report-drafts.ts';
import { saidBy } from './near-duplicates.ts';
import {
  mergeStatements,
  statementSource,
  themeFindings,
  themeQuestions,
  voicesLabel,
} from './report-findings.ts';

describe('a theme’s findings', () => {
  const view = buildExportView(makeFixtureSnapshot());

  it('asks only the questions of the steps that discuss the theme', () => {
    // A note tagged Access and Waiting times was taken at the Access step: Communication's
    // questions must not appear under Access, nor Access's under Waiting times.
    expect(themeQuestions(view, 't-access')).toEqual([
      'How did you first get help?',
      'How will you tell us we got it right?',
    ]);
    expect(themeQuestions(view, 't-comms')).toEqual(['What would good information look like?']);
    expect(themeQuestions(view, 't-wait')).toEqual([]);
  });

  it('merges the same words said by several people, and counts the group as the group', () => {
    const base = view.notes.find((n) => n.participant !== null)!;
    const other = view.notes.find(
      (n) => n.participant && n.participant.id !== base.participant!.id,
    )!;
    const merged = mergeStatements([
      base,
      { ...other, text: `${base.text.toUpperCase()}!` },
      {
        ...base,
        note: {
          ...base.note,
          id: 'g',
          author: { type: 'facilitator', facilitator: 'Scribe', capturedFor: null },
        },
        participant: null,
      },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ people: 2, fromGroup: true });
    const f = themeFindings(view, 't-wait');
    expect(f.voices).toEqual({ statements: 4, groupStatements: 1, people: 2 });
    expect(voicesLabel(f.voices)).toBe('4 statements: 1 from the group, 3 from 2 people');
  });

  it('counts a statement merged on the board once, each person once, as the board does', () => {
    const said = view.notes.filter((n) => n.participant !== null);
    const [keep, a, b] = [said[0]!, said[1]!, said[2]!];
    const group = view.notes.find((n) => n.participant === null)!;
    const merged = (v: typeof keep, into: string, id = v.note.id) => ({
      ...v,
      note: { ...v.note, id, mergedInto: into },
    });
    // a and b say it in other words; a second note of a's person counts that person once; a
    // chain left behind still reaches the kept note.
    const notes = [
      keep,
      merged(a, keep.note.id),
      merged(b, a.note.id),
      merged(a, keep.note.id, 'again'),
    ];
    const out = mergeStatements(notes);
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBe(keep.text);
    expect(out[0]!.noteIds.sort()).toEqual(notes.map((v) => v.note.id).sort());
    const people = new Set([keep, a, b].map((v) => v.participant!.id)).size;
    expect(out[0]).toMatchObject({ people, fromGroup: false });
    expect(
      saidBy(
        keep.note,
        notes.map((v) => ({ ...v.note, mergedInto: v === keep ? null : keep.note.id })),
      ).people,
    ).toBe(people);

    // The group's words merged with one person's: said in the group and by that person.
    const withGroup = mergeStatements([group, merged(keep, group.note.id)]);
    expect(withGroup).toEqual([
      {
        text: group.text,
        people: 1,
        fromGroup: true,
        noteIds: expect.arrayContaining([group.note.id, keep.note.id]) as string[],
      },
    ]);
    expect(statementSource(withGroup[0]!)).toBe('said in the group and by 1 person');
    // Two group notes merged stay the group's: no person is invented.
    const twoGroup = mergeStatements([group, merged(group, group.note.id, 'g2')]);
    expect(twoGroup).toHaveLength(1);
    expect(statementSource(twoGroup[0]!)).toBe('said in the group');
    // Merged into a note that is not among these (another session, or hidden): stands alone.
    expect(mergeStatements([merged(a, 'elsewhere')])[0]).toMatchObject({ text: a.text, people: 1 });
  });

  it('drafts from the data without inventing a person’s voice', () => {
    expect(draftReportSection(view, 'conclusions')).toMatch(/^What people raised most was /);
    expect(draftThemeSummary(view, 't-unused')).toBe('');
    expect(draftThemeSummary(view, 't-wait')).toContain('4 statements');
  });
});
