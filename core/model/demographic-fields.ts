import { z } from 'zod';
import { shortText } from './primitives.ts';

/** Every field offers this answer, stored as this value; it is never one of a field's options. */
export const PREFER_NOT_TO_SAY_VALUE = 'prefer-not-to-say';

const keySchema = z
  .string()
  .min(1, 'expected an id')
  .max(40, 'expected an id of at most 40 characters')
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'expected an id of letters, digits and "-"');

// Answers may start with a digit ("25-49").
const answerKeySchema = z
  .string()
  .min(1, 'expected an id')
  .max(40, 'expected an id of at most 40 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'expected an id of letters, digits and "-"');

export const demographicOptionSchema = z
  .object({
    id: answerKeySchema,
    label: shortText(120),
    /** The broad group this answer counts towards (ethnicity's 19 categories in 5 groups). */
    group: keySchema.optional(),
  })
  .strict();
export type DemographicOption = z.infer<typeof demographicOptionSchema>;

export const demographicGroupSchema = z.object({ id: keySchema, label: shortText(120) }).strict();

/**
 * One demographic question a programme asks. "choice" fields offer a fixed list (always with
 * "prefer not to say"); "text" fields take a short answer such as a town.
 */
export const demographicFieldSchema = z
  .object({
    id: keySchema,
    label: shortText(80),
    /** The question as the participant page asks it. */
    question: shortText(200),
    kind: z.enum(['choice', 'text']),
    options: z.array(demographicOptionSchema).max(60),
    groups: z.array(demographicGroupSchema).max(20).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.kind === 'choice' && f.options.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `"${f.label}" needs at least two answers to choose from`,
      });
    }
    const seen = new Set<string>();
    f.options.forEach((o, i) => {
      if (o.id === PREFER_NOT_TO_SAY_VALUE || seen.has(o.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'id'],
          message: `"${o.label}" is listed twice in "${f.label}"`,
        });
      }
      seen.add(o.id);
      if (o.group !== undefined && !f.groups?.some((g) => g.id === o.group)) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'group'],
          message: `"${o.label}" names a group "${o.group}" that "${f.label}" does not have`,
        });
      }
    });
  });
export type DemographicFieldDef = z.infer<typeof demographicFieldSchema>;

export const demographicFieldsSchema = z
  .array(demographicFieldSchema)
  .max(20, 'expected at most 20 demographic questions')
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `two questions share the id "${f.id}"`,
        });
      }
      seen.add(f.id);
    });
  });

const opts = (pairs: [string, string][]): DemographicOption[] =>
  pairs.map(([id, label]) => ({ id, label }));

const GENDER_FIELD: DemographicFieldDef = {
  id: 'gender',
  label: 'Gender',
  question: 'How would you describe your gender?',
  kind: 'choice',
  options: opts([
    ['woman', 'Woman'],
    ['man', 'Man'],
    ['non-binary', 'Non-binary'],
    ['self-described', 'In another way'],
  ]),
};

const TOWN_FIELD: DemographicFieldDef = {
  id: 'town',
  label: 'Town',
  question: 'Which town or area do you live in?',
  kind: 'text',
  options: [],
};

/** The census's five broad ethnic groups in England and Wales. */
export const BROAD_ETHNIC_GROUPS = [
  { id: 'asian', label: 'Asian or Asian British' },
  { id: 'black', label: 'Black, Black British, Caribbean or African' },
  { id: 'mixed', label: 'Mixed or multiple ethnic groups' },
  { id: 'white', label: 'White' },
  { id: 'other', label: 'Other ethnic group' },
] as const;

/**
 * The fields every programme had before fields became a setting. A programme that has never
 * chosen its own (every format-1 programme file) keeps exactly these, so its stored answers,
 * tallies and exports do not change.
 */
export const LEGACY_DEMOGRAPHIC_FIELDS: readonly DemographicFieldDef[] = [
  GENDER_FIELD,
  {
    id: 'ageBand',
    label: 'Age',
    question: 'How old are you?',
    kind: 'choice',
    options: opts([
      ['under-18', 'Under 18'],
      ['18-24', '18-24'],
      ['25-34', '25-34'],
      ['35-44', '35-44'],
      ['45-54', '45-54'],
      ['55-64', '55-64'],
      ['65-74', '65-74'],
      ['75-plus', '75 and over'],
    ]),
  },
  {
    id: 'ethnicity',
    label: 'Ethnicity',
    question: 'What is your ethnic group?',
    kind: 'choice',
    options: BROAD_ETHNIC_GROUPS.map((g) => ({ id: g.id, label: g.label, group: g.id })),
    groups: [...BROAD_ETHNIC_GROUPS],
  },
  TOWN_FIELD,
];

