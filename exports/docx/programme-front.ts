import { AlignmentType, Paragraph, TableOfContents, TextRun } from 'docx';
import { tallyDemographics } from '../../core/analysis/index.ts';
import { SESSION_KIND_LABELS } from '../../core/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, bullets, heading, numbered, para, table } from './blocks.ts';
import { type ReportData, plural } from './programme-context.ts';

/** Title page: what, for whom, by whom, when. */
export function titlePage(data: ReportData, date: Date): Block[] {
  const p = data.view.snapshot.programme;
  const line = (text: string, size: number, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { after: 240 },
      children: [new TextRun({ text, size, bold })],
    });
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ text: p.title, heading: 'Title' }),
    line('Report of the engagement programme', 32),
    ...(p.commissioner ? [line(`Prepared for ${p.commissioner}`, 28)] : []),
    line(`By ${p.organisation}`, 28),
    ...(p.region ? [line(p.region, 24)] : []),
    line(formatDate(date), 24),
  ];
}

/** Contents, filled in from the headings with the page numbers Word would give them. */
export function contents(): Block[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: 'Contents', bold: true, size: 36, color: '003087' })],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

export function introduction(data: ReportData): Block[] {
  const p = data.view.snapshot.programme;
  const out: Block[] = [heading('Introduction', 1, true)];
  for (const text of p.introduction.split(/\n\s*\n/).filter((t) => t.trim() !== '')) {
    out.push(para(text.trim()));
  }
  if (p.aims.length > 0) {
    out.push(para('The programme set out to:'), ...bullets(p.aims));
  }
  if (p.startDate || p.endDate) {
    const from = p.startDate ? formatDate(p.startDate) : 'its start';
    const to = p.endDate ? formatDate(p.endDate) : 'now';
    out.push(para(`It ran from ${from} to ${to}.`));
  }
  return out;
}

export function methodology(data: ReportData): Block[] {
  const { view, attendance } = data;
  const people = view.snapshot.participants.filter((p) => p.attendance.some((a) => a.attended));
  const consented = (k: 'storeWords' | 'quoteAnonymously' | 'recording') =>
    people.filter((p) => p.consent[k].given).length;
  const walkIns = attendance.reduce((a, r) => a + r.walkIns, 0);
  const attended = attendance.reduce((a, r) => a + r.attended, 0);
  const out: Block[] = [
    heading('Methodology', 1, true),
    heading('Sessions', 2),
    para(
      `The programme held ${plural(attendance.length, 'session')}. Each followed a planned agenda of discussion steps; what people said was captured as notes, by participants on their own devices or by a facilitator, and tagged into themes, each note marked as something people want to see or do NOT want to see.`,
    ),
    table(
      ['Session', 'Date', 'Format', 'Cohort', 'Registered', 'Attended'],
      attendance.map((a) => [
        `${a.session.title} (${SESSION_KIND_LABELS[a.session.kind].toLowerCase()})`,
        formatDate(a.session.date),
        a.session.mode === 'in-person'
          ? 'In person'
          : a.session.mode === 'online'
            ? 'Online'
            : 'Hybrid',
        a.session.cohort || 'Mixed',
        a.registered,
        a.attended,
      ]),
      [0.27, 0.15, 0.12, 0.21, 0.13, 0.12],
    ),
    heading('Cohorts', 2),
    data.cohorts.length > 0
      ? para(`Sessions were held with ${plural(data.cohorts.length, 'cohort')}:`)
      : para('Sessions were open to everyone; no cohorts were set.'),
    ...bullets(data.cohorts),
    heading('Recruitment', 2),
    para(
      `${plural(data.registeredTotal, 'place')} were registered in advance across the sessions and there were ${plural(attended, 'attendance')} in all, ${walkIns} of them by people who came without registering. ${plural(people.length, 'person', 'different people')} attended at least one session.`,
    ),
    heading('Consent', 2),
    para(
      `Everyone was asked for consent before taking part. Of the ${plural(people.length, 'person', 'people')} who attended, ${consented('storeWords')} agreed that their words could be kept for the analysis, ${consented('quoteAnonymously')} that they could be quoted without their name, and ${consented('recording')} to the session being recorded.`,
    ),
    para(
      'Quotes in this report come only from notes marked as quotable by the facilitators, from people who agreed to be quoted, and are attributed by a descriptor and cohort, never a name. ' +
        (view.redacted
          ? 'Names, email addresses, phone numbers, NHS numbers and postcodes written inside notes have been removed.'
          : 'Note text is shown as written: this copy was exported with redaction turned off and must not be shared.'),
    ),
  ];
  const ex = view.excluded;
  const left = ex.hidden + ex.withdrawn + ex.noConsent;
  if (left > 0) {
    out.push(
      para(
        `${plural(left, 'note')} ${left === 1 ? 'is' : 'are'} not included: ${ex.withdrawn} withdrawn by the person who wrote it, ${ex.hidden} hidden by a facilitator, and ${ex.noConsent} from people who did not agree to their words being kept.`,
      ),
    );
  }
  const demo = tallyDemographics(view.snapshot);
  // The programme's own questions, in words: "gender, age, ethnicity and town".
  const names = demo.fields.map((f) => f.label.toLowerCase());
  const asked =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
      : names.join('');
  out.push(
    para(
      `Demographic questions (${asked}) were optional and each offered "prefer not to say"; they are reported for ${demo.basis} (n = ${demo.n}).`,
    ),
  );
  return out;
}

