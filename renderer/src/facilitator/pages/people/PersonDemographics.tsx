import { useState } from 'react';
import {
  AGE_BANDS,
  DEMOGRAPHIC_LABELS,
  ETHNICITIES,
  GENDERS,
  PREFER_NOT_TO_SAY,
  demographicsFormSchema,
  fieldErrors,
  type Demographics,
} from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';

/**
 * Demographics copied from a paper form, each question with "prefer not to say" and "not
 * asked". Kept in its own file: the programme-settings work will swap the fixed fields for the
 * programme's own categories (a `PersonDemographicsFields` component).
 */
export function PersonDemographics(props: {
  personId: string;
  value: Demographics;
  onSave: (d: Demographics) => Promise<void>;
}) {
  const [d, setD] = useState<Demographics>(props.value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `demo-${f}-${props.personId}`;
  const choice = (
    field: 'gender' | 'ageBand' | 'ethnicity',
    label: string,
    values: readonly string[],
  ) => (
    <Field id={id(field)} label={label} error={errors[field]}>
      {(p) => (
        <select
          {...p}
          value={d[field] ?? ''}
          onChange={(e) => setD({ ...d, [field]: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">Not asked or not answered</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {DEMOGRAPHIC_LABELS[v] ?? v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const townPrivate = d.town === PREFER_NOT_TO_SAY;
  return (
    <form
      className="stack"
      aria-labelledby={`demo-heading-${props.personId}`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const town = d.town?.trim() ? d.town.trim() : null;
        const parsed = demographicsFormSchema.safeParse({ ...d, town });
        if (!parsed.success) return setErrors(fieldErrors(parsed.error));
        setErrors({});
        setBusy(true);
        try {
          await props.onSave(parsed.data);
        } catch (err) {
          setErrors({ town: (err as Error).message });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id={`demo-heading-${props.personId}`}>About them (from the paper form)</h3>
      <div className="form-columns">
        {choice('gender', 'Gender', GENDERS)}
        {choice('ageBand', 'Age', AGE_BANDS)}
        {choice('ethnicity', 'Ethnicity', ETHNICITIES)}
        <Field id={id('town')} label="Town" error={errors.town}>
          {(p) => (
            <input
              {...p}
              type="text"
              disabled={townPrivate}
              value={townPrivate ? '' : (d.town ?? '')}
              onChange={(e) => setD({ ...d, town: e.target.value })}
            />
          )}
        </Field>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={townPrivate}
          onChange={(e) => setD({ ...d, town: e.target.checked ? PREFER_NOT_TO_SAY : null })}
        />
        <span>Town: prefer not to say</span>
      </label>
      <button type="submit" className="secondary" disabled={busy}>
        Save answers
      </button>
    </form>
  );
}
