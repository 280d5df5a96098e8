import { useState } from 'react';
import { cohortFormSchema, fieldErrors, type Cohort } from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { saveCohort } from './people-api.ts';

/** The programme's cohorts and the word each one's people are called by in reports. */
export function CohortsSection(props: {
  programmeId: string;
  cohorts: Cohort[];
  onSaved: () => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [descriptor, setDescriptor] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const announce = useAnnounce();
  return (
    <section className="card" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">Cohorts</h2>
      <ul className="plain-list">
        {props.cohorts.map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong>: people are called &ldquo;{c.descriptor} 1&rdquo;, &ldquo;
            {c.descriptor} 2&rdquo;&hellip;
          </li>
        ))}
      </ul>
      <form
        noValidate
        aria-label="Add a cohort"
        onSubmit={async (e) => {
          e.preventDefault();
          const parsed = cohortFormSchema.safeParse({ name, descriptor });
          if (!parsed.success) return setErrors(fieldErrors(parsed.error));
          setErrors({});
          try {
            await saveCohort(props.programmeId, parsed.data);
            setName('');
            setDescriptor('');
            await props.onSaved();
            announce(`Cohort ${parsed.data.name} saved.`);
          } catch (err) {
            setErrors({ name: (err as Error).message });
          }
        }}
      >
        <div className="form-columns">
          <Field id="cohort-name" label="New cohort" error={errors.name}>
            {(p) => (
              <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          <Field
            id="cohort-descriptor"
            label="Its people are called"
            hint='For example "Parent/carer"'
            error={errors.descriptor}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={descriptor}
                onChange={(e) => setDescriptor(e.target.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="secondary">
          Add cohort
        </button>
      </form>
    </section>
  );
}
