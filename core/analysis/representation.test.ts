import { describe, expect, it } from 'vitest';
import { makeDemoProgramme } from '../demo/index.ts';
import { RECOMMENDED_DEMOGRAPHIC_FIELDS, type Participant } from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';
import { CENSUS_2021_NAME } from './census-2021.ts';
import { tallyDemographics } from './demographics.ts';
import { representation } from './representation.ts';

function withPeople(
  base: ProgrammeSnapshot,
  answers: Record<string, string | null>[],
): ProgrammeSnapshot {
  const sessionId = base.sessions[0]!.session.id;
  const template = base.participants[0]!;
  const participants: Participant[] = answers.map((demographics, i) => ({
    ...template,
    id: `rep-${i}`,
    descriptor: `Person ${i + 1}`,
    demographics,
    attendance: [{ sessionId, registered: true, attended: true }],
    contact: null,
  }));
  return { ...base, sessions: base.sessions.map((s) => ({ ...s, notes: [] })), participants };
}

describe('representation', () => {
  const demo = makeDemoProgramme({ notes: 0 });

  it('gives a gap per category and lowest rate over highest as the score', () => {
    const people = [
      ...Array.from({ length: 8 }, () => ({
        gender: 'woman',
        ageBand: null,
        ethnicity: 'white',
        town: null,
      })),
      ...Array.from({ length: 2 }, () => ({
        gender: 'man',
        ageBand: null,
        ethnicity: 'asian',
        town: null,
      })),
      { gender: 'prefer-not-to-say', ageBand: null, ethnicity: null, town: null },
    ];
    const rep = representation(withPeople(demo, people));
    expect(rep.local).toBe(false);
    expect(rep.reference.name).toBe(CENSUS_2021_NAME);
    const sex = rep.dimensions.find((d) => d.fieldId === 'gender')!;
    expect(sex.compared).toBe(10);
    expect(sex.notCompared).toBe(1);
    expect(sex.rows.map((r) => [r.id, r.percent, r.gap])).toEqual([
      ['female', 80, 29],
      ['male', 20, -29],
    ]);
    expect(sex.score).toBeCloseTo(20 / 49 / (80 / 51), 6);
    const eth = rep.dimensions.find((d) => d.fieldId === 'ethnicity')!;
    expect(eth.rows.find((r) => r.id === 'black')).toMatchObject({ count: 0, gap: -4 });
    // Nobody Black, Mixed or Other took part: the overall score is 0.
    expect(rep.score).toBe(0);
  });

  it('counts the 19 census categories in their broad groups, and uses a local reference', () => {
    const local = {
      name: 'Our ICB',
      source: 'ICB population health team, 2025',
      dimensions: [
        {
          fieldId: 'ethnicity',
          label: 'Ethnic group',
          categories: [
            { id: 'asian', label: 'Asian', percent: 30, answers: ['asian'] },
            {
              id: 'rest',
              label: 'Everyone else',
              percent: 70,
              answers: ['white', 'black', 'mixed', 'other'],
            },
          ],
        },
      ],
    };
    const snap = withPeople(
      {
        ...demo,
        settings: { demographicFields: [...RECOMMENDED_DEMOGRAPHIC_FIELDS], reference: local },
      },
      [
        { ethnicity: 'asian-pakistani' },
        { ethnicity: 'asian-indian' },
        { ethnicity: 'white-irish' },
        { ethnicity: 'black-african' },
      ],
    );
    const rep = representation(snap);
    expect(rep.local).toBe(true);
    expect(rep.dimensions).toHaveLength(1);
    expect(rep.dimensions[0]!.rows.map((r) => [r.id, r.count, r.gap])).toEqual([
      ['asian', 2, 20],
      ['rest', 2, -20],
    ]);
    expect(rep.score).toBeCloseTo(50 / 70 / (50 / 30), 6);
    const tally = tallyDemographics(snap);
    const ethnicity = tally.fields.find((f) => f.field === 'ethnicity')!;
    expect(ethnicity.rows.map((r) => [r.value, r.count])).toEqual([
      ['asian', 2],
      ['black', 1],
      ['white', 1],
    ]);
    expect(ethnicity.detail.map((r) => r.label)).toEqual([
      'Indian',
      'Pakistani',
      'African',
      'Irish',
    ]);
    expect(tally.fields.map((f) => f.field)).toEqual(
      RECOMMENDED_DEMOGRAPHIC_FIELDS.map((f) => f.id),
    );
  });

  it('compares age in the programme’s own bands with the census', () => {
    const snap = withPeople(
      { ...demo, settings: { demographicFields: [...RECOMMENDED_DEMOGRAPHIC_FIELDS] } },
      [
        ...Array.from({ length: 4 }, () => ({ ageBand: '80-plus' })),
        { ageBand: '25-49' },
        { ageBand: 'prefer-not-to-say' },
      ],
    );
    const rep = representation(snap);
    const age = rep.dimensions.find((d) => d.fieldId === 'ageBand')!;
    expect(age.label).toBe('Age (people aged 18 and over)');
    expect([age.compared, age.notCompared]).toEqual([5, 1]);
    expect(age.rows.map((r) => [r.id, r.count, r.referencePercent, r.gap])).toEqual([
      ['18-24', 0, 10.5, -10.5],
      ['25-49', 1, 41.5, -21.5],
      ['50-64', 0, 24.6, -24.6],
      ['65-79', 0, 17.1, -17.1],
      ['80-plus', 4, 6.3, 73.7],
    ]);
    expect(age.score).toBe(0);
    expect(rep.notes).toEqual([
      'The census counts ages in five-year groups, so "18-24" is estimated by sharing a group evenly between its years.',
    ]);
    // A local reference is the facilitator's own: nothing is said about the census.
    const local = representation({
      ...snap,
      settings: {
        ...snap.settings,
        reference: {
          name: 'Our service',
          source: 'Service records, 2025',
          dimensions: [
            {
              fieldId: 'ageBand',
              label: 'Age',
              categories: [
                {
                  id: 'younger',
                  label: 'Under 65',
                  percent: 40,
                  answers: ['18-24', '25-49', '50-64'],
                },
                { id: 'older', label: '65 and over', percent: 60, answers: ['65-79', '80-plus'] },
              ],
            },
          ],
        },
      },
    });
    expect(local.notes).toEqual([]);
    expect(local.dimensions[0]!.rows.map((r) => r.count)).toEqual([1, 4]);
  });

  it('gives each field its "prefer not to say" share', () => {
    const snap = withPeople(demo, [
      { gender: 'prefer-not-to-say', ageBand: '25-34', ethnicity: null, town: null },
      { gender: 'woman', ageBand: '25-34', ethnicity: null, town: null },
      { gender: 'man', ageBand: 'prefer-not-to-say', ethnicity: null, town: null },
      { gender: 'woman', ageBand: '25-34', ethnicity: null, town: null },
    ]);
    const tally = tallyDemographics(snap);
    expect(tally.fields.find((f) => f.field === 'gender')?.preferNotToSayPercent).toBe(25);
    expect(tally.fields.find((f) => f.field === 'ageBand')?.preferNotToSayPercent).toBe(25);
    expect(tally.fields.find((f) => f.field === 'ethnicity')?.preferNotToSayPercent).toBe(0);
  });
});
