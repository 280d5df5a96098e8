import { z } from 'zod';
import { idSchema, isoDateTimeSchema, shortText } from './primitives.ts';

export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

export const GENDERS = ['woman', 'man', 'non-binary', 'self-described', PREFER_NOT_TO_SAY] as const;
export const AGE_BANDS = [
  'under-18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-plus',
  PREFER_NOT_TO_SAY,
] as const;
/** The five broad groups used by the census in England and Wales. */
export const ETHNICITIES = [
  'asian',
  'black',
  'mixed',
  'white',
  'other',
  PREFER_NOT_TO_SAY,
] as const;

export const DEMOGRAPHIC_LABELS: Record<string, string> = {
  woman: 'Woman',
  man: 'Man',
  'non-binary': 'Non-binary',
  'self-described': 'Self-described',
  'under-18': 'Under 18',
  '18-24': '18-24',
  '25-34': '25-34',
  '35-44': '35-44',
  '45-54': '45-54',
  '55-64': '55-64',
  '65-74': '65-74',
  '75-plus': '75 and over',
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
  [PREFER_NOT_TO_SAY]: 'Prefer not to say',
};

/**
 * Answers by field id (see demographic-fields.ts: the programme chooses its fields). Each is null
 * when it was not asked or not answered; "prefer-not-to-say" when the person chose not to. The
 * values are checked against the programme's fields where they are written and imported.
 */
export const demographicsSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,39}$/, 'expected a demographic field id'),
    z.string().trim().min(1).max(100).nullable(),
  )
  .refine((d) => Object.keys(d).length <= 40, 'expected at most 40 demographic answers');
export type Demographics = z.infer<typeof demographicsSchema>;
export type DemographicField = string;
/** The fields every programme had before fields became a setting (LEGACY_DEMOGRAPHIC_FIELDS). */
export const DEMOGRAPHIC_FIELDS: DemographicField[] = ['gender', 'ageBand', 'ethnicity', 'town'];

export const consentRecordSchema = z
  .object({ given: z.boolean(), at: isoDateTimeSchema.nullable() })
  .strict();
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentSchema = z
  .object({
    /** May we keep what they say for the analysis? Without it their words are not stored. */
    storeWords: consentRecordSchema,
    /** May we quote them, attributed only by descriptor and cohort? */
    quoteAnonymously: consentRecordSchema,
    /** May the session be recorded with them in it? */
    recording: consentRecordSchema,
  })
  .strict();
export type Consent = z.infer<typeof consentSchema>;
export type ConsentKind = keyof Consent;

export const attendanceSchema = z
  .object({ sessionId: idSchema, registered: z.boolean(), attended: z.boolean() })
  .strict();
export type Attendance = z.infer<typeof attendanceSchema>;

/** Personal details: kept only in the store, never in a Yjs document, redacted from exports. */
export const contactSchema = z
  .object({
    name: z.string().trim().max(200).nullable(),
    email: z.email({ error: 'expected an email address' }).max(320).nullable(),
    phone: z.string().trim().max(40).nullable(),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

export const participantSchema = z
  .object({
    id: idSchema,
    /** How reports refer to them, for example "Parent/carer 2". Never a name. */
    descriptor: shortText(100),
    cohort: z.string().max(200),
    consent: consentSchema,
    demographics: demographicsSchema,
    attendance: z.array(attendanceSchema).max(500),
    contact: contactSchema.nullable(),
    /**
     * When their record was erased at their request (words, votes, comments and demographics
     * gone). Reports then count them only in attendance totals. Absent for everyone else, so
     * format-1 programme files read unchanged.
     */
    erasedAt: isoDateTimeSchema.optional(),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

/** No answers yet, for the given fields (by default those every programme had before). */
export function emptyDemographics(fieldIds: readonly string[] = DEMOGRAPHIC_FIELDS): Demographics {
  return Object.fromEntries(fieldIds.map((id) => [id, null]));
}

export function noConsent(): Consent {
  const none = { given: false, at: null };
  return { storeWords: { ...none }, quoteAnonymously: { ...none }, recording: { ...none } };
}

export const descriptorSchema = shortText(100);

/**
 * A group a programme recruits from, and the word its people are called by in reports: the
 * cohort "Residents and service users" gives descriptors "Resident 1", "Resident 2", ...
 */
export const cohortSchema = z
  .object({
    name: shortText(200),
    descriptor: shortText(80),
  })
  .strict();
export type Cohort = z.infer<typeof cohortSchema>;
