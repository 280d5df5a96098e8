import type { Action, SessionKind } from '../model/index.ts';

/** "You said, we did" rows for the demo: some done, some under way, short and long term. */
export const DEMO_ACTIONS: Omit<Action, 'id'>[] = [
  {
    heard: 'People want to refer themselves to physiotherapy without a GP appointment.',
    done: 'A self-referral form went live on the service website and at GP reception desks in May.',
    owner: 'MSK service manager',
    due: '2026-05-31',
    status: 'done',
    term: 'short',
    themeIds: ['theme-access'],
    shared: true,
  },
  {
    heard: 'Waiting with no contact leaves people feeling forgotten.',
    done: 'Everyone on the waiting list now gets a text every four weeks with their place and a number to call.',
    owner: 'Patient administration lead',
    due: '2026-06-30',
    status: 'done',
    term: 'short',
    themeIds: ['theme-information'],
    shared: true,
  },
  {
    heard: 'Appointments only in working hours shut out people paid by the job.',
    done: 'Two evening clinics a week are being piloted at the community hub from September.',
    owner: 'Clinical lead, physiotherapy',
    due: '2026-09-30',
    status: 'in-progress',
    term: 'short',
    themeIds: ['theme-access'],
    shared: true,
  },
  {
    heard: 'Exercise sheets alone do not keep people going.',
    done: 'Short exercise videos are being filmed with members of the co-production group.',
    owner: 'Physiotherapy team',
    due: '2026-10-31',
    status: 'in-progress',
    term: 'short',
    themeIds: ['theme-self-care', 'theme-information'],
    shared: true,
  },
  {
    heard: 'People have to tell their story again to everyone they see.',
    done: 'The board has asked for a shared MSK record across GP, physiotherapy and orthopaedics.',
    owner: 'Digital programme board',
    due: '2027-03-31',
    status: 'open',
    term: 'long',
    themeIds: ['theme-joined-up'],
    shared: true,
  },
  {
    heard: 'Living with pain wears people down; mental health support is missing.',
    done: 'Talking-therapies staff will join the MSK team for one day a week in the new service.',
    owner: 'ICB commissioning manager',
    due: '2027-04-30',
    status: 'open',
    term: 'long',
    themeIds: ['theme-joined-up'],
    shared: false,
  },
  {
    heard: 'Parents want children\u2019s exercises to fit with school.',
    done: 'Physiotherapists will offer a short session to school staff in the autumn term.',
    owner: 'Paediatric physiotherapy lead',
    due: '2026-12-15',
    status: 'in-progress',
    term: 'short',
    themeIds: ['theme-self-care'],
    shared: true,
  },
  {
    heard: 'Parking at the hospital costs more than some people earn in an hour.',
    done: 'Not possible in this redesign: parking is run by the hospital trust. We have passed it on.',
    owner: 'ICB commissioning manager',
    due: null,
    status: 'not-doing',
    term: 'long',
    themeIds: ['theme-access'],
    shared: true,
  },
];

export const DEMO_RECOMMENDATIONS: { text: string; themeIds: string[] }[] = [
  {
    text: 'Offer self-referral to physiotherapy for adults, online, by phone and in person.',
    themeIds: ['theme-access'],
  },
  {
    text: 'Provide appointments outside working hours and in community venues on bus routes.',
    themeIds: ['theme-access'],
  },
  {
    text: 'Keep people on the waiting list informed at least monthly, in the way they choose.',
    themeIds: ['theme-information'],
  },
  {
    text: 'Give every patient exercises they can do in short bursts, with videos and a check-in call.',
    themeIds: ['theme-self-care'],
  },
  { text: 'Build a shared record so people tell their story once.', themeIds: ['theme-joined-up'] },
  {
    text: 'Ask the groups back in a year and let them judge the service against what they said.',
    themeIds: ['theme-access', 'theme-information', 'theme-self-care', 'theme-joined-up'],
  },
];

export const DEMO_KEY_MESSAGES: Partial<Record<SessionKind, string[]>> = {
  'focus-group': [
    'Waiting is hard mostly because nobody keeps in touch.',
    'Self-referral and appointments outside work hours came up again and again.',
    'People want exercises that fit their lives, and someone to check in.',
  ],
  'persona-walkthrough': [
    'The group saw the first three weeks as the point where people get lost.',
    'At every stage the ideal was one named contact who knows the story.',
  ],
  'reflect-back': [
    'The group agreed with most of what we read back; they asked us to say more about cost.',
  ],
};
