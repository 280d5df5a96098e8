import type {
  DemographicsTally,
  FieldTally,
  SessionAttendance,
} from '../../core/analysis/index.ts';
import { svgToPng } from '../common/png.ts';
import { barChartSvg } from './bar-chart.ts';

/** A drawn chart with its alt text and a stable file-name key. */
export interface RenderedChart {
  key: string;
  title: string;
  svg: string;
  alt: string;
}

const PRIMARY = '#0b5c8a';
const SECONDARY = '#9bb7cc';

/** One field's demographics as bars of percentages, each labelled "count (percent%)". */
export function demographicChart(field: FieldTally): RenderedChart {
  const title = `${field.label} (n = ${field.n})`;
  const summary = field.rows.map((r) => `${r.label} ${r.count} (${r.percent}%)`).join('; ');
  const alt = `Bar chart of ${field.label.toLowerCase()} of the ${field.n} people counted: ${summary}.`;
  return {
    key: `chart-demographics-${field.field.toLowerCase()}`,
    title,
    alt,
    svg: barChartSvg({
      title,
      description: alt,
      series: [{ name: 'People', colour: PRIMARY }],
      rows: field.rows.map((r) => ({
        label: r.label,
        values: [{ value: r.percent, text: `${r.count} (${r.percent}%)` }],
      })),
      domainMax: 100,
      tickFormat: (v) => `${v}%`,
    }),
  };
}

/** Charts for every demographic field that has answers. */
export function demographicCharts(tally: DemographicsTally): RenderedChart[] {
  return tally.fields.filter((f) => f.n > 0).map(demographicChart);
}

/** Registered against attended, a pair of bars per session. */
export function attendanceChart(rows: readonly SessionAttendance[]): RenderedChart {
  const title = 'Registered and attended, by session';
  const alt = `Bar chart of people registered and attending each session: ${rows
    .map((r) => `${r.session.title}: ${r.registered} registered, ${r.attended} attended`)
    .join('; ')}.`;
  return {
    key: 'chart-attendance',
    title,
    alt,
    svg: barChartSvg({
      title,
      description: alt,
      series: [
        { name: 'Registered', colour: SECONDARY },
        { name: 'Attended', colour: PRIMARY },
      ],
      rows: rows.map((r) => ({
        label: r.session.title,
        values: [
          { value: r.registered, text: String(r.registered) },
          { value: r.attended, text: String(r.attended) },
        ],
      })),
    }),
  };
}

/** PNG of a chart, by default at twice its size, sharp in print. */
export function chartPng(chart: RenderedChart, scale = 2): Buffer {
  const width = Number(/width="(\d+)"/.exec(chart.svg)?.[1] ?? 760);
  return svgToPng(chart.svg, { width: Math.round(width * scale) });
}
