import { useState, type FormEvent } from 'react';
import {
  fieldErrors,
  registrationSchema,
  suggestDescriptor,
  type PeopleListing,
  type PersonRecord,
} from '../../../../../core/index.ts';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { registerPerson } from './people-api.ts';

const ids: Record<string, string> = {
  descriptor: 'reg-descriptor',
  cohort: 'reg-cohort',
  name: 'reg-name',
  email: 'reg-email',
  phone: 'reg-phone',
  sessionIds: 'reg-sessions',
  form: 'reg-descriptor',
};

/**
 * Registering a person before a session: a descriptor given by their cohort ("Resident 4"),
 * optional contact details that stay in this app's store, and the sessions they signed up for.
 * Checked with the server's own schema before sending; a refusal keeps everything typed.
 */
export function RegisterForm(props: {
  programmeId: string;
  listing: PeopleListing;
  onRegistered: (p: PersonRecord) => void;
}) {
  const { listing } = props;
  const firstCohort = listing.cohorts[0]?.name ?? '';
  const suggest = (cohort: string) =>
    suggestDescriptor(listing.cohorts.find((c) => c.name === cohort) ?? null, listing.people);
  const [cohort, setCohort] = useState(firstCohort);
  const [descriptor, setDescriptor] = useState(() => suggest(firstCohort));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [sessionIds, setSessionIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();

  const refuse = (byField: Record<string, string>) => {
    const out: FieldErrors = {};
    for (const [k, v] of Object.entries(byField)) out[ids[k] ?? 'reg-descriptor'] ??= v;
    setErrors(out);
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { descriptor, cohort, name, email, phone, sessionIds };
    const parsed = registrationSchema.safeParse(body);
    if (!parsed.success) return refuse(fieldErrors(parsed.error));
    const taken = listing.people.some(
      (p) => p.descriptor.trim().toLowerCase() === parsed.data.descriptor.toLowerCase(),
    );
    if (taken)
      return refuse({
        descriptor: `Someone in this programme is already called "${parsed.data.descriptor}". Choose another.`,
      });
    setBusy(true);
    try {
      const { person } = await registerPerson(props.programmeId, body);
      setErrors({});
      setName('');
      setEmail('');
      setPhone('');
      announce(`${person.descriptor} registered.`);
      props.onRegistered(person);
      setDescriptor(
        suggestDescriptor(listing.cohorts.find((c) => c.name === cohort) ?? null, [
          ...listing.people,
          person,
        ]),
      );
    } catch (err) {
      refuse({ form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" aria-labelledby="register-heading" onSubmit={submit} noValidate>
      <h2 id="register-heading">Register a person</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <div className="form-columns">
        <Field id="reg-cohort" label="Cohort" error={errors['reg-cohort']}>
          {(p) => (
            <select
              {...p}
              value={cohort}
              onChange={(e) => {
                // A descriptor still as suggested follows the cohort; one typed by hand stays.
                if (descriptor === suggest(cohort)) setDescriptor(suggest(e.target.value));
                setCohort(e.target.value);
              }}
            >
              {listing.cohorts.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
              <option value="">No cohort</option>
            </select>
          )}
        </Field>
        <Field
          id="reg-descriptor"
          label="Descriptor"
          hint="How reports refer to them. Never a name."
          error={errors['reg-descriptor']}
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
      <p className="hint">
        Name, email and phone are optional. They stay in this app&rsquo;s database, never in notes,
        documents or reports.
      </p>
      <div className="form-columns">
        <Field id="reg-name" label="Name (optional)" error={errors['reg-name']}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field id="reg-email" label="Email (optional)" error={errors['reg-email']}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="reg-phone" label="Phone (optional)" error={errors['reg-phone']}>
          {(p) => (
            <input
              {...p}
              type="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset id="reg-sessions" tabIndex={-1}>
        <legend>Registered for</legend>
        {errors['reg-sessions'] && <p className="field-message">{errors['reg-sessions']}</p>}
        <div className="checks">
          {listing.sessions.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="checkbox"
                checked={sessionIds.includes(s.id)}
                onChange={(e) =>
                  setSessionIds((ids) =>
                    e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id),
                  )
                }
              />
              <span>
                {s.title} <span className="hint">({s.date})</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={busy}>
        Register
      </button>
    </form>
  );
}
