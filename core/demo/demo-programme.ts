import type {
  Action,
  AgendaStep,
  Note,
  Participant,
  Polarity,
  Recommendation,
  ReflectCard,
  Session,
  SessionKind,
  Theme,
  Vote,
} from '../model/index.ts';
import type { Demographics } from '../model/index.ts';

type Weights<K extends keyof Demographics> = readonly (readonly [
  NonNullable<Demographics[K]>,
  number,
])[];
/** Roughly the make-up of community MSK focus groups in a mixed English county (illustrative). */
const GENDER_WEIGHTS: Weights<'gender'> = [
  ['woman', 52],
  ['man', 38],
  ['non-binary', 2],
  ['prefer-not-to-say', 8],
];
const AGE_WEIGHTS: Weights<'ageBand'> = [
  ['18-24', 6],
  ['25-34', 14],
  ['35-44', 16],
  ['45-54', 20],
  ['55-64', 20],
  ['65-74', 12],
  ['75-plus', 6],
  ['prefer-not-to-say', 6],
];
const PARENT_AGE_WEIGHTS: Weights<'ageBand'> = [
  ['25-34', 30],
  ['35-44', 45],
  ['45-54', 18],
  ['prefer-not-to-say', 7],
];
const ETHNICITY_WEIGHTS: Weights<'ethnicity'> = [
  ['white', 68],
  ['asian', 14],
  ['black', 6],
  ['mixed', 4],
  ['other', 2],
  ['prefer-not-to-say', 6],
];
import { normaliseSnapshot } from '../snapshot/programme-file.ts';
import {
  programmeSnapshotSchema,
  type ProgrammeSnapshot,
  type SessionRecord,
} from '../snapshot/snapshot.ts';
import { focusGroupTemplate, personaWalkthroughTemplate } from '../templates/index.ts';
import { DEMO_ACTIONS, DEMO_KEY_MESSAGES, DEMO_RECOMMENDATIONS } from './demo-outcomes.ts';
import { demoCodebook, rootThemeId } from './demo-themes.ts';
import { FIRST_NAMES, LAST_NAMES, PERSONAL_DETAIL_TAILS, PHRASES, TOWNS } from './phrases.ts';
import { seededRandom } from '../random.ts';
import { addDays, pick, pickWeighted } from './random.ts';

export interface DemoOptions {
  seed?: number;
  /** Number of sessions (default 4: three focus groups and a persona walkthrough). */
  sessions?: number;
  /** Notes across all sessions (default 180). */
  notes?: number;
  /** Themes in the codebook, top level and below (default 8). */
  themes?: number;
}

interface Cohort {
  name: string;
  descriptor: string;
  registered: number;
  attended: number;
}

/** Registered and attended differ, as they do in real groups (more came, or far fewer). */
const COHORTS: Cohort[] = [
  { name: 'Residents and service users', descriptor: 'Resident', registered: 15, attended: 18 },
  { name: 'Gig-economy workers', descriptor: 'Gig-economy worker', registered: 8, attended: 4 },
  { name: 'Parents and carers', descriptor: 'Parent/carer', registered: 10, attended: 9 },
  { name: 'Co-production group', descriptor: 'Co-production member', registered: 7, attended: 6 },
];

const STAGE_THEMES: Record<string, string> = {
  'stage-onset': 'theme-access',
  'stage-self-care': 'theme-self-care',
  'stage-first-contact': 'theme-access',
  'stage-physio': 'theme-self-care',
  'stage-specialist': 'theme-joined-up',
};

interface PlannedSession {
  session: Session;
  cohort: Cohort;
  agenda: AgendaStep[];
  persona: SessionRecord['persona'];
}

/**
 * A realistic, fictional programme (a Healthwatch-style focus-group series for a community MSK
 * service redesign) that is the same for the same options: for the CLI's `demo`, tests and
 * benchmarks.
 * @example makeDemoProgramme({ sessions: 5, notes: 2000, themes: 40 })
 */
