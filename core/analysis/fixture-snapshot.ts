import type { Note, Participant } from '../model/index.ts';
import { type ProgrammeSnapshot, programmeSnapshotSchema } from '../snapshot/snapshot.ts';

/**
 * A small, precise programme for tests: every number in it is known, and it holds exactly the
 * personal data redaction must remove (listed in FIXTURE_SECRETS). Not demo data: the demo
 * programme lives in core/demo.
 */
export const FIXTURE_SECRETS = [
  'Margaret Oyelaran',
  'Oyelaran',
  'margaret.o@example.org',
  '07700 900123',
  'Dev Mistry',
  'Mistry',
  'dev.m@example.net',
  '0113 496 0000',
  'Priya Chandra',
  'priya.c@example.com',
  // Written inside note text:
  'help.me@example.co.uk',
  '943 476 5919',
  'LS6 2QT',
  '+44 7700 900456',
  // The words of someone who did not consent to their words being kept:
  'should never appear anywhere',
  // A hidden note and a withdrawn note:
  'hidden by the facilitator',
  'withdrawn by its author',
] as const;

const at = (day: number, minute: number) =>
  `2026-03-${String(day).padStart(2, '0')}T18:${String(minute).padStart(2, '0')}:00.000Z`;

function participant(
  id: string,
  descriptor: string,
  cohort: string,
  opts: {
    quote?: boolean;
    store?: boolean;
    contact?: Participant['contact'];
    demographics: Participant['demographics'];
    attendance: Participant['attendance'];
  },
): Participant {
  const given = (g: boolean) => ({ given: g, at: g ? '2026-03-01T10:00:00.000Z' : null });
  return {
    id,
    descriptor,
    cohort,
    consent: {
      storeWords: given(opts.store ?? true),
      quoteAnonymously: given(opts.quote ?? true),
      recording: given(true),
    },
    demographics: opts.demographics,
    attendance: opts.attendance,
    contact: opts.contact ?? null,
  };
}

let noteSeq = 0;
function note(
  stepId: string | null,
  pid: string | null,
  text: string,
  polarity: Note['polarity'],
  themeIds: string[],
  extra: Partial<Note> = {},
): Note {
  noteSeq += 1;
  return {
    id: `n${noteSeq}`,
    text,
    kind: 'comment',
    stepId,
    author:
      pid === null
        ? { type: 'facilitator', facilitator: 'Lead facilitator', capturedFor: null }
        : { type: 'participant', participantId: pid },
    createdAt: at(10 + Math.floor(noteSeq / 20), noteSeq % 60),
    polarity,
    themeIds,
    quotable: false,
    hidden: false,
    shared: false,
    withdrawn: false,
    ...extra,
  };
}

const RESIDENTS = 'Residents and service users';
const PARENTS = 'Parents and carers';

