import { tallyDemographics } from '../../core/analysis/index.ts';
import { attendanceChart, demographicCharts } from '../charts/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, heading, para, table } from './blocks.ts';
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