export function makeDemoProgramme(options: DemoOptions = {}): ProgrammeSnapshot {
  const random = seededRandom(options.seed ?? 20260301);
  const sessionCount = Math.max(1, options.sessions ?? 4);
  const noteCount = Math.max(0, options.notes ?? 180);
  const codebook = demoCodebook(Math.max(4, options.themes ?? 8));

  const planned = planSessions(sessionCount);
  const participants = makeParticipants(planned, random);
  const sessions = planned.map((p, i) =>
    fillSession(p, participants, codebook, random, notesFor(i, planned.length, noteCount)),
  );
  const snapshot: ProgrammeSnapshot = {
    programme: {
      id: 'demo-msk-2026',
      title: 'Community MSK service redesign: what local people told us',
      organisation: 'Healthwatch Demoshire (fictional)',
      commissioner: 'Demoshire Integrated Care Board',
      region: 'Demoshire',
      aims: [
        'Hear from residents, gig-economy workers and parents of children in physiotherapy about the community MSK service.',
        'Find out what people want to see, and do not want to see, in the redesigned service.',
        'Agree with participants how they will know the redesign got it right.',
      ],
      startDate: '2026-02-02',
      endDate: '2026-06-30',
      introduction:
        'The integrated care board is redesigning its community musculoskeletal (MSK) service. We ran a series of focus groups and a co-production group so that the people who use the service shape what it becomes.',
    },
    codebook,
    recommendations: DEMO_RECOMMENDATIONS.map((r, i): Recommendation => ({
      id: `rec-${i + 1}`,
      text: r.text,
      themeIds: r.themeIds,
      order: i,
    })),
    actions: DEMO_ACTIONS.map((a, i): Action => ({
      id: `action-${String(i + 1).padStart(2, '0')}`,
      ...a,
    })),
    sessions,
    participants,
  };
  return normaliseSnapshot(programmeSnapshotSchema.parse(snapshot));
}

function notesFor(index: number, sessions: number, total: number): number {
  const base = Math.floor(total / sessions);
  return base + (index < total % sessions ? 1 : 0);
}

function planSessions(count: number): PlannedSession[] {
  const fg = focusGroupTemplate();
  const walk = personaWalkthroughTemplate();
  const out: PlannedSession[] = [];
  const kinds: { kind: SessionKind; cohort: Cohort }[] = [
    { kind: 'focus-group', cohort: COHORTS[0] as Cohort },
    { kind: 'focus-group', cohort: COHORTS[1] as Cohort },
    { kind: 'focus-group', cohort: COHORTS[2] as Cohort },
    { kind: 'persona-walkthrough', cohort: COHORTS[3] as Cohort },
    { kind: 'reflect-back', cohort: COHORTS[3] as Cohort },
  ];
  for (let i = 0; i < count; i++) {
    const plan = kinds[i] ?? { kind: 'focus-group' as const, cohort: COHORTS[i % 3] as Cohort };
    const id = `session-${String(i + 1).padStart(2, '0')}`;
    const date = addDays('2026-03-03', i * 7);
    const base: Omit<Session, 'title' | 'kind'> = {
      id,
      mode: plan.kind === 'focus-group' ? (i % 2 === 0 ? 'in-person' : 'hybrid') : 'online',
      date,
      startTime: plan.cohort.descriptor === 'Gig-economy worker' ? '19:00' : '10:30',
      durationMinutes: 90,
      venue:
        plan.kind === 'focus-group'
          ? i % 2 === 0
            ? 'Demoshire Community Hub'
            : 'Riverside Library'
          : 'Online (video call)',
      cohort: plan.cohort.name,
      registeredCount: plan.cohort.registered,
      facilitators: ['Lead facilitator', 'Scribe'],
      recordingAgreed: plan.kind !== 'focus-group',
      status: 'closed',
    };
    if (plan.kind === 'focus-group') {
      out.push({
        session: {
          ...base,
          title: `Focus group: ${plan.cohort.name.toLowerCase()}${i >= 5 ? ` (${Math.floor(i / 3)})` : ''}`,
          kind: 'focus-group',
        },
        cohort: plan.cohort,
        agenda: fg.agenda,
        persona: null,
      });
    } else if (plan.kind === 'persona-walkthrough') {
      out.push({
        session: {
          ...base,
          title: `In ${walk.persona.name}\u2019s shoes`,
          kind: 'persona-walkthrough',
        },
        cohort: plan.cohort,
        agenda: walk.agenda,
        persona: walk.persona,
      });
    } else {
      out.push({
        session: {
          ...base,
          title: 'What we heard: checking it back with you',
          kind: 'reflect-back',
        },
        cohort: plan.cohort,
        agenda: [
          {
            id: 'step-reflect',
            type: 'reflect-back',
            title: 'Is this what you told us?',
            minutes: 60,
            prompt: 'Here are the themes from the groups. Does each say what you meant?',
          },
        ],
        persona: null,
      });
    }
  }
  return out;
}

