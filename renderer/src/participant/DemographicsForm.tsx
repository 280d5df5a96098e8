import { useState } from 'react';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  PREFER_NOT_TO_SAY,
  emptyAnswers,
  type DemographicFieldDef,
  type Demographics,
} from '../../../core/index.ts';

/**
 * Optional "about you" questions. Every one has "prefer not to say", and the whole form can be
 * skipped: the team uses the answers only as counts, to see who they have not yet heard from.
 */
export function DemographicsForm(props: {
  initial: Demographics | null;
  /** The programme's questions (the server sends them); the fields every programme had if not. */
  fields?: readonly DemographicFieldDef[];
  busy: boolean;
  onSubmit: (d: Demographics) => void;
  onSkip: () => void;
}) {
  const fields = props.fields ?? LEGACY_DEMOGRAPHIC_FIELDS;
  const [d, setD] = useState<Demographics>(props.initial ?? emptyAnswers(fields));
  const select = (field: DemographicFieldDef) => (
    <div key={field.id}>
      <label htmlFor={`dem-${field.id}`}>{field.label}</label>
      <select
        id={`dem-${field.id}`}
        value={d[field.id] ?? ''}
        onChange={(e) => setD({ ...d, [field.id]: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">Not answered</option>
        {field.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
        <option value={PREFER_NOT_TO_SAY}>Prefer not to say</option>
      </select>
    </div>
  );
  const text = (field: DemographicFieldDef) => {
    const value = d[field.id] ?? null;
    return (
      <div key={field.id}>
        <label htmlFor={`dem-${field.id}`}>{field.label}</label>
        <input
          id={`dem-${field.id}`}
          type="text"
          maxLength={100}
          value={value === PREFER_NOT_TO_SAY ? '' : (value ?? '')}
          disabled={value === PREFER_NOT_TO_SAY}
          onChange={(e) =>
            setD({ ...d, [field.id]: e.target.value.trim() === '' ? null : e.target.value })
          }
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={value === PREFER_NOT_TO_SAY}
            onChange={(e) =>
              setD({ ...d, [field.id]: e.target.checked ? PREFER_NOT_TO_SAY : null })
            }
          />
          <span>Prefer not to say</span>
        </label>
      </div>
    );
  };
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(d);
      }}
    >
      <h1>About you (optional)</h1>
      <p className="hint">
        These help the team see whose voices are missing. They are only ever shown as totals.
      </p>
      {fields.map((f) => (f.kind === 'choice' ? select(f) : text(f)))}
      <div className="row">
        <button type="submit" disabled={props.busy}>
          Save and continue
        </button>
        <button type="button" className="secondary" onClick={props.onSkip}>
          Skip
        </button>
      </div>
    </form>
  );
}
