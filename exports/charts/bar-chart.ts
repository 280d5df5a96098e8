import { max, scaleLinear } from 'd3';
import { FONT_FAMILY } from '../common/fonts.ts';
import { textWidth, wrapText } from '../common/measure.ts';
import { num, xmlEscape } from '../common/xml.ts';

export interface BarSeries {
  name: string;
  colour: string;
}

export interface BarRow {
  label: string;
  /** One value per series, in series order; `text` is what is written at the end of the bar. */
  values: { value: number; text: string }[];
}

export interface BarChartSpec {
  title: string;
  /** A sentence for screen readers; the data table beside the chart gives every number. */
  description: string;
  series: BarSeries[];
  rows: BarRow[];
  /** The value the axis runs to; default the largest value. */
  domainMax?: number;
  tickFormat?: (v: number) => string;
  width?: number;
}

const FONT = 15;
const TITLE = 19;
const BAR = 22;
const GAP = 14;
const LABEL_MAX = 260;

/**
 * A horizontal bar chart as a standalone SVG: one group of bars per row, a value written at the
 * end of every bar (so no reader has to judge lengths against an axis), and a legend when
 * there is more than one series. d3 supplies the scale and ticks; the SVG is written as text
 * because there is no DOM in Node.
 */
export function barChartSvg(spec: BarChartSpec): string {
  const width = spec.width ?? 760;
  const labels = spec.rows.map((r) => wrapText(r.label, FONT, LABEL_MAX));
  const labelWidth = Math.min(
    LABEL_MAX,
    Math.max(60, ...labels.flat().map((l) => textWidth(l, FONT))),
  );
  const valueRoom =
    Math.max(40, ...spec.rows.flatMap((r) => r.values.map((v) => textWidth(v.text, FONT)))) + 12;
  const left = 16 + labelWidth + 12;
  const right = width - 16 - valueRoom;
  const legendHeight = spec.series.length > 1 ? 34 : 0;
  const top = 16 + TITLE + 14 + legendHeight;
  const domainMax =
    spec.domainMax ?? max(spec.rows.flatMap((r) => r.values.map((v) => v.value))) ?? 1;
  const x = scaleLinear()
    .domain([0, domainMax || 1])
    .range([left, right])
    .nice();
  const ticks = x.ticks(5);
  const fmt = spec.tickFormat ?? ((v: number) => String(v));
  const parts: string[] = [];
  let y = top;
  spec.rows.forEach((row, i) => {
    const groupHeight = Math.max(
      row.values.length * BAR + (row.values.length - 1) * 4,
      (labels[i]?.length ?? 1) * (FONT + 3),
    );
    const lines = labels[i] ?? [row.label];
    const firstLine = y + groupHeight / 2 - ((lines.length - 1) * (FONT + 3)) / 2 + FONT * 0.35;
    lines.forEach((line, li) => {
      parts.push(
        `<text x="${num(left - 12)}" y="${num(firstLine + li * (FONT + 3))}" text-anchor="end">${xmlEscape(line)}</text>`,
      );
    });
    row.values.forEach((v, si) => {
      const by = y + si * (BAR + 4);
      const w = Math.max(0, x(v.value) - left);
      const colour = spec.series[si]?.colour ?? '#0b5c8a';
      parts.push(
        `<rect x="${num(left)}" y="${num(by)}" width="${num(w)}" height="${BAR}" fill="${colour}"/>`,
        `<text x="${num(left + w + 6)}" y="${num(by + BAR / 2 + FONT * 0.35)}">${xmlEscape(v.text)}</text>`,
      );
    });
    y += groupHeight + GAP;
  });
  const bottom = y - GAP + 8;
  const grid = ticks.map(
    (t) =>
      `<line x1="${num(x(t))}" x2="${num(x(t))}" y1="${num(top - 6)}" y2="${num(bottom)}" stroke="#d9d9d9"/>` +
      `<text x="${num(x(t))}" y="${num(bottom + FONT + 4)}" text-anchor="middle" fill="#4d4d4d">${xmlEscape(fmt(t))}</text>`,
  );
  const legend =
    spec.series.length > 1
      ? spec.series.map((s, i) => {
          const lx = left + i * 190;
          const ly = 16 + TITLE + 12;
          return `<rect x="${num(lx)}" y="${num(ly)}" width="16" height="16" fill="${s.colour}"/><text x="${num(lx + 22)}" y="${num(ly + 13)}">${xmlEscape(s.name)}</text>`;
        })
      : [];
  const height = Math.ceil(bottom + FONT + 18);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d">`,
    `<title id="t">${xmlEscape(spec.title)}</title>`,
    `<desc id="d">${xmlEscape(spec.description)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="${FONT_FAMILY}" font-size="${FONT}" fill="#1a1a1a">`,
    `<text x="16" y="${16 + TITLE}" font-size="${TITLE}" font-weight="bold">${xmlEscape(spec.title)}</text>`,
    ...legend,
    ...grid,
    `<line x1="${num(left)}" x2="${num(left)}" y1="${num(top - 6)}" y2="${num(bottom)}" stroke="#1a1a1a"/>`,
    ...parts,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