function makeParticipants(planned: PlannedSession[], random: () => number): Participant[] {
  const out: Participant[] = [];
  const counters = new Map<string, number>();
  const byCohort = new Map<string, Participant[]>();
  for (const p of planned) {
    const pool = byCohort.get(p.cohort.name) ?? [];
    // A cohort's later sessions are mostly the same people, with a few new faces.
    const returning = pool.slice(0, Math.min(pool.length, p.cohort.attended - 1));
    const attendees = [...returning];
    while (attendees.length < p.cohort.attended) {
      const n = (counters.get(p.cohort.descriptor) ?? 0) + 1;
      counters.set(p.cohort.descriptor, n);
      const person = makePerson(
        `p-${p.cohort.descriptor.toLowerCase().replace(/[^a-z]+/g, '-')}-${n}`,
        `${p.cohort.descriptor} ${n}`,
        p,
        random,
      );
      pool.push(person);
      out.push(person);
      attendees.push(person);
    }
    byCohort.set(p.cohort.name, pool);
    attendees.forEach((person, i) => {
      person.attendance.push({
        sessionId: p.session.id,
        registered: i < Math.min(p.cohort.registered, p.cohort.attended) - 1,
        attended: true,
      });
    });
  }
  return out;
}

function makePerson(
  id: string,
  descriptor: string,
  p: PlannedSession,
  random: () => number,
): Participant {
  const consentAt = `${addDays(p.session.date, -3)}T12:00:00.000Z`;
  const quote = random() < 0.8;
  const withContact = random() < 0.5;
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const notAsked = () => random() < 0.05;
  return {
    id,
    descriptor,
    cohort: p.cohort.name,
    consent: {
      storeWords: { given: true, at: consentAt },
      quoteAnonymously: { given: quote, at: consentAt },
      recording: { given: p.session.recordingAgreed && random() < 0.9, at: consentAt },
    },
    demographics: {
      gender: notAsked() ? null : pickWeighted(random, GENDER_WEIGHTS),
      ageBand: notAsked()
        ? null
        : pickWeighted(
            random,
            p.cohort.descriptor === 'Parent/carer' ? PARENT_AGE_WEIGHTS : AGE_WEIGHTS,
          ),
      ethnicity: notAsked() ? null : pickWeighted(random, ETHNICITY_WEIGHTS),
      town: random() < 0.08 ? 'prefer-not-to-say' : pick(random, TOWNS),
    },
    attendance: [],
    contact: withContact
      ? {
          name: `${first} ${last}`,
          email: `${first}.${last}@example.org`.toLowerCase(),
          phone:
            random() < 0.6
              ? `07700 900${String(Math.floor(random() * 1000)).padStart(3, '0')}`
              : null,
        }
      : null,
  };
}

