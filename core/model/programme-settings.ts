import { z } from 'zod';
import { demographicFieldsSchema } from './demographic-fields.ts';
import { shortText } from './primitives.ts';

const keySchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'expected an id of letters, digits and "-"');

/** One category of a reference population and the answers that count towards it. */
export const referenceCategorySchema = z
  .object({
    id: keySchema,
    label: shortText(120),
    /** Percentage of the population in this category. */
    percent: z.number().min(0, 'expected 0 or more').max(100, 'expected at most 100'),
    /** Answer ids (or broad group ids, such as "asian") of the field that fall in this category. */
    answers: z.array(keySchema).min(1, 'expected at least one answer').max(60),
  })
  .strict();
export type ReferenceCategory = z.infer<typeof referenceCategorySchema>;

/** How one demographic field of the population is split. */
export const referenceDimensionSchema = z
  .object({
    fieldId: keySchema,
    label: shortText(80),
    categories: z.array(referenceCategorySchema).min(2).max(40),
  })
  .strict()
  .superRefine((d, ctx) => {
    const total = d.categories.reduce((s, c) => s + c.percent, 0);
    // Published shares are rounded, so a total within half a point either side of 100 is fine.
    if (Math.abs(total - 100) > 0.5) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `the percentages of "${d.label}" add up to ${Math.round(total * 10) / 10}, not 100`,
      });
    }
  });
export type ReferenceDimension = z.infer<typeof referenceDimensionSchema>;

/** A population the people who took part are compared with (the census, an ICB, a service). */
export const referencePopulationSchema = z
  .object({
    name: shortText(200),
    /** Where the figures come from, as a reader would cite it. */
    source: shortText(500),
    dimensions: z.array(referenceDimensionSchema).min(1).max(20),
  })
  .strict();
export type ReferencePopulation = z.infer<typeof referencePopulationSchema>;

/** A word the facilitator keeps out of this programme's clouds: lowercase, one to three words. */
export const stopWordSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'expected a word')
  .max(60, 'expected at most 60 characters')
  .regex(/^[\p{L}\p{N}'’-]+( [\p{L}\p{N}'’-]+){0,2}$/u, 'expected one to three words');

/**
 * Analysis settings stored with a programme (and in its programme file). Every part is
 * optional: a programme that never set one uses the default (see each field).
 */
export const programmeSettingsSchema = z
  .object({
    /** The demographic questions; absent: LEGACY_DEMOGRAPHIC_FIELDS. */
    demographicFields: demographicFieldsSchema.optional(),
    /** Words kept out of every cloud of this programme, on top of common English words. */
    stopWords: z.array(stopWordSchema).max(500, 'expected at most 500 words').optional(),
    /** The population to compare with; absent: Census 2021, England and Wales. */
    reference: referencePopulationSchema.optional(),
  })
  .strict();
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;
