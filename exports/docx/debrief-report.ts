import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ExportView } from '../../core/analysis/index.ts';
import {
  attendanceBySession,
  erasureLine,
  mergeStatements,
  buildKeyThemeTable,
  outcomeSentence,
  reflectOutcomes,
  selectQuotes,
  distinctWording,
  sessionCloud,
} from '../../core/analysis/index.ts';
import {
  AGENDA_STEP_LABELS,
  POLARITY_LABELS,
  SESSION_KIND_LABELS,
  stepQuestions,
  type ReflectCard,
} from '../../core/index.ts';
import type { ProgressFn } from '../common/progress.ts';
import { progressTracker } from '../common/progress.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, bullets, detailsTable, heading, para, quote, table } from './blocks.ts';
import { packDocument } from './document.ts';
import { cloudBlocks } from './pictures.ts';
import { keyThemeTableBlock, statementLine, statusLabel } from './programme-findings.ts';

export interface DebriefOptions {
  sessionId: string;
  date: Date;
  onProgress?: ProgressFn;
  /** Print the cloud's every word and count below it (off by default: pages of counts pad a debrief). */
  wordTables?: boolean;
}

/** What was read back to the group and what they decided, card by card. */
function reflectBackBlocks(cards: ReflectCard[], view: ExportView): Block[] {
  const outcomes = reflectOutcomes(cards, view.snapshot.codebook);
  if (outcomes.length === 0) return [];
  return [
    heading('Read back to the group', 1),
    table(
      ['Read back', 'Votes', 'What the group decided', 'Wording agreed'],
      outcomes.map((o) => [
        o.theme ? `${o.readBack} (${o.theme})` : o.readBack,
        `${o.votes.agree} yes, ${o.votes.notQuite} not quite, ${o.votes.disagree} no`,
        outcomeSentence(o, formatDate),
        // Nothing was agreed until the group decided.
        o.outcome === 'rejected' ? 'None' : o.outcome === null ? 'Not decided' : o.finalWording,
      ]),
      [0.3, 0.16, 0.24, 0.3],
    ),
  ];
}

