import { AlignmentType, ImageRun, Paragraph, TableOfContents, TextRun } from 'docx';
import { erasureLine, tallyDemographics } from '../../core/analysis/index.ts';
import { type Logo, writtenText } from '../../core/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, bullets, heading, numbered, para, prose, table } from './blocks.ts';
import { type ReportData, plural } from './programme-context.ts';

const MODES = { 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid' } as const;
/** Logos on the title page are at most this tall and wide, in pixels at 96 dpi. */
const LOGO_BOX = { width: 220, height: 110 };

function logoRun(logo: Logo): ImageRun {
  const scale = Math.min(1, LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
  return new ImageRun({
    type: logo.mediaType === 'image/png' ? 'png' : 'jpg',
    data: Buffer.from(logo.data, 'base64'),
    transformation: {
      width: Math.round(logo.width * scale),
      height: Math.round(logo.height * scale),
    },
    altText: { name: `Logo ${logo.order + 1}`, title: logo.alt, description: logo.alt },
  });
}

/** Title page: the logos, then what, for whom, by whom, when. */
export function titlePage(data: ReportData, date: Date): Block[] {
  const p = data.view.snapshot.programme;
  const line = (text: string, size: number, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { after: 240 },
      children: [new TextRun({ text, size, bold })],
    });
  const logos = data.text.logos;
  const logoLine: Block[] =
    logos.length === 0
      ? [new Paragraph({ spacing: { before: 2400 } })]
      : [
          new Paragraph({
            spacing: { after: 1800 },
            children: logos.flatMap((l, i) =>
              i === 0 ? [logoRun(l)] : [new TextRun({ text: '\t' }), logoRun(l)],
            ),
            tabStops: logos.length > 1 ? [{ type: 'right', position: 9000 }] : [],
          }),
        ];
  return [
    ...logoLine,
    new Paragraph({ text: p.title, heading: 'Title' }),
    line('Report of the engagement programme', 32),
    ...(p.commissioner ? [line(`Prepared for ${p.commissioner}`, 28)] : []),
    line(`By ${p.organisation}`, 28),
    ...(p.region ? [line(p.region, 24)] : []),
    line(formatDate(date), 24),
  ];
}

/** Contents: a Word field over Heading 1-2, written with page numbers (see packDocument). */
export function contents(): Block[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: 'Contents', bold: true, size: 36, color: '003087' })],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/** A section of the facilitator's own words, or nothing when they wrote none. */
export function writtenSection(title: string, text: string | undefined): Block[] {
  const t = writtenText(text);
  return t === null ? [] : [heading(title, 1, true), ...prose(t)];
}

/**
 * The introduction: the facilitator's words (the report's, or the programme's own introduction
 * when the report has none), then the programme's aims and dates, which are facts of its record.
 */
export function introduction(data: ReportData): Block[] {
  const p = data.view.snapshot.programme;
  const words = writtenText(data.text.introduction) ?? writtenText(p.introduction);
  const out: Block[] = [...(words === null ? [] : prose(words))];
  if (p.aims.length > 0) out.push(para('The programme set out to:'), ...bullets(p.aims));
  if (p.startDate && p.endDate) {
    out.push(para(`It ran from ${formatDate(p.startDate)} to ${formatDate(p.endDate)}.`));
  }
  return out.length === 0 ? [] : [heading('Introduction', 1, true), ...out];
}

/** The methodology: the facilitator's account, then the sessions and consent as recorded. */
export function methodology(data: ReportData): Block[] {
  const { view, sessions } = data;
  const people = view.snapshot.participants.filter((p) => p.attendance.some((a) => a.attended));
  // Erased records count in attendance only: their consent is no longer reported.
  const described = people.filter((p) => p.erasedAt === undefined);
  const consented = (k: 'storeWords' | 'quoteAnonymously' | 'recording') =>
    described.filter((p) => p.consent[k].given).length;
  const erased = erasureLine(view.snapshot.participants);
  const out: Block[] = [heading('Methodology', 1, true)];
  const words = writtenText(data.text.methodology);
  if (words !== null) out.push(...prose(words));
  const applies = new Set(data.attendance.map((a) => a.session.id));
  const counted = (a: (typeof sessions)[number], n: number) =>
    applies.has(a.session.id) ? n : '–';
  out.push(
    heading('Sessions', 2),
    table(
      ['Session', 'Date', 'Format', 'Cohort', 'Registered', 'Attended', 'Came without registering'],
      sessions.map((a) => [
        a.session.title,
        formatDate(a.session.date),
        MODES[a.session.mode],
        a.session.cohort || 'Mixed',
        counted(a, a.registered),
        counted(a, a.attended),
        counted(a, a.walkIns),
      ]),
      [0.24, 0.14, 0.1, 0.16, 0.12, 0.1, 0.14],
    ),
  );
  const attended = data.attendance.reduce((a, r) => a + r.attended, 0);
  const walkIns = data.attendance.reduce((a, r) => a + r.walkIns, 0);
  out.push(
    para(
      `In all, ${plural(data.registeredTotal, 'place was', 'places were')} registered in advance and ${plural(people.length, 'person', 'different people')} attended (${plural(attended, 'attendance')} across the sessions, ${walkIns} of them by people who came without registering).`,
    ),
    heading('Consent', 2),
    table(
      [
        erased
          ? 'Of the people who attended (not counting erased records)'
          : 'Of the people who attended',
        'People',
      ],
      [
        ['Agreed their words could be kept for the analysis', consented('storeWords')],
        ['Agreed to be quoted without their name', consented('quoteAnonymously')],
        ['Agreed to the session being recorded', consented('recording')],
        ['Attended', described.length],
      ],
      [0.8, 0.2],
    ),
    para(
      'Quotes come only from notes a facilitator marked as quotable, by people who agreed to be quoted, and are attributed by a descriptor, never a name. ' +
        (view.redacted
          ? 'Names, email addresses, phone numbers, NHS numbers and postcodes written in notes have been removed.'
          : 'Note text is shown as written: this copy was exported with redaction turned off and must not be shared.'),
    ),
  );
  const ex = view.excluded;
  const left = ex.hidden + ex.withdrawn + ex.noConsent;
  if (left > 0) {
    out.push(
      para(
        `${plural(left, 'note')} ${left === 1 ? 'is' : 'are'} left out: ${ex.withdrawn} withdrawn by the person who wrote it, ${ex.hidden} hidden by a facilitator, and ${ex.noConsent} from people who did not agree to their words being kept.`,
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
  if (erased) out.push(para(erased));
  return out;
}

export function recommendations(data: ReportData): Block[] {
  const { view } = data;
  const recs = [...view.snapshot.recommendations].sort((a, b) => a.order - b.order);
  if (recs.length === 0) return [];
  return [
    heading('Recommendations', 1, true),
    ...numbered(
      recs.map((r) => {
        const themes = r.themeIds.map((id) => view.themes.get(id)?.name).filter(Boolean);
        return themes.length > 0 ? `${r.text} (Themes: ${themes.join(', ')})` : r.text;
      }),
      1,
    ),
  ];
}
