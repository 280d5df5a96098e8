import {
  AGE_BANDS,
  DEMOGRAPHIC_LABELS,
  ETHNICITIES,
  GENDERS,
  PREFER_NOT_TO_SAY,
  type Demographics,
  type Programme,
} from '../model/index.ts';

export type CategoryField = 'gender' | 'ageBand' | 'ethnicity';

export interface CategoryOption {
  value: string;
  label: string;
}

export interface DemographicCategories {
  gender: CategoryOption[];
  ageBand: CategoryOption[];
  ethnicity: CategoryOption[];
}

/**
 * The demographic categories a programme asks about. The only place imports learn them, so that
 * when programmes get their own categories this function is the one thing to change.
 */
export function programmeCategories(_programme: Programme | null): DemographicCategories {
  const options = (values: readonly string[]) =>
    values.map((value) => ({ value, label: DEMOGRAPHIC_LABELS[value] ?? value }));
  return {
    gender: options(GENDERS),
    ageBand: options(AGE_BANDS),
    ethnicity: options(ETHNICITIES),
  };
}

/** Other words event forms use for the same answers (lower case, punctuation removed). */
const SYNONYMS: Record<string, string[]> = {
  woman: ['female', 'f', 'women', 'girl', 'woman including trans woman'],
  man: ['male', 'm', 'men', 'man including trans man'],
  'non-binary': ['nonbinary', 'non binary', 'enby'],
  'self-described': ['other', 'prefer to self describe', 'self describe', 'in another way'],
  [PREFER_NOT_TO_SAY]: [
    'prefer not to say',
    'rather not say',
    'not stated',
    'decline to answer',
    'prefer not to answer',
    'n a prefer not to say',
  ],
  asian: ['asian british', 'indian', 'pakistani', 'bangladeshi', 'chinese', 'any other asian'],
  black: ['black british', 'caribbean', 'african', 'black african', 'black caribbean'],
  mixed: ['multiple ethnic groups', 'mixed or multiple', 'white and black', 'white and asian'],
  white: ['white british', 'english', 'welsh', 'scottish', 'irish', 'gypsy or irish traveller'],
  other: ['arab', 'any other ethnic group', 'other ethnic group'],
  '75-plus': ['75 and over', '75 or over', 'over 75', '75 and above'],
  'under-18': ['under 18', 'below 18', '17 or under'],
};

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

/**
 * The programme's category an answer means, or null when it maps onto none (then it is left out
 * and the preview says so). Matches the value, its label, a known synonym, the words the label
 * starts with ("White - British" is White), and for age, a number of years or a band written
 * another way ("45 to 54").
 * @example mapCategoryAnswer(programmeCategories(p), 'gender', 'Female') // 'woman'
 */
export function mapCategoryAnswer(
  categories: DemographicCategories,
  field: CategoryField,
  answer: string,
): string | null {
  const a = normal(answer);
  if (a === '') return null;
  const options = categories[field];
  for (const o of options) {
    if (a === normal(o.value) || a === normal(o.label)) return o.value;
  }
  for (const o of options) {
    if ((SYNONYMS[o.value] ?? []).some((s) => a === s)) return o.value;
  }
  if (field === 'ageBand') return ageBandOf(options, a);
  for (const o of options) {
    const words = [normal(o.label), ...(SYNONYMS[o.value] ?? [])];
    if (words.some((w) => w.length > 2 && (a.startsWith(`${w} `) || a.endsWith(` ${w}`))))
      return o.value;
  }
  return null;
}

function ageBandOf(options: CategoryOption[], a: string): string | null {
  const years = /^(\d{1,3})$/.exec(a);
  const range = /^(\d{1,3}) (?:to )?(\d{1,3})$/.exec(a);
  const plus = /^(\d{1,3}) ?(?:\+|plus|and over|or over|or older)$/.exec(a);
  for (const o of options) {
    const band = /^(\d+)-(\d+)$/.exec(o.value);
    const lo = band
      ? Number(band[1])
      : o.value === 'under-18'
        ? 0
        : o.value === '75-plus'
          ? 75
          : NaN;
    const hi = band
      ? Number(band[2])
      : o.value === 'under-18'
        ? 17
        : o.value === '75-plus'
          ? 200
          : NaN;
    if (Number.isNaN(lo)) continue;
    if (years && Number(years[1]) >= lo && Number(years[1]) <= hi) return o.value;
    if (range && Number(range[1]) === lo && Number(range[2]) === hi) return o.value;
    if (plus && Number(plus[1]) === lo && hi === 200) return o.value;
  }
  return null;
}

export type { Demographics };