/** Census 2021 (England and Wales): 19 ethnic groups, each in one of the five broad groups. */
const ETHNICITY_19: DemographicOption[] = [
  ['asian-bangladeshi', 'Bangladeshi', 'asian'],
  ['asian-chinese', 'Chinese', 'asian'],
  ['asian-indian', 'Indian', 'asian'],
  ['asian-pakistani', 'Pakistani', 'asian'],
  ['asian-other', 'Any other Asian background', 'asian'],
  ['black-african', 'African', 'black'],
  ['black-caribbean', 'Caribbean', 'black'],
  ['black-other', 'Any other Black, Black British or Caribbean background', 'black'],
  ['mixed-white-asian', 'White and Asian', 'mixed'],
  ['mixed-white-black-african', 'White and Black African', 'mixed'],
  ['mixed-white-black-caribbean', 'White and Black Caribbean', 'mixed'],
  ['mixed-other', 'Any other Mixed or multiple ethnic background', 'mixed'],
  ['white-british', 'English, Welsh, Scottish, Northern Irish or British', 'white'],
  ['white-irish', 'Irish', 'white'],
  ['white-gypsy-traveller', 'Gypsy or Irish Traveller', 'white'],
  ['white-roma', 'Roma', 'white'],
  ['white-other', 'Any other White background', 'white'],
  ['other-arab', 'Arab', 'other'],
  ['other-any', 'Any other ethnic group', 'other'],
].map(([id, label, group]) => ({ id: id!, label: label!, group: group! }));

const yesNo = (id: string, label: string, question: string): DemographicFieldDef => ({
  id,
  label,
  question,
  kind: 'choice',
  options: opts([
    ['yes', 'Yes'],
    ['no', 'No'],
  ]),
});

/**
 * The fields a facilitator starts from when choosing their own: age bands that hold older age
 * groups apart, the census's 19 ethnic groups (counted in its 5 broad groups), and the optional
 * questions co-production groups in health are asked to report on.
 */
export const RECOMMENDED_DEMOGRAPHIC_FIELDS: readonly DemographicFieldDef[] = [
  GENDER_FIELD,
  {
    id: 'ageBand',
    label: 'Age',
    question: 'How old are you?',
    kind: 'choice',
    options: opts([
      ['18-24', '18-24'],
      ['25-49', '25-49'],
      ['50-64', '50-64'],
      ['65-79', '65-79'],
      ['80-plus', '80 and over'],
    ]),
  },
  {
    id: 'ethnicity',
    label: 'Ethnicity',
    question: 'What is your ethnic group?',
    kind: 'choice',
    options: ETHNICITY_19,
    groups: [...BROAD_ETHNIC_GROUPS],
  },
  yesNo(
    'disability',
    'Disability',
    'Do you consider yourself to have a disability (as the Equality Act 2010 describes it)?',
  ),
  yesNo(
    'long-term-condition',
    'Long-term condition',
    'Do you have a long-term physical or mental health condition?',
  ),
  yesNo('carer', 'Carer', 'Do you look after, or give help to, someone because of their health?'),
  TOWN_FIELD,
];

/** The programme's fields: its own choice, or the fields every programme had before. */
export function fieldsOrLegacy(
  fields: readonly DemographicFieldDef[] | undefined,
): readonly DemographicFieldDef[] {
  return fields ?? LEGACY_DEMOGRAPHIC_FIELDS;
}

/** The label of one answer ("prefer not to say" included); the value itself if unknown. */
export function answerLabel(field: DemographicFieldDef, value: string): string {
  if (value === PREFER_NOT_TO_SAY_VALUE) return 'Prefer not to say';
  return field.options.find((o) => o.id === value)?.label ?? value;
}

/** The broad group an answer counts towards, or the answer itself when the field has none. */
export function answerGroup(field: DemographicFieldDef, value: string): string {
  return field.options.find((o) => o.id === value)?.group ?? value;
}

/**
 * What is wrong with a set of answers against the programme's fields, one message per field
 * id. Answers to fields the programme no longer asks are kept and not checked (they were valid
 * when given).
 */
export function demographicAnswerProblems(
  fields: readonly DemographicFieldDef[],
  answers: Readonly<Record<string, string | null>>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const v = answers[f.id];
    if (v === undefined || v === null || v === PREFER_NOT_TO_SAY_VALUE) continue;
    // A broad group on its own ("white") is a valid, less detailed answer to a grouped field.
    if (
      f.kind === 'choice' &&
      !f.options.some((o) => o.id === v) &&
      !f.groups?.some((g) => g.id === v)
    ) {
      problems[f.id] = `"${v}" is not one of the answers to "${f.label}"`;
    }
    if (f.kind === 'text' && (v.trim() === '' || v.length > 100)) {
      problems[f.id] = `"${f.label}" takes between 1 and 100 characters`;
    }
  }
  return problems;
}

/** No answers yet: every field of the programme present and null. */
export function emptyAnswers(fields: readonly DemographicFieldDef[]): Record<string, null> {
  return Object.fromEntries(fields.map((f) => [f.id, null]));
}

/**
 * Why a new set of fields cannot replace the current one: answers people already gave that it
 * would no longer accept (an option removed, a choice turned into text). Empty when it can.
 * Answers to a field removed altogether are kept in the store and are not a problem.
 */
export function fieldChangeProblems(
  fields: readonly DemographicFieldDef[],
  answers: readonly Readonly<Record<string, string | null>>[],
): string[] {
  const counts = new Map<string, { field: DemographicFieldDef; value: string; n: number }>();
  for (const a of answers) {
    for (const [fieldId, problem] of Object.entries(demographicAnswerProblems(fields, a))) {
      if (!problem) continue;
      const field = fields.find((f) => f.id === fieldId)!;
      const value = a[fieldId] as string;
      const key = `${fieldId}\u0000${value}`;
      const entry = counts.get(key) ?? { field, value, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].map(
    ({ field, value, n }) =>
      `${n} ${n === 1 ? 'person' : 'people'} answered "${value}" to "${field.label}", which the new list does not offer; keep that answer in the list`,
  );
}
