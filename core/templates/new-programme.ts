import { z } from 'zod';
import {
  isoDateSchema,
  newId,
  shortText,
  type Programme,
  type Session,
  type SessionKind,
} from '../model/index.ts';
import { emptyDebrief } from '../model/index.ts';
import {
  programmeSnapshotSchema,
  type ProgrammeSnapshot,
  type SessionRecord,
} from '../snapshot/snapshot.ts';
import { coProductionSeriesTemplate } from './co-production-series.ts';
import { focusGroupTemplate } from './focus-group.ts';
import { personaWalkthroughTemplate } from './persona-walkthrough.ts';

export const PROGRAMME_TEMPLATES = [
  'focus-groups',
  'persona-walkthrough',
  'co-production',
] as const;
export type ProgrammeTemplate = (typeof PROGRAMME_TEMPLATES)[number];

export const PROGRAMME_TEMPLATE_LABELS: Record<ProgrammeTemplate, string> = {
  'focus-groups':
    'Focus group series: four themes, each ending with "how will you tell us we got it right?"',
  'persona-walkthrough':
    'Persona walkthrough: a patient walked from first symptoms to a specialist referral',
  'co-production': 'Co-production group: five online sessions, from introductions to next steps',
};

/** What a facilitator gives to start a programme from a template (CLI and app validate alike). */
export const newProgrammeSchema = z
  .object({
    template: z.enum(PROGRAMME_TEMPLATES, {
      error: `expected one of ${PROGRAMME_TEMPLATES.join(', ')}`,
    }),
    title: shortText(),
    organisation: shortText(),
    commissioner: z.string().trim().max(200).optional(),
    region: z.string().trim().max(200).optional(),
    /** First session date; later sessions follow a week apart. */
    startDate: isoDateSchema,
    /** Focus groups only: one group per cohort (default one group). */
    cohorts: z.array(shortText()).max(20).optional(),
  })
  .strict();
export type NewProgramme = z.infer<typeof newProgrammeSchema>;
export type NewProgrammeDetails = Omit<NewProgramme, 'template'>;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A new, empty programme planned from a template: sessions with their agendas (and persona), the
 * template's codebook, no participants or notes yet. Ids are fresh, so the same template can be
 * used for many programmes in one data folder.
 * @example programmeFromTemplate('focus-groups', { title: 'MSK redesign', organisation: 'Healthwatch', startDate: '2027-01-12' })
 */
export function programmeFromTemplate(
  template: ProgrammeTemplate,
  details: NewProgrammeDetails,
): ProgrammeSnapshot {
  const fg = focusGroupTemplate();
  const plans: {
    title: string;
    kind: SessionKind;
    agenda: SessionRecord['agenda'];
    persona: SessionRecord['persona'];
    cohort: string;
  }[] =
    template === 'focus-groups'
      ? (details.cohorts?.length ? details.cohorts : ['']).map((cohort) => ({
          title: cohort ? `Focus group: ${cohort}` : 'Focus group',
          kind: 'focus-group',
          agenda: fg.agenda,
          persona: null,
          cohort,
        }))
      : template === 'persona-walkthrough'
        ? [
            {
              title: `In ${personaWalkthroughTemplate().persona.name}\u2019s shoes`,
              kind: 'persona-walkthrough',
              ...personaWalkthroughTemplate(),
              cohort: '',
            },
          ]
        : coProductionSeriesTemplate().map((p) => ({ ...p, cohort: 'Co-production group' }));
  const sessions: SessionRecord[] = plans.map((p, i) => {
    const session: Session = {
      id: newId('s'),
      title: p.title,
      kind: p.kind,
      mode: template === 'co-production' ? 'online' : 'in-person',
      date: addDays(details.startDate, i * 7),
      startTime: null,
      durationMinutes: p.agenda.reduce((n, s) => n + s.minutes, 0),
      venue: '',
      cohort: p.cohort,
      registeredCount: 0,
      facilitators: [],
      recordingAgreed: false,
      status: 'planned',
    };
    return {
      session,
      agenda: p.agenda,
      persona: p.persona,
      currentStepId: null,
      notes: [],
      reflectCards: [],
      debrief: emptyDebrief(),
    };
  });
  const programme: Programme = {
    id: newId('prog'),
    title: details.title,
    organisation: details.organisation,
    commissioner: details.commissioner ?? '',
    region: details.region ?? '',
    aims: [],
    startDate: details.startDate,
    endDate: sessions.at(-1)?.session.date ?? details.startDate,
    introduction: '',
  };
  return programmeSnapshotSchema.parse({
    programme,
    codebook: fg.codebook,
    recommendations: [],
    actions: [],
    sessions,
    participants: [],
  });
}
