import {
  PREFER_NOT_TO_SAY_VALUE,
  type DemographicFieldDef,
  type Demographics,
} from '../../../../../core/index.ts';

/**
 * One person's answers to the programme's demographic questions, as form controls: a select per
 * choice question and a text box per free-text one, each with "prefer not to say". For the
 * People screen (or any form that records someone's demographics); the parent keeps the values
 * and saves them. `errors` are by field id, shown beside each control.
 * @example <PersonDemographicsFields idPrefix="p1" fields={s.demographicFields} value={d} onChange={setD} />
 */
export function PersonDemographicsFields(props: {
  idPrefix: string;
  fields: readonly DemographicFieldDef[];
  value: Demographics;
  onChange: (next: Demographics) => void;
  errors?: Readonly<Record<string, string>>;
}) {
  const set = (fieldId: string, v: string | null) =>
    props.onChange({ ...props.value, [fieldId]: v });
  return (
    <>
      {props.fields.map((f) => {
        const id = `${props.idPrefix}-dem-${f.id}`;
        const error = props.errors?.[f.id];
        const v = props.value[f.id] ?? null;
        const describedBy = error ? `${id}-error` : undefined;
        return (
          <div key={f.id} className={`field${error ? ' field-error' : ''}`}>
            <label htmlFor={id}>{f.label}</label>
            {error && (
              <p id={`${id}-error`} className="field-message">
                <span className="visually-hidden">Error: </span>
                {error}
              </p>
            )}
            {f.kind === 'choice' ? (
              <select
                id={id}
                value={v ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy}
                onChange={(e) => set(f.id, e.target.value === '' ? null : e.target.value)}
              >
                <option value="">Not recorded</option>
                {f.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
                {/* An answer the programme no longer offers stays visible rather than lost. */}
                {v !== null &&
                  v !== PREFER_NOT_TO_SAY_VALUE &&
                  !f.options.some((o) => o.id === v) && <option value={v}>{v}</option>}
                <option value={PREFER_NOT_TO_SAY_VALUE}>Prefer not to say</option>
              </select>
            ) : (
              <div className="row">
                <input
                  id={id}
                  type="text"
                  maxLength={100}
                  value={v === PREFER_NOT_TO_SAY_VALUE ? '' : (v ?? '')}
                  disabled={v === PREFER_NOT_TO_SAY_VALUE}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set(f.id, e.target.value.trim() === '' ? null : e.target.value)}
                />
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={v === PREFER_NOT_TO_SAY_VALUE}
                    onChange={(e) => set(f.id, e.target.checked ? PREFER_NOT_TO_SAY_VALUE : null)}
                  />
                  <span>Prefer not to say</span>
                </label>
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
