import type {
  DemographicFieldDef,
  ReferenceDimension,
  ReferencePopulation,
} from '../model/index.ts';
import { censusAgeDimension } from './census-age-bands.ts';

/**
 * Census 2021, England and Wales (usual residents, 21 March 2021), as published by the Office
 * for National Statistics:
 * - age: table TS007A "Age by five-year age bands", England and Wales (K04000001), from Nomis
 *   (nomisweb.co.uk, dataset c2021ts007a; file census2021-ts007a-ctry.csv). Its 18 groups add up
 *   to 59,597,540, two fewer than the headline count of 59,597,542, because the census's topic
 *   summary tables are perturbed to protect confidentiality;
 * - sex: 51.0% female, 49.0% male ("Population and household estimates, England and Wales:
 *   Census 2021", 28 June 2022);
 * - ethnic group (the five broad groups): White 81.7%, Asian or Asian British 9.3%, Black,
 *   Black British, Caribbean or African 4.0%, Mixed or multiple 2.9%, Other 2.1% ("Ethnic group,
 *   England and Wales: Census 2021", 29 November 2022).
 * The census asked sex, not gender: "woman" and "man" are compared with female and male, and
 * other answers are counted but not compared.
 */
export const CENSUS_2021_AGE_FIVE_YEAR: readonly number[] = [
  3_232_036, // 0 to 4
  3_524_625, // 5 to 9
  3_596_029, // 10 to 14
  3_394_665, // 15 to 19
  3_602_127, // 20 to 24
  3_901_740, // 25 to 29
  4_148_800, // 30 to 34
  3_981_619, // 35 to 39
  3_755_755, // 40 to 44
  3_788_721, // 45 to 49
  4_123_433, // 50 to 54
  4_029_041, // 55 to 59
  3_455_604, // 60 to 64
  2_945_137, // 65 to 69
  2_977_984, // 70 to 74
  2_170_271, // 75 to 79
  1_515_077, // 80 to 84
  1_454_876, // 85 and over
];

const SOURCE =
  'Office for National Statistics, Census 2021: TS007A Age by five-year age bands (Nomis); Population and household estimates, England and Wales: Census 2021 (28 June 2022); Ethnic group, England and Wales: Census 2021 (29 November 2022)';

const SEX: ReferenceDimension = {
  fieldId: 'gender',
  label: 'Sex',
  categories: [
    { id: 'female', label: 'Female (women)', percent: 51.0, answers: ['woman'] },
    { id: 'male', label: 'Male (men)', percent: 49.0, answers: ['man'] },
  ],
};

const ETHNIC_GROUP: ReferenceDimension = {
  fieldId: 'ethnicity',
  label: 'Ethnic group',
  categories: [
    { id: 'asian', label: 'Asian or Asian British', percent: 9.3, answers: ['asian'] },
    {
      id: 'black',
      label: 'Black, Black British, Caribbean or African',
      percent: 4.0,
      answers: ['black'],
    },
    { id: 'mixed', label: 'Mixed or multiple ethnic groups', percent: 2.9, answers: ['mixed'] },
    { id: 'white', label: 'White', percent: 81.7, answers: ['white'] },
    { id: 'other', label: 'Other ethnic group', percent: 2.1, answers: ['other'] },
  ],
};

export const CENSUS_2021_NAME = 'Census 2021, England and Wales';

export interface CensusReference {
  reference: ReferencePopulation;
  /** What a reader should know about the age comparison (estimated or left-out bands). */
  notes: string[];
}

/**
 * Census 2021 for England and Wales as the reference for a programme: sex, broad ethnic group,
 * and age in the programme's own bands (see censusAgeDimension), so a programme asking
 * 25-49 / 50-64 / 65-79 / 80 and over is compared band by band.
 */
export function census2021Reference(fields: readonly DemographicFieldDef[]): CensusReference {
  const age = fields.find((f) => f.id === 'ageBand' && f.kind === 'choice');
  const ages = age ? censusAgeDimension(age, CENSUS_2021_AGE_FIVE_YEAR) : null;
  return {
    reference: {
      name: CENSUS_2021_NAME,
      source: SOURCE,
      dimensions: [SEX, ...(ages?.dimension ? [ages.dimension] : []), ETHNIC_GROUP],
    },
    notes: ages?.notes ?? [],
  };
}
