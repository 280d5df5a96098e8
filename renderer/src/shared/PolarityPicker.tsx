import { POLARITIES, type Polarity } from '../../../core/index.ts';

/** Three toggle buttons for the column a note feeds; `labels` says them in the reader's words. */
export function PolarityPicker(props: {
  value: Polarity;
  labels: Record<Polarity, string>;
  label: string;
  onChange: (p: Polarity) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={props.label}>
      {POLARITIES.map((p) => (
        <button
          key={p}
          type="button"
          className="small"
          aria-pressed={props.value === p}
          onClick={() => props.onChange(p)}
        >
          {props.labels[p]}
        </button>
      ))}
    </div>
  );
}