export function executiveSummary(data: ReportData): Block[] {
  const { view, table: kt } = data;
  const top = [...kt.rows].sort((a, b) => b.counts.total - a.counts.total).slice(0, 5);
  const actions = view.snapshot.actions;
  const done = actions.filter((a) => a.status === 'done').length;
  const points = [
    `${plural(data.attendedCount, 'person', 'people')} took part in ${plural(data.attendance.length, 'session')} with ${plural(data.cohorts.length, 'cohort')}.`,
    `They contributed ${plural(view.notes.length, 'note')}, tagged into ${plural(kt.rows.length, 'theme')}.`,
    ...(top.length > 0
      ? [
          `The themes raised most were ${top.map((r) => `${r.theme.name} (${plural(r.counts.total, 'note')})`).join(', ')}.`,
        ]
      : []),
    `Across all themes, ${plural(view.notes.filter((n) => n.note.polarity === 'want').length, 'note')} described what people want to see and ${plural(view.notes.filter((n) => n.note.polarity === 'do-not-want').length, 'note')} what they do NOT want to see.`,
    `This report makes ${plural(view.snapshot.recommendations.length, 'recommendation')}.`,
    ...(actions.length > 0
      ? [
          `Of ${plural(actions.length, 'action')} taken from what people said, ${done} ${done === 1 ? 'is' : 'are'} done.`,
        ]
      : []),
  ];
  const keyMessages = [...view.sessions.values()].flatMap((s) => s.debrief.keyMessages);
  const out: Block[] = [heading('Executive summary', 1, true), ...bullets(points)];
  if (keyMessages.length > 0) {
    out.push(heading('Key messages from the sessions', 2), ...bullets(keyMessages));
  }
  return out;
}

export function recommendations(data: ReportData): Block[] {
  const { view } = data;
  const recs = [...view.snapshot.recommendations].sort((a, b) => a.order - b.order);
  const out: Block[] = [heading('Recommendations', 1, true)];
  if (recs.length === 0) return [...out, para('No recommendations have been recorded yet.')];
  out.push(
    ...numbered(
      recs.map((r) => {
        const themes = r.themeIds.map((id) => view.themes.get(id)?.name).filter(Boolean);
        return themes.length > 0 ? `${r.text} (Themes: ${themes.join(', ')})` : r.text;
      }),
      1,
    ),
  );
  return out;
}
