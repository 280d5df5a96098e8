import { scaleBand, scaleLinear } from 'd3';

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar, for example "12 (40%)". */
  text: string;
  /** Drawn in a quieter colour ("prefer not to say", "not recorded"). */
  muted?: boolean;
}

/**
 * Horizontal bars laid out with d3 scales and drawn by React. The figure is described by its
 * title and the numbers written on it; a table beside each chart gives them to screen readers.
 */
export function Bars(props: { title: string; bars: readonly Bar[]; max?: number; width?: number }) {
  const width = props.width ?? 560;
  const labelWidth = 210;
  const row = 28;
  const height = props.bars.length * row + 8;
  const x = scaleLinear()
    .domain([0, props.max ?? Math.max(1, ...props.bars.map((b) => b.value))])
    .range([0, width - labelWidth - 90]);
  const y = scaleBand<number>()
    .domain(props.bars.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.2);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
      aria-hidden="true"
      className="bars"
    >
      {props.bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${y(i) ?? 0})`}>
          <text x={labelWidth - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end">
            {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
          </text>
          <rect
            x={labelWidth}
            width={Math.max(1, x(b.value))}
            height={y.bandwidth()}
            fill={b.muted ? '#8c8c8c' : '#1d4f91'}
          />
          <text x={labelWidth + x(b.value) + 6} y={y.bandwidth() / 2} dy="0.35em">
            {b.text}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Gaps in percentage points either side of zero: below the reference to the left, in red. */
export function GapBars(props: { bars: readonly { label: string; gap: number }[] }) {
  const width = 560;
  const labelWidth = 210;
  const row = 28;
  const height = props.bars.length * row + 8;
  const extent = Math.max(5, ...props.bars.map((b) => Math.abs(b.gap)));
  const x = scaleLinear()
    .domain([-extent, extent])
    .range([labelWidth + 50, width - 50]);
  const y = scaleBand<number>()
    .domain(props.bars.map((_, i) => i))
    .range([4, height - 4])
    .padding(0.2);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
      aria-hidden="true"
      className="bars"
    >
      <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke="#333" />
      {props.bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${y(i) ?? 0})`}>
          <text x={labelWidth - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end">
            {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
          </text>
          <rect
            x={Math.min(x(0), x(b.gap))}
            width={Math.max(1, Math.abs(x(b.gap) - x(0)))}
            height={y.bandwidth()}
            fill={b.gap < 0 ? '#a4262c' : '#0b6b4f'}
          />
          <text
            x={b.gap < 0 ? x(b.gap) - 4 : x(b.gap) + 4}
            y={y.bandwidth() / 2}
            dy="0.35em"
            textAnchor={b.gap < 0 ? 'end' : 'start'}
          >
            {b.gap > 0 ? '+' : ''}
            {b.gap}
          </text>
        </g>
      ))}
    </svg>
  );
}
