import type { ReferencePopulation } from '../model/index.ts';

/**
 * Census 2021, England and Wales (usual residents, 21 March 2021; 59,597,300 people), as
 * published by the Office for National Statistics:
 * - sex: 51.0% female, 49.0% male ("Population and household estimates, England and Wales:
 *   Census 2021", 28 June 2022);
 * - age: 17.4% under 15, 64.1% aged 15 to 64, 18.6% aged 65 and over (same release). Focus
 *   groups are of adults, so the two adult groups are given as shares of everyone aged 15 and
 *   over (64.1 / 82.7 and 18.6 / 82.7, rounded to one decimal place);
 * - ethnic group (the five broad groups): White 81.7%, Asian or Asian British 9.3%, Black,
 *   Black British, Caribbean or African 4.0%, Mixed or multiple 2.9%, Other 2.1% ("Ethnic group,
 *   England and Wales: Census 2021", 29 November 2022).
 * The census asked sex, not gender: "woman" and "man" are compared with female and male, and
 * other answers are counted but not compared.
 */
export const CENSUS_2021_ENGLAND_WALES: ReferencePopulation = {
  name: 'Census 2021, England and Wales',
  source:
    'Office for National Statistics: Population and household estimates, England and Wales: Census 2021 (28 June 2022); Ethnic group, England and Wales: Census 2021 (29 November 2022)',
  dimensions: [
    {
      fieldId: 'gender',
      label: 'Sex',
      categories: [
        { id: 'female', label: 'Female (women)', percent: 51.0, answers: ['woman'] },
        { id: 'male', label: 'Male (men)', percent: 49.0, answers: ['man'] },
      ],
    },
    {
      fieldId: 'ageBand',
      label: 'Age (people aged 15 and over)',
      categories: [
        {
          id: 'under-65',
          label: 'Under 65',
          percent: 77.5,
          answers: ['18-24', '25-34', '35-44', '45-54', '55-64', '25-49', '50-64'],
        },
        {
          id: '65-plus',
          label: '65 and over',
          percent: 22.5,
          answers: ['65-74', '75-plus', '65-79', '80-plus'],
        },
      ],
    },
    {
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
    },
  ],
};