const MODES = { 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid' } as const;

/**
 * The debrief of one session, as a .docx: details, attendance, agenda, what was heard at each
 * step, the session's key theme table, its word cloud with word table, quotes, key messages,
 * actions, and when the debrief is due and whether the group confirmed it.
 */
export async function debriefDocx(view: ExportView, options: DebriefOptions): Promise<Buffer> {
  const rec = view.sessions.get(options.sessionId);
  if (!rec) throw new Error(`unknown session ${options.sessionId}`);
  const progress = progressTracker(4, options.onProgress);
  progress.step('analysing notes');
  const s = rec.session;
  const notes = view.notes.filter((n) => n.session.id === s.id);
  const att = attendanceBySession(view.snapshot).find((a) => a.session.id === s.id);
  const body: Block[] = [
    new Paragraph({ text: `Session debrief: ${s.title}`, heading: 'Title' }),
    para(`${view.snapshot.programme.title}, ${view.snapshot.programme.organisation}`),
    heading('Session details', 1),
    detailsTable([
      ['Session', s.title],
      ['Kind', SESSION_KIND_LABELS[s.kind]],
      ['Date', formatDate(s.date)],
      [
        'Time',
        s.startTime
          ? `${s.startTime}, ${s.durationMinutes} minutes`
          : `${s.durationMinutes} minutes`,
      ],
      ['Format', MODES[s.mode]],
      ['Venue', s.venue || 'Not recorded'],
      ['Cohort', s.cohort || 'Mixed'],
      ['Facilitators', s.facilitators.join(', ') || 'Not recorded'],
      ['Recording', s.recordingAgreed ? 'Recorded, as the group agreed' : 'Not recorded'],
    ]),
    heading('Attendance', 1),
    table(
      ['Registered', 'Attended', 'Registered and came', 'Came without registering'],
      [
        [
          att?.registered ?? 0,
          att?.attended ?? 0,
          att?.registeredAndAttended ?? 0,
          att?.walkIns ?? 0,
        ],
      ],
    ),
    ...(att && att.erased > 0
      ? [
          para(
            erasureLine(
              view.snapshot.participants.filter(
                (p) => p.erasedAt && p.attendance.some((a) => a.sessionId === s.id),
              ),
            ) ?? '',
          ),
        ]
      : []),
    heading('Agenda', 1),
    rec.agenda.length === 0
      ? para('No agenda was recorded.')
      : table(
          ['Step', 'Kind', 'Minutes', 'Questions'],
          rec.agenda.map((st) => [
            st.title,
            AGENDA_STEP_LABELS[st.type],
            st.minutes,
            stepQuestions(st, rec.persona),
          ]),
          [0.24, 0.16, 0.12, 0.48],
        ),
    heading('What was heard', 1),
  ];
  progress.step('writing what was heard');
  const steps = [
    ...rec.agenda.map((st) => ({ id: st.id as string | null, title: st.title })),
    { id: null, title: 'Outside the agenda' },
  ];
  for (const st of steps) {
    const here = notes.filter((n) => n.note.stepId === st.id);
    if (here.length === 0 && st.id === null) continue;
    body.push(heading(st.title, 2));
    if (here.length === 0) {
      body.push(para('No notes were recorded at this step.'));
      continue;
    }
    for (const polarity of ['want', 'do-not-want', 'neutral'] as const) {
      // The same thing said twice, or merged on the board, is one line saying who said it.
      const texts = mergeStatements(here.filter((n) => n.note.polarity === polarity)).map(
        statementLine,
      );
      if (texts.length > 0) body.push(heading(POLARITY_LABELS[polarity], 3), ...bullets(texts));
    }
  }
  body.push(
    heading('Key theme table', 1),
    keyThemeTableBlock(view, buildKeyThemeTable(view, { sessionId: s.id }), { sessionId: s.id }),
  );
  progress.step('drawing the word cloud');
  const cloud = cloudBlocks(
    sessionCloud(view, s.id),
    'Figure 1',
    options.wordTables === true ? 'below' : null,
  );
  body.push(heading('Word cloud', 1), ...cloud.picture);
  if (options.wordTables === true && cloud.words.length > 0)
    body.push(heading('Word table', 2), ...cloud.words);
  const quotes = distinctWording(selectQuotes(view, { sessionId: s.id }));
  body.push(heading('Quotes', 1));
  if (quotes.length === 0)
    body.push(
      para('No notes from this session were marked for quoting by people who agreed to be quoted.'),
    );
  for (const q of quotes) body.push(...quote(q.text, q.attribution));
  body.push(...reflectBackBlocks(rec.reflectCards, view));
  body.push(heading('Key messages', 1));
  body.push(
    ...(rec.debrief.keyMessages.length > 0
      ? bullets(rec.debrief.keyMessages)
      : [para('No key messages were recorded yet.')]),
  );
  if (rec.debrief.summary.trim())
    body.push(heading('Summary', 2), para(rec.debrief.summary.trim()));
  const themeIds = new Set(notes.flatMap((n) => n.note.themeIds));
  const actions = view.snapshot.actions.filter((a) => a.themeIds.some((id) => themeIds.has(id)));
  body.push(heading('Actions', 1));
  body.push(
    actions.length === 0
      ? para('No actions are linked to the themes of this session yet.')
      : table(
          ['You said', 'We will do / did', 'Owner', 'Due', 'Status'],
          actions.map((a) => [
            a.heard,
            a.done,
            a.owner,
            a.due ? formatDate(a.due) : 'Not set',
            statusLabel(a.status),
          ]),
          [0.28, 0.32, 0.14, 0.14, 0.12],
        ),
  );
  const d = rec.debrief;
  body.push(
    heading('Debrief', 1),
    detailsTable([
      ['Debrief due', d.dueDate ? formatDate(d.dueDate) : 'Not set'],
      [
        'Confirmed with the group',
        d.confirmedWithGroup
          ? `Yes${d.confirmedAt ? `, on ${formatDate(d.confirmedAt)}` : ''}`
          : 'Not yet',
      ],
    ]),
  );
  progress.step('writing the document');
  const title = `Session debrief: ${s.title}`;
  const buffer = await packDocument(
    {
      title,
      subject: 'Session debrief',
      description: `Debrief of ${s.title}, ${formatDate(s.date)}`,
      date: options.date,
    },
    [
      {
        children: body,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${title}  ·  Page `, size: 18 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                ],
              }),
            ],
          }),
        },
      },
    ],
  );
  progress.finish();
  return buffer;
}
