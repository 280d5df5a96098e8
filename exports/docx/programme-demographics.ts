import {
  formatGap,
  formatRate,
  formatRepresentationScore,
  representation,
  tallyDemographics,
} from '../../core/analysis/index.ts';
import { attendanceChart, demographicCharts } from '../charts/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, heading, leadIn, para, table } from './blocks.ts';
import { chartBlocks } from './pictures.ts';
import type { ReportData } from './programme-context.ts';

/** Numbers figures in the order they appear. */
export class FigureCounter {
  private n = 0;
  next(): string {
    this.n += 1;
    return `Figure ${this.n}`;
  }
}

/**
 * The demographics section: the one place the report draws who took part. Each field the
 * programme asked about gets a chart and a table with n and a total; then registered against
 * attended for the sessions where attendance applies.
 */
export function demographics(data: ReportData, figures: FigureCounter): Block[] {
  const tally = tallyDemographics(data.view.snapshot);
  const out: Block[] = [
    heading('Demographics', 1, true),
    para(
      `These figures describe ${tally.basis} (n = ${tally.n}). Answering was optional and every question offered "prefer not to say". Percentages are rounded so that each question adds up to 100%.`,
    ),
  ];
  const charts = new Map(demographicCharts(tally).map((c) => [c.key, c]));
  for (const field of tally.fields) {
    if (field.n === 0) continue;
    out.push(heading(field.label, 2));
    const chart = charts.get(`chart-demographics-${field.field.toLowerCase()}`);
    if (chart) out.push(...chartBlocks(chart, figures.next()));
    out.push(
      table(
        ['Answer', 'People', 'Percent'],
        [...field.rows.map((r) => [r.label, r.count, `${r.percent}%`]), ['Total', field.n, '100%']],
        [0.6, 0.2, 0.2],
      ),
    );
  }
  out.push(...representationBlocks(data));
  if (data.attendance.length > 0) {
    out.push(heading('Attendance', 2));
    out.push(...chartBlocks(attendanceChart(data.attendance), figures.next()));
    out.push(
      table(
        ['Session', 'Date', 'Registered', 'Attended', 'Came without registering'],
        data.attendance.map((a) => [
          a.session.title,
          formatDate(a.session.date),
          a.registered,
          a.attended,
          a.walkIns,
        ]),
        [0.36, 0.2, 0.14, 0.14, 0.16],
      ),
    );
  }
  return out;
}

/**
 * Who took part against the reference population, from the same core function as the "Who took
 * part" screen (over the same export view), so the screen and the report cannot disagree: each
 * category's share beside the reference's, the gap in points, the participation rate, and the
 * score per dimension and overall. Left out when no answer could be compared.
 */
function representationBlocks(data: ReportData): Block[] {
  const rep = representation(data.view.snapshot);
  const dims = rep.dimensions.filter((d) => d.compared > 0);
  if (dims.length === 0) return [];
  const out: Block[] = [
    heading('Representation', 2),
    para(
      `Compared with ${rep.reference.name}${rep.local ? ' (the programme’s own reference population)' : ''}. Source: ${rep.reference.source}.`,
    ),
    ...rep.notes.map((n) => para(n)),
    para(
      'A gap is the group’s share of the people who took part minus its share of the reference population, in percentage points; a negative gap means the group was under-represented. The participation rate divides the two shares (1 is in proportion). The representation score is the lowest rate divided by the highest: 1 means every group took part in proportion to its size.',
    ),
    para({ bold: 'Representation score: ' }, formatRepresentationScore(rep.score)),
  ];
  for (const d of dims) {
    out.push(
      heading(`${d.label}: score ${formatRepresentationScore(d.score)}`, 3),
      leadIn(
        `${d.compared} compared; ${d.notCompared} not compared (no answer, prefer not to say, or an answer outside these groups).`,
      ),
      table(
        ['Group', 'Took part', 'Share', 'Reference', 'Gap (points)', 'Rate'],
        d.rows.map((r) => [
          r.label,
          r.count,
          `${r.percent}%`,
          `${r.referencePercent}%`,
          formatGap(r.gap),
          formatRate(r.rate),
        ]),
        [0.34, 0.12, 0.12, 0.14, 0.16, 0.12],
      ),
    );
  }
  return out;
}
