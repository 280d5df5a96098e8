import { useState } from 'react';
import {
  fieldErrors,
  personDetailsSchema,
  type PeopleListing,
  type PersonRecord,
} from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';
import { editPerson } from './people-api.ts';

/** Correcting a person's descriptor, cohort and contact details. */
export function PersonDetailsForm(props: {
  person: PersonRecord;
  listing: PeopleListing;
  onSaved: (p: PersonRecord) => void;
}) {
  const { person } = props;
  const [v, setV] = useState({
    descriptor: person.descriptor,
    cohort: person.cohort,
    name: person.contact?.name ?? '',
    email: person.contact?.email ?? '',
    phone: person.contact?.phone ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `person-${f}-${person.id}`;
  const text = (f: keyof typeof v, label: string, type = 'text') => (
    <Field id={id(f)} label={label} error={errors[f]}>
      {(p) => (
        <input
          {...p}
          type={type}
          autoComplete="off"
          value={v[f]}
          onChange={(e) => setV({ ...v, [f]: e.target.value })}
        />
      )}
    </Field>
  );
  const cohorts = props.listing.cohorts.map((c) => c.name);
  return (
    <form
      noValidate
      aria-labelledby={`details-heading-${person.id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const parsed = personDetailsSchema.safeParse(v);
        if (!parsed.success) return setErrors(fieldErrors(parsed.error));
        const clash = props.listing.people.some(
          (p) =>
            p.id !== person.id &&
            p.descriptor.trim().toLowerCase() === parsed.data.descriptor.toLowerCase(),
        );
        if (clash)
          return setErrors({
            descriptor: `Someone in this programme is already called "${parsed.data.descriptor}". Choose another.`,
          });
        setErrors({});
        setBusy(true);
        try {
          props.onSaved((await editPerson(person.id, v)).person);
        } catch (err) {
          setErrors({ descriptor: (err as Error).message });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id={`details-heading-${person.id}`}>Details</h3>
      <div className="form-columns">
        {text('descriptor', 'Descriptor')}
        <Field id={id('cohort')} label="Cohort" error={errors.cohort}>
          {(p) => (
            <select
              {...p}
              value={v.cohort}
              onChange={(e) => setV({ ...v, cohort: e.target.value })}
            >
              {!cohorts.includes(v.cohort) && v.cohort !== '' && (
                <option value={v.cohort}>{v.cohort}</option>
              )}
              {cohorts.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              <option value="">No cohort</option>
            </select>
          )}
        </Field>
        {text('name', 'Name (optional)')}
        {text('email', 'Email (optional)', 'email')}
        {text('phone', 'Phone (optional)', 'tel')}
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        Save details
      </button>
    </form>
  );
}