/** Builds the fixture; a fresh copy each call, so a test may change it freely. */
export function makeFixtureSnapshot(): ProgrammeSnapshot {
  noteSeq = 0;
  const s1 = 's1';
  const s2 = 's2';
  const reg = (sessionId: string, registered: boolean, attended: boolean) => ({
    sessionId,
    registered,
    attended,
  });
  const participants: Participant[] = [
    participant('p1', 'Resident 1', RESIDENTS, {
      contact: {
        name: 'Margaret Oyelaran',
        email: 'margaret.o@example.org',
        phone: '07700 900123',
      },
      demographics: { gender: 'woman', ageBand: '65-74', ethnicity: 'black', town: 'Leeds' },
      attendance: [reg(s1, true, true)],
    }),
    participant('p2', 'Resident 2', RESIDENTS, {
      quote: false,
      contact: { name: 'Dev Mistry', email: 'dev.m@example.net', phone: '0113 496 0000' },
      demographics: { gender: 'man', ageBand: '45-54', ethnicity: 'asian', town: 'leeds ' },
      attendance: [reg(s1, true, true)],
    }),
    participant('p3', 'Resident 3', RESIDENTS, {
      demographics: {
        gender: 'prefer-not-to-say',
        ageBand: '75-plus',
        ethnicity: 'white',
        town: 'Otley',
      },
      attendance: [reg(s1, false, true)],
    }),
    participant('p4', 'Parent/carer 1', PARENTS, {
      contact: { name: 'Priya Chandra', email: 'priya.c@example.com', phone: null },
      demographics: { gender: 'woman', ageBand: '35-44', ethnicity: 'asian', town: 'Bradford' },
      attendance: [reg(s2, true, true)],
    }),
    participant('p5', 'Parent/carer 2', PARENTS, {
      store: false,
      demographics: { gender: 'woman', ageBand: '25-34', ethnicity: null, town: null },
      attendance: [reg(s2, true, true)],
    }),
    participant('p6', 'Parent/carer 3', PARENTS, {
      demographics: { gender: 'man', ageBand: '35-44', ethnicity: 'mixed', town: 'Bradford' },
      attendance: [reg(s2, true, false)],
    }),
  ];
  const snapshot: ProgrammeSnapshot = {
    programme: {
      id: 'prog1',
      title: 'Community MSK service redesign',
      organisation: 'Healthwatch Example',
      commissioner: 'Example Integrated Care Board',
      region: 'West Yorkshire',
      aims: ['Hear what people want from a community MSK service', 'Shape the new referral route'],
      startDate: '2026-03-01',
      endDate: '2026-04-30',
      introduction: 'The ICB is redesigning community musculoskeletal (MSK) services.',
    },
    codebook: [
      {
        id: 't-access',
        name: 'Access',
        description: 'Getting seen',
        colour: '#0072b2',
        parentId: null,
        order: 0,
      },
      {
        id: 't-wait',
        name: 'Waiting times',
        description: 'How long people wait',
        colour: '#e69f00',
        parentId: 't-access',
        order: 0,
      },
      {
        id: 't-comms',
        name: 'Communication',
        description: 'Letters, calls, information',
        colour: '#009e73',
        parentId: null,
        order: 1,
      },
      {
        id: 't-unused',
        name: 'Estates',
        description: 'Buildings',
        colour: '#cc79a7',
        parentId: null,
        order: 2,
      },
    ],
    recommendations: [
      {
        id: 'r1',
        text: 'Offer a text reminder before every appointment.',
        themeIds: ['t-comms'],
        order: 0,
      },
      { id: 'r2', text: 'Publish expected waiting times.', themeIds: ['t-wait'], order: 1 },
    ],
    actions: [
      {
        id: 'a1',
        heard: 'Nobody tells you how long the wait will be.',
        done: 'Waiting times now shown on the service web page.',
        owner: 'Service manager',
        due: '2026-05-01',
        status: 'done',
        term: 'short',
        themeIds: ['t-wait'],
        shared: true,
      },
      {
        id: 'a2',
        heard: 'Letters are hard to read.',
        done: 'Rewriting letters with the group.',
        owner: 'Comms lead',
        due: null,
        status: 'in-progress',
        term: 'long',
        themeIds: ['t-comms'],
        shared: false,
      },
    ],
    sessions: [
      {
        session: {
          id: s1,
          title: 'Focus group 1: residents',
          kind: 'focus-group',
          mode: 'in-person',
          date: '2026-03-10',
          startTime: '18:00',
          durationMinutes: 90,
          venue: 'Community centre',
          cohort: RESIDENTS,
          registeredCount: 4,
          facilitators: ['Lead facilitator', 'Scribe'],
          recordingAgreed: true,
          status: 'closed',
        },
        agenda: [
          {
            id: 'st1',
            title: 'Getting seen',
            minutes: 30,
            type: 'theme-discussion',
            themeId: 't-access',
            questions: ['How did you first get help?', 'How will you tell us we got it right?'],
          },
          {
            id: 'st2',
            title: 'Information',
            minutes: 30,
            type: 'theme-discussion',
            themeId: 't-comms',
            questions: ['What would good information look like?'],
          },
        ],
        persona: null,
        currentStepId: null,
        notes: [
          note(
            'st1',
            'p1',
            'I waited eight months for physiotherapy and heard nothing.',
            'do-not-want',
            ['t-wait'],
            { quotable: true },
          ),
          note(
            'st1',
            'p1',
            'A clear waiting time on the letter, Margaret Oyelaran here, email margaret.o@example.org',
            'want',
            ['t-wait'],
          ),
          note(
            'st1',
            'p2',
            'Being able to self-refer without seeing the GP first.',
            'want',
            ['t-access'],
            { quotable: true },
          ),
          note(
            'st1',
            'p2',
            'My NHS number is 943 476 5919 and they still lost my referral.',
            'do-not-want',
            ['t-access', 't-wait'],
          ),
          note(
            'st1',
            'p3',
            'Call me on +44 7700 900456 or write to LS6 2QT, nobody did.',
            'do-not-want',
            ['t-comms'],
            { quotable: true },
          ),
          note(
            'st1',
            null,
            'Several people said waiting without news was the worst part.',
            'neutral',
            ['t-wait'],
          ),
          note('st2', 'p3', 'Letters in plain English with a named contact.', 'want', ['t-comms'], {
            quotable: true,
          }),
          note('st2', 'p1', 'Text reminders before appointments.', 'want', ['t-comms']),
          note('st2', 'p2', 'Email help.me@example.co.uk never answers.', 'do-not-want', [
            't-comms',
          ]),
          note('st2', 'p1', 'This note was hidden by the facilitator.', 'want', ['t-comms'], {
            hidden: true,
          }),
          note('st2', 'p2', 'This note was withdrawn by its author.', 'want', ['t-comms'], {
            withdrawn: true,
          }),
          note('st2', 'p1', 'Phone lines that are always engaged.', 'do-not-want', []),
        ],
        reflectCards: [],
        debrief: {
          dueDate: '2026-03-24',
          summary: 'Waiting without news and hard-to-read letters came up most.',
          keyMessages: [
            'People want to know how long they will wait',
            'Letters must be plain English',
          ],
          confirmedWithGroup: true,
          confirmedAt: '2026-03-20T12:00:00.000Z',
        },
      },
      {
        session: {
          id: s2,
          title: 'Focus group 2: parents and carers',
          kind: 'focus-group',
          mode: 'online',
          date: '2026-03-17',
          startTime: '19:00',
          durationMinutes: 60,
          venue: 'Online (video call)',
          cohort: PARENTS,
          registeredCount: 8,
          facilitators: ['Lead facilitator'],
          recordingAgreed: false,
          status: 'closed',
        },
        agenda: [
          {
            id: 'st3',
            title: 'Your child’s physiotherapy',
            minutes: 40,
            type: 'story-round',
            prompt: 'Tell us about your child’s physiotherapy so far.',
          },
        ],
        persona: null,
        currentStepId: null,
        notes: [
          note(
            'st3',
            'p4',
            'Appointments after school so my child does not miss lessons.',
            'want',
            ['t-access'],
            { quotable: true },
          ),
          note(
            'st3',
            'p4',
            'Being passed between services with nobody in charge, Priya Chandra',
            'do-not-want',
            ['t-comms'],
            { quotable: true },
          ),
          note('st3', 'p5', 'These words should never appear anywhere.', 'want', ['t-access'], {
            quotable: true,
          }),
          note('st3', 'p6', 'Exercises shown as short videos we can watch at home.', 'want', [
            't-comms',
          ]),
        ],
        reflectCards: [],
        debrief: {
          dueDate: '2026-03-31',
          summary: '',
          keyMessages: [],
          confirmedWithGroup: false,
          confirmedAt: null,
        },
      },
    ],
    participants,
  };
  return programmeSnapshotSchema.parse(snapshot);
}
