import { z } from 'zod';
import { idSchema, longText, shortText } from './primitives.ts';

/**
 * The report's own words: what a facilitator writes for the commissioner's report. Every
 * section is optional in the sense that an empty one is left out of the report; nothing is
 * ever printed in its place.
 */
export const REPORT_SECTIONS = [
  'introduction',
  'methodology',
  'executiveSummary',
  'summaryOfFindings',
  'conclusions',
  'nextSteps',
  'aboutOrganisation',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  introduction: 'Introduction',
  methodology: 'Methodology',
  executiveSummary: 'Executive summary',
  summaryOfFindings: 'Summary of findings',
  conclusions: 'Conclusions',
  nextSteps: 'Next steps',
  aboutOrganisation: 'About us',
};

/** What each section is for, shown beside its field in the editor. */
export const REPORT_SECTION_HINTS: Record<ReportSection, string> = {
  introduction: 'Why the programme was run, for whom, and what it set out to learn.',
  methodology:
    'How people were recruited, any incentives, how consent was taken, how sessions ran.',
  executiveSummary: 'The few things a commissioner must know if they read nothing else.',
  summaryOfFindings: 'What the themes add up to, in your words.',
  conclusions: 'What you conclude from what people said.',
  nextSteps: 'What happens now, and how the group will hear about it.',
  aboutOrganisation: 'Who you are and how to contact you.',
};

export const REPORT_SECTION_MAX = 20_000;
export const THEME_SUMMARY_MAX = 10_000;

export const LOGO_ROLES = ['organisation', 'commissioner', 'partner'] as const;
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
/** A logo's bytes, base64: 400 KB of image is plenty for a title page and keeps the document small. */
export const LOGO_MAX_BASE64 = Math.ceil((400 * 1024 * 4) / 3);
export const LOGOS_MAX = 4;

export const logoSchema = z
  .object({
    id: idSchema,
    role: z.enum(LOGO_ROLES),
    /** What a screen reader says, for example "Healthwatch Example logo". */
    alt: shortText(200),
    mediaType: z.enum(LOGO_MEDIA_TYPES),
    /** The picture's bytes in base64, without a data: prefix. */
    data: z
      .string()
      .min(1, 'expected a picture')
      .max(LOGO_MAX_BASE64, 'a logo may be at most 400 KB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64'),
    width: z.number().int().min(1).max(10_000),
    height: z.number().int().min(1).max(10_000),
    order: z.number().int().min(0).max(1000),
  })
  .strict();
export type Logo = z.infer<typeof logoSchema>;

const sectionsShape = Object.fromEntries(
  REPORT_SECTIONS.map((k) => [k, longText(REPORT_SECTION_MAX)]),
) as Record<ReportSection, ReturnType<typeof longText>>;

export const reportTextSchema = z
  .object({
    ...sectionsShape,
    /** Theme id -> the facilitator's summary of that theme. */
    themeSummaries: z.record(idSchema, longText(THEME_SUMMARY_MAX)),
    logos: z.array(logoSchema).max(LOGOS_MAX),
  })
  .strict();
export type ReportText = z.infer<typeof reportTextSchema>;

export function emptyReportText(): ReportText {
  const sections = Object.fromEntries(REPORT_SECTIONS.map((k) => [k, ''])) as Record<
    ReportSection,
    string
  >;
  return { ...sections, themeSummaries: {}, logos: [] };
}

/** Whether a facilitator wrote anything at all (then a programme file need not carry it). */
export function reportTextIsEmpty(r: ReportText): boolean {
  return (
    REPORT_SECTIONS.every((k) => r[k].trim() === '') &&
    Object.values(r.themeSummaries).every((t) => t.trim() === '') &&
    r.logos.length === 0
  );
}

/** A section's text as the report prints it, or null when it is empty and must be left out. */
export function writtenText(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  return t === '' ? null : t;
}
