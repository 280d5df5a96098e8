import type { Note, Polarity, Session, Theme } from '../model/index.ts';
import { seededRandom } from '../random.ts';
import type { BoardSession } from './board.ts';

/**
 * A second fixture for measuring theme suggestions, unlike the demo in topic and shape: a GP
 * practice's access review, no agenda steps to lean on (so only the words count), themes two
 * levels deep where each sub-theme has its own statements. All text was written for it.
 */
const BANK: Record<string, Record<string, [Polarity, string][]>> = {
  Booking: {
    'Phone queue': [
      ['do-not-want', 'ringing at eight and being number thirty in the queue'],
      ['do-not-want', 'the line cuts off after twenty minutes on hold'],
      ['want', 'a call back slot instead of waiting on hold'],
      ['want', 'more receptionists answering the phones first thing'],
    ],
    'Online booking': [
      ['want', 'book an appointment on the app in the evening'],
      ['do-not-want', 'the online form closes by nine in the morning'],
      ['want', 'see every free slot online, not just a few'],
      ['do-not-want', 'the website logs me out before the form is sent'],
    ],
  },
  Continuity: {
    'Same doctor': [
      ['want', 'seeing the same GP who knows my history'],
      ['do-not-want', 'explaining my whole story to a new doctor every time'],
      ['want', 'a named doctor for people with long term conditions'],
      ['do-not-want', 'locums who have not read my notes'],
    ],
    'Follow-up': [
      ['want', 'the surgery rings me back with test results'],
      ['do-not-want', 'chasing blood results myself for weeks'],
      ['want', 'a review booked before I leave the room'],
      ['do-not-want', 'no follow up after a hospital discharge'],
    ],
  },
  Prescriptions: {
    'Repeat medicines': [
      ['want', 'repeat prescriptions sent straight to my chemist'],
      ['do-not-want', 'my repeat medication request lost again'],
      ['want', 'a medication review once a year with the pharmacist'],
      ['do-not-want', 'running out of tablets over a bank holiday'],
    ],
    Pharmacy: [
      ['want', 'the chemist can treat minor illness without a GP'],
      ['do-not-want', 'the pharmacy says the prescription never arrived'],
      ['want', 'pharmacy open late on weekdays'],
      ['do-not-want', 'queues outside the chemist in the rain'],
    ],
  },
  Accessibility: {
    Interpreters: [
      ['want', 'an interpreter booked with the appointment'],
      ['do-not-want', 'my child having to translate for me'],
      ['want', 'letters in my own language'],
      ['do-not-want', 'phone interpreter line that never connects'],
    ],
    'Physical access': [
      ['want', 'a ramp and automatic door at the entrance'],
      ['do-not-want', 'consulting rooms upstairs with no lift'],
      ['want', 'a hearing loop at reception'],
      ['do-not-want', 'nowhere to park a wheelchair accessible car'],
    ],
  },
  'Mental health': {
    'Talking therapy': [
      ['want', 'counselling offered at the practice'],
      ['do-not-want', 'a six month wait for talking therapy'],
      ['want', 'self referral to therapy without seeing the doctor'],
      ['do-not-want', 'being handed a leaflet about anxiety and nothing else'],
    ],
    Crisis: [
      ['want', 'a number to call when things get bad at night'],
      ['do-not-want', 'told to go to A&E in a crisis and wait all night'],
      ['want', 'staff trained to spot when someone is struggling'],
      ['do-not-want', 'crisis team that never calls back'],
    ],
  },
};
const LEADS = ['', '', 'For me, ', 'Honestly, ', 'My mum says ', 'I think ', 'We need '];
const TAILS = [
  '',
  '',
  '.',
  ' please.',
  ', it matters.',
  ' for working people.',
  ' every single time.',
];

export function makeGpAccessProgramme(seed = 7): { codebook: Theme[]; sessions: BoardSession[] } {
  const random = seededRandom(seed);
  const codebook: Theme[] = [];
  const leaves: { root: string; sub: string; lines: [Polarity, string][] }[] = [];
  Object.entries(BANK).forEach(([root, subs], i) => {
    const rootId = `gp-${i}`;
    codebook.push({
      id: rootId,
      name: root,
      description: '',
      colour: '#0072b2',
      parentId: null,
      order: i,
    });
    Object.entries(subs).forEach(([sub, lines], j) => {
      const id = `${rootId}-${j}`;
      codebook.push({
        id,
        name: sub,
        description: '',
        colour: '#0072b2',
        parentId: rootId,
        order: j,
      });
      leaves.push({ root: rootId, sub: id, lines });
    });
  });
  const sessions: BoardSession[] = [0, 1, 2].map((k) => {
    const session: Session = {
      id: `gp-s${k + 1}`,
      title: `Listening event ${k + 1}`,
      kind: 'focus-group',
      mode: 'in-person',
      date: `2026-04-0${k + 1}`,
      startTime: '18:00',
      durationMinutes: 90,
      venue: 'Practice meeting room',
      cohort: ['Older patients', 'Carers', 'Working age'][k] as string,
      registeredCount: 12,
      facilitators: ['Practice manager'],
      recordingAgreed: false,
      status: 'closed',
    };
    const notes: Note[] = [];
    for (let i = 0; i < 80; i += 1) {
      const leaf = leaves[Math.floor(random() * leaves.length)]!;
      const [polarity, line] = leaf.lines[Math.floor(random() * leaf.lines.length)]!;
      const lead = LEADS[Math.floor(random() * LEADS.length)]!;
      const tail = TAILS[Math.floor(random() * TAILS.length)]!;
      const text = `${lead}${line}${tail}`;
      notes.push({
        id: `${session.id}-n${i}`,
        text: text.charAt(0).toUpperCase() + text.slice(1),
        kind: 'comment',
        stepId: null,
        author: { type: 'facilitator', facilitator: 'Scribe', capturedFor: null },
        createdAt: new Date(Date.parse(`${session.date}T18:00:00Z`) + i * 60_000).toISOString(),
        polarity,
        themeIds: random() < 0.7 ? [leaf.root, leaf.sub] : [leaf.sub],
        quotable: false,
        hidden: false,
        shared: false,
        withdrawn: false,
      });
    }
    return { session, agenda: [], persona: null, notes };
  });
  return { codebook, sessions };
}
