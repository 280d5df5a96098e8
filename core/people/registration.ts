import { z } from 'zod';
import {
  type Cohort,
  type Participant,
  type Session,
  cohortSchema,
  demographicsSchema,
  idSchema,
} from '../model/index.ts';

/** An optional text field of a form: blank means "not given" (null), never an empty string. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => (v === '' ? null : v));

/**
 * What a facilitator types to register a person, or to correct a registration. Name, email and
 * phone are optional and are kept only in the store's contacts table, never in a document.
 */
export const personDetailsSchema = z
  .object({
    descriptor: z
      .string()
      .trim()
      .min(1, 'Give a descriptor, such as "Resident 4". Reports call the person by it.')
      .max(100, 'Keep the descriptor to 100 characters.'),
    cohort: z.string().trim().max(200, 'Keep the cohort name to 200 characters.'),
    name: optionalText(200, 'Keep the name to 200 characters.'),
    email: z
      .string()
      .trim()
      .max(320, 'Keep the email address to 320 characters.')
      .transform((v) => (v === '' ? null : v))
      .pipe(
        z
          .email({ error: 'Enter an email address such as name@example.org, or leave it blank.' })
          .nullable(),
      ),
    phone: z
      .string()
      .trim()
      .max(40, 'Keep the phone number to 40 characters.')
      .regex(/^[0-9+()\-. ]*$/, 'Enter a phone number with digits only, such as 07700 900123.')
      .transform((v) => (v === '' ? null : v)),
  })
  .strict();
export type PersonDetailsInput = z.input<typeof personDetailsSchema>;
export type PersonDetails = z.output<typeof personDetailsSchema>;

/** Registering a person: their details and the sessions they registered for. */
export const registrationSchema = personDetailsSchema
  .extend({ sessionIds: z.array(idSchema).max(500) })
  .strict();
export type RegistrationInput = z.input<typeof registrationSchema>;

/** A tick on the register: either or both of registered and attended. */
export const attendanceTickSchema = z
  .object({ registered: z.boolean().optional(), attended: z.boolean().optional() })
  .strict()
  .refine((v) => v.registered !== undefined || v.attended !== undefined, {
    message: 'Say whether they registered, attended, or both.',
  });

/** Consent copied from a paper form: any of the three choices. */
export const consentFormSchema = z
  .object({
    storeWords: z.boolean().optional(),
    quoteAnonymously: z.boolean().optional(),
    recording: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Choose at least one answer from the form.',
  });

/** Demographics copied from a paper form: every field, each may be "prefer not to say". */
export const demographicsFormSchema = demographicsSchema;

export const cohortFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the cohort a name, such as "Parents and carers".')
      .max(200, 'Keep the cohort name to 200 characters.'),
    descriptor: z
      .string()
      .trim()
      .min(1, 'Give the word its people are called by, such as "Parent/carer".')
      .max(80, 'Keep the word to 80 characters.'),
  })
  .strict()
  .pipe(cohortSchema);

/** The messages of a failed parse keyed by the form field they belong to (first one wins). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/**
 * Every cohort of a programme: those the facilitator named, then any a session or a person
 * carries that was never named, with the word most of its people are called by.
 */
export function programmeCohorts(
  named: readonly Cohort[],
  sessions: readonly Session[],
  participants: readonly Participant[],
): Cohort[] {
  const out = new Map<string, Cohort>(named.map((c) => [c.name, c]));
  const names = [...sessions.map((s) => s.cohort), ...participants.map((p) => p.cohort)];
  for (const name of names) {
    if (name.trim() === '' || out.has(name)) continue;
    out.set(name, { name, descriptor: commonStem(participants, name) ?? 'Participant' });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** "Resident 4" -> "Resident"; null when the descriptor does not end in a number. */
export function descriptorStem(descriptor: string): string | null {
  const m = /^(.*\S)\s+(\d+)$/.exec(descriptor.trim());
  return m ? (m[1] as string) : null;
}

function commonStem(participants: readonly Participant[], cohort: string): string | null {
  const counts = new Map<string, number>();
  for (const p of participants) {
    if (p.cohort !== cohort) continue;
    const stem = descriptorStem(p.descriptor);
    if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [stem, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = stem;
  return best;
}

/**
 * The next free descriptor for a cohort: its word and one more than the highest number taken
 * with that word in the programme ("Resident 4" after "Resident 3").
 */
export function suggestDescriptor(
  cohort: Cohort | null,
  participants: readonly Participant[],
): string {
  const stem = cohort?.descriptor ?? 'Participant';
  let highest = 0;
  for (const p of participants) {
    if (descriptorStem(p.descriptor)?.toLowerCase() !== stem.toLowerCase()) continue;
    highest = Math.max(highest, Number(/(\d+)$/.exec(p.descriptor.trim())?.[1] ?? 0));
  }
  return `${stem} ${highest + 1}`;
}
