import { describe, expect, it } from 'vitest';
import { buildExportView } from './export-view.ts';
import { makeFixtureSnapshot } from './fixture-snapshot.ts';
import { draftReportSection, draftThemeSummary } from './report-drafts.ts';
import { mergeStatements, themeFindings, themeQuestions, voicesLabel } from './report-findings.ts';

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
      { ...base, note: { ...base.note, id: 'g' }, participant: null },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ people: 2, fromGroup: true });
    const f = themeFindings(view, 't-wait');
    expect(f.voices).toEqual({ statements: 4, groupStatements: 1, people: 2 });
    expect(voicesLabel(f.voices)).toBe('4 statements: 1 from the group, 3 from 2 people');
  });

  it('drafts from the data without inventing a person’s voice', () => {
    expect(draftReportSection(view, 'conclusions')).toMatch(/^What people raised most was /);
    expect(draftThemeSummary(view, 't-unused')).toBe('');
    expect(draftThemeSummary(view, 't-wait')).toContain('4 statements');
  });
});
