import { describe, expect, it } from 'vitest';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  RECOMMENDED_DEMOGRAPHIC_FIELDS,
  referencePopulationSchema,
  type DemographicFieldDef,
} from '../model/index.ts';
import { CENSUS_2021_AGE_FIVE_YEAR, census2021Reference } from './census-2021.ts';
import { censusAgeDimension } from './census-age-bands.ts';

const ageField = (options: [string, string][]): DemographicFieldDef => ({
  id: 'ageBand',
  label: 'Age',
  question: 'How old are you?',
  kind: 'choice',
  options: options.map(([id, label]) => ({ id, label })),
});

const shares = (field: DemographicFieldDef) =>
  censusAgeDimension(field, CENSUS_2021_AGE_FIVE_YEAR).dimension?.categories.map((c) => [
    c.id,
    c.percent,
  ]);

describe('Census 2021 age in the programme’s own bands', () => {
  it('holds the 18 groups of TS007A for England and Wales', () => {
    expect(CENSUS_2021_AGE_FIVE_YEAR).toHaveLength(18);
    expect(CENSUS_2021_AGE_FIVE_YEAR.reduce((s, c) => s + c, 0)).toBe(59_597_540);
  });

  it('gathers five-year groups into 18-24 / 25-49 / 50-64 / 65-79 / 80 and over', () => {
    const age = RECOMMENDED_DEMOGRAPHIC_FIELDS.find((f) => f.id === 'ageBand')!;
    const { dimension, notes } = censusAgeDimension(age, CENSUS_2021_AGE_FIVE_YEAR);
    // 18-24 is two fifths of 15-19 plus 20-24: 4,959,993 of the 47,208,051 people aged 18 and
    // over; 25-49 19,576,635; 50-64 11,608,078; 65-79 8,093,392; 80 and over 2,969,953.
    expect(dimension?.categories.map((c) => [c.id, c.label, c.percent, c.answers])).toEqual([
      ['18-24', '18-24', 10.5, ['18-24']],
      ['25-49', '25-49', 41.5, ['25-49']],
      ['50-64', '50-64', 24.6, ['50-64']],
      ['65-79', '65-79', 17.1, ['65-79']],
      ['80-plus', '80 and over', 6.3, ['80-plus']],
    ]);
    expect(dimension?.label).toBe('Age (people aged 18 and over)');
    expect(notes).toEqual([
      'The census counts ages in five-year groups, so "18-24" is estimated by sharing a group evenly between its years.',
    ]);
  });

  it('covers every age for the bands programmes had before fields were a setting', () => {
    const age = LEGACY_DEMOGRAPHIC_FIELDS.find((f) => f.id === 'ageBand')!;
    expect(shares(age)).toEqual([
      ['under-18', 20.8],
      ['18-24', 8.3],
      ['25-34', 13.5],
      ['35-44', 13],
      ['45-54', 13.3],
      ['55-64', 12.6],
      ['65-74', 9.9],
      ['75-plus', 8.6],
    ]);
  });

  it('needs no estimate when every band starts and ends on a five-year boundary', () => {
    const field = ageField([
      ['under-65', 'Under 65'],
      ['65-plus', '65+'],
    ]);
    const { dimension, notes } = censusAgeDimension(field, CENSUS_2021_AGE_FIVE_YEAR);
    expect(notes).toEqual([]);
    // 48,534,195 under 65 and 11,063,345 aged 65 and over: the 18.6% the ONS published.
    expect(dimension?.categories.map((c) => c.percent)).toEqual([81.4, 18.6]);
    expect(dimension?.label).toBe('Age');
  });

  it('leaves out, and names, a band that is not a range of ages', () => {
    const field = ageField([
      ['young', 'Young adult'],
      ['50-64', '50 to 64'],
      ['65-plus', '65 and over'],
    ]);
    const { dimension, notes } = censusAgeDimension(field, CENSUS_2021_AGE_FIVE_YEAR);
    expect(dimension?.categories.map((c) => c.id)).toEqual(['50-64', '65-plus']);
    expect(notes[0]).toMatch(/"Young adult" is not a range of ages/);
  });

  it('does not compare overlapping bands, and says why', () => {
    const field = ageField([
      ['25-49', '25-49'],
      ['45-64', '45-64'],
      ['65-plus', '65 and over'],
    ]);
    expect(censusAgeDimension(field, CENSUS_2021_AGE_FIVE_YEAR)).toEqual({
      dimension: null,
      notes: ['Age is not compared with the census: "25-49" and "45-64" overlap.'],
    });
  });

  it('does not divide the open "85 and over" group', () => {
    const field = ageField([
      ['65-84', '65-84'],
      ['85-89', '85-89'],
      ['90-plus', '90 and over'],
    ]);
    const { dimension, notes } = censusAgeDimension(field, CENSUS_2021_AGE_FIVE_YEAR);
    expect(dimension).toBeNull();
    expect(notes[0]).toMatch(/"85-89" and "90 and over" would divide/);
  });

  it('is a reference a facilitator can start a local one from', () => {
    for (const fields of [LEGACY_DEMOGRAPHIC_FIELDS, RECOMMENDED_DEMOGRAPHIC_FIELDS]) {
      const { reference } = census2021Reference(fields);
      expect(referencePopulationSchema.safeParse(reference).success).toBe(true);
      for (const d of reference.dimensions)
        expect(d.categories.reduce((s, c) => s + c.percent, 0)).toBeCloseTo(100, 6);
      expect(reference.dimensions.map((d) => d.fieldId)).toEqual([
        'gender',
        'ageBand',
        'ethnicity',
      ]);
    }
    expect(census2021Reference([]).reference.dimensions.map((d) => d.fieldId)).toEqual([
      'gender',
      'ethnicity',
    ]);
  });
});
