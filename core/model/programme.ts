import { z } from 'zod';
import { idSchema, isoDateSchema, longText, shortText } from './primitives.ts';

export const programmeSchema = z
  .object({
    id: idSchema,
    title: shortText(),
    organisation: shortText(),
    commissioner: z.string().max(200),
    region: z.string().max(200),
    aims: z.array(shortText(500)).max(50),
    startDate: isoDateSchema.nullable(),
    endDate: isoDateSchema.nullable(),
    introduction: longText(10_000),
    /** Days after a session by which its debrief is due; absent means the default, 14. */
    debriefDueDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

/** The brief's practice: debrief within two weeks of the session. */
export const DEFAULT_DEBRIEF_DUE_DAYS = 14;
export type Programme = z.infer<typeof programmeSchema>;

/** One row of a programme list: what `cohear list` and the facilitator app show. */
export interface ProgrammeSummary {
  id: string;
  title: string;
  organisation: string;
  sessionCount: number;
  participantCount: number;
}