function fillSession(
  p: PlannedSession,
  participants: Participant[],
  codebook: Theme[],
  random: () => number,
  noteCount: number,
): SessionRecord {
  const attendees = participants.filter((x) =>
    x.attendance.some((a) => a.sessionId === p.session.id),
  );
  const stepsWithWords = p.agenda.filter((s) => s.type !== 'free');
  const notes: Note[] = [];
  const start = Date.parse(`${p.session.date}T${p.session.startTime ?? '10:00'}:00.000Z`);
  for (let i = 0; i < noteCount; i++) {
    const step =
      stepsWithWords[Math.floor((i / Math.max(1, noteCount)) * stepsWithWords.length)] ?? null;
    const rootId = stepTheme(step) ?? pick(random, Object.keys(PHRASES));
    const r = random();
    const polarity: Polarity = r < 0.45 ? 'want' : r < 0.87 ? 'do-not-want' : 'neutral';
    const bank = PHRASES[rootId]?.[polarity] ?? [];
    let text = pick(random, bank);
    const personal = random() < 0.04;
    if (personal) text += pick(random, PERSONAL_DETAIL_TAILS);
    const person = attendees.length > 0 ? pick(random, attendees) : null;
    const a = random();
    const subs = codebook.filter((t) => t.id !== rootId && rootThemeId(codebook, t.id) === rootId);
    const themeIds = [rootId];
    if (subs.length > 0 && random() < 0.6) themeIds.push(pick(random, subs).id);
    notes.push({
      id: `${p.session.id}-note-${String(i + 1).padStart(4, '0')}`,
      text,
      kind: step?.type === 'story-round' ? 'story' : polarity === 'want' ? 'suggestion' : 'comment',
      stepId: step?.id ?? null,
      author:
        person && a < 0.7
          ? { type: 'participant', participantId: person.id }
          : {
              type: 'facilitator',
              facilitator: 'Scribe',
              capturedFor: person && a < 0.9 ? person.id : null,
            },
      createdAt: new Date(
        start + Math.floor(((i + 1) / (noteCount + 1)) * 85 * 60_000),
      ).toISOString(),
      polarity,
      themeIds: codebook.some((t) => t.id === rootId) ? themeIds : [],
      quotable: random() < 0.6,
      hidden: random() < 0.03,
      // A facilitator would not show the room words that carry someone's contact details.
      shared: random() < 0.3 && !personal,
      withdrawn: false,
    });
  }
  return {
    session: p.session,
    agenda: p.agenda,
    persona: p.persona,
    currentStepId: null,
    notes,
    reflectCards: makeCards(p, attendees, random),
    debrief: {
      dueDate: addDays(p.session.date, 14),
      summary:
        `${attendees.length} people came (${p.cohort.registered} had registered). ${DEMO_KEY_MESSAGES[p.session.kind]?.[0] ?? ''}`.trim(),
      keyMessages: DEMO_KEY_MESSAGES[p.session.kind] ?? [],
      confirmedWithGroup: p.session.kind !== 'focus-group' || random() < 0.7,
      confirmedAt: `${addDays(p.session.date, 12)}T16:00:00.000Z`,
    },
  };
}

function stepTheme(step: AgendaStep | null): string | null {
  if (!step) return null;
  if (step.type === 'theme-discussion') return step.themeId;
  if (step.type === 'persona-stage') return STAGE_THEMES[step.stageId] ?? null;
  return null;
}

function makeCards(
  p: PlannedSession,
  attendees: Participant[],
  random: () => number,
): ReflectCard[] {
  if (!p.agenda.some((s) => s.type === 'reflect-back')) return [];
  const statements: [string, string, Polarity][] = [
    ['You want to be able to refer yourself to physiotherapy.', 'theme-access', 'want'],
    [
      'Long waits with no contact leave people feeling forgotten.',
      'theme-information',
      'do-not-want',
    ],
    ['Exercises must fit around work and caring.', 'theme-self-care', 'want'],
    ['You do not want to repeat your story to every new person.', 'theme-joined-up', 'do-not-want'],
  ];
  const votes: Vote[] = ['agree', 'agree', 'agree', 'not-quite', 'disagree'];
  return statements.map(([text, themeId, polarity], i) => ({
    id: `${p.session.id}-card-${i + 1}`,
    text,
    themeId,
    polarity,
    order: i,
    votes: Object.fromEntries(
      attendees.filter(() => random() < 0.8).map((a) => [a.id, pick(random, votes)]),
    ),
    comments:
      i === 1 && attendees[0]
        ? [
            {
              id: `${p.session.id}-card-2-c1`,
              participantId: attendees[0].id,
              text: 'And when they do ring, the letter has already gone to the wrong address.',
              at: `${p.session.date}T11:40:00.000Z`,
            },
          ]
        : [],
  }));
}
