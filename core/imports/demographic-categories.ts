import {
  OPEN_AGE_END,
  PREFER_NOT_TO_SAY_VALUE,
  ageBandYears,
  type DemographicFieldDef,
  type DemographicOption,
} from '../model/index.ts';

/** The longest a text answer (a town) may be, as the programme's fields accept it. */
const MAX_TEXT_ANSWER = 100;

/** How "prefer not to say" is written on event forms (lower case, punctuation removed). */
const PREFER_NOT = new Set([
  'prefer not to say',
  'prefer not to answer',
  'rather not say',
  'not stated',
  'decline to answer',
  'n a prefer not to say',
  'prefer not to disclose',
]);

/**
 * Other words event forms use for an answer, keyed by the answer's id (an option or a group).
 * Only ids a programme's field actually offers are ever matched, so one table serves the legacy
 * five broad ethnic groups and the census's nineteen alike.
 */
const SYNONYMS: Record<string, string[]> = {
  woman: ['female', 'f', 'women', 'girl', 'woman including trans woman'],
  man: ['male', 'm', 'men', 'man including trans man'],
  'non-binary': ['nonbinary', 'non binary', 'enby'],
  'self-described': ['other', 'prefer to self describe', 'self describe', 'in another way'],
  yes: ['y', 'true'],
  no: ['n', 'false'],
  asian: ['asian british', 'indian', 'pakistani', 'bangladeshi', 'chinese', 'any other asian'],
  black: ['black british', 'caribbean', 'african', 'black african', 'black caribbean'],
  mixed: ['multiple ethnic groups', 'mixed or multiple', 'white and black', 'white and asian'],
  white: ['white british', 'english', 'welsh', 'scottish', 'irish', 'gypsy or irish traveller'],
  other: ['arab', 'any other ethnic group', 'other ethnic group'],
  'asian-bangladeshi': ['bangladeshi', 'asian bangladeshi', 'british bangladeshi'],
  'asian-chinese': ['chinese', 'asian chinese', 'british chinese'],
  'asian-indian': ['indian', 'asian indian', 'british indian'],
  'asian-pakistani': ['pakistani', 'asian pakistani', 'british pakistani'],
  'asian-other': ['asian other', 'other asian', 'any other asian'],
  'black-african': ['african', 'black african', 'black british african'],
  'black-caribbean': ['caribbean', 'black caribbean', 'black british caribbean'],
  'black-other': ['black other', 'other black', 'any other black'],
  'mixed-white-asian': ['white and asian', 'mixed white and asian'],
  'mixed-white-black-african': ['white and black african', 'mixed white and black african'],
  'mixed-white-black-caribbean': ['white and black caribbean', 'mixed white and black caribbean'],
  'mixed-other': ['mixed other', 'other mixed', 'any other mixed'],
  'white-british': [
    'white british',
    'british',
    'english',
    'welsh',
    'scottish',
    'northern irish',
    'white english',
    'white welsh',
    'white scottish',
  ],
  'white-irish': ['irish', 'white irish'],
  'white-gypsy-traveller': ['gypsy', 'irish traveller', 'traveller', 'gypsy or irish traveller'],
  'white-roma': ['roma', 'white roma'],
  'white-other': ['white other', 'other white', 'any other white'],
  'other-arab': ['arab', 'arab british'],
  'other-any': ['any other ethnic group', 'other ethnic group'],
  '75-plus': ['75 and over', '75 or over', 'over 75', '75 and above'],
  '80-plus': ['80 and over', '80 or over', 'over 80', '80 and above'],
  'under-18': ['under 18', 'below 18', '17 or under'],
};

/** Answers and headings compared once case, punctuation and spacing are set aside. */
export const normalAnswer = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

export type MappedAnswer =
  { kind: 'value'; value: string } | { kind: 'blank' } | { kind: 'unmapped'; reason: string };

/**
 * What an answer in a file means for one of the programme's demographic fields: one of its
 * options, one of its broad groups (a less detailed but valid answer to a grouped field such as
 * ethnicity), "prefer not to say", or for a text field the text itself. Matching sets case,
 * spacing and punctuation aside and knows the other words event forms use; for bands of years
 * it also takes an age ("67") or a band written another way ("50 to 64").
 * @example mapAnswer(ageField, '50 - 64') // { kind: 'value', value: '50-64' }
 */
export function mapAnswer(field: DemographicFieldDef, answer: string): MappedAnswer {
  const a = normalAnswer(answer);
  if (a === '') return { kind: 'blank' };
  if (PREFER_NOT.has(a) || a === normalAnswer(PREFER_NOT_TO_SAY_VALUE))
    return { kind: 'value', value: PREFER_NOT_TO_SAY_VALUE };
  if (field.kind === 'text') {
    const text = answer.trim();
    return text.length <= MAX_TEXT_ANSWER
      ? { kind: 'value', value: text }
      : { kind: 'unmapped', reason: `is over ${MAX_TEXT_ANSWER} characters` };
  }
  const value = choiceOf(field, a);
  return value === null
    ? { kind: 'unmapped', reason: `is none of the answers to "${field.label}"` }
    : { kind: 'value', value };
}

function choiceOf(field: DemographicFieldDef, a: string): string | null {
  const answers: DemographicOption[] = [
    ...field.options,
    // A broad group on its own ("White") is an answer too, unless an option already has its id.
    ...(field.groups ?? [])
      .filter((g) => !field.options.some((o) => o.id === g.id))
      .map((g) => ({ id: g.id, label: g.label })),
  ];
  for (const o of answers) if (a === normalAnswer(o.id) || a === normalAnswer(o.label)) return o.id;
  for (const o of answers) if ((SYNONYMS[o.id] ?? []).includes(a)) return o.id;
  const band = bandOf(answers, a);
  if (band) return band;
  // "Asian or Asian British: Indian", "White - Irish": the longest (most specific) answer the
  // text ends with; failing that, the longest it starts with ("White - other European").
  return (
    affixed(answers, (w) => a.endsWith(` ${w}`)) ?? affixed(answers, (w) => a.startsWith(`${w} `))
  );
}

function affixed(answers: readonly DemographicOption[], fits: (words: string) => boolean) {
  let best: { id: string; length: number } | null = null;
  for (const o of answers)
    for (const w of [normalAnswer(o.label), ...(SYNONYMS[o.id] ?? [])])
      if (w.length > 2 && fits(w) && (!best || w.length > best.length))
        best = { id: o.id, length: w.length };
  return best?.id ?? null;
}

function bandOf(options: readonly DemographicOption[], a: string): string | null {
  const years = /^(\d{1,3})(?: years?)?(?: old)?$/.exec(a);
  const range = /^(\d{1,3}) (?:to )?(\d{1,3})$/.exec(a);
  const plus = /^(\d{1,3}) ?(?:\+|plus|and over|or over|and above|or older)$/.exec(a);
  for (const o of options) {
    const band = ageBandYears(o);
    if (!band) continue;
    const [lo, hi] = band;
    if (years && Number(years[1]) >= lo && Number(years[1]) <= hi) return o.id;
    if (range && Number(range[1]) === lo && Number(range[2]) === hi) return o.id;
    if (plus && Number(plus[1]) === lo && hi === OPEN_AGE_END) return o.id;
  }
  return null;
}
