import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/http.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import {
  addAccount,
  ROLE_WORDS,
  type AccountRole,
  type AdminState,
  type NewAccount,
} from './admin-api.ts';

const PASSWORD_MIN = 10;
const EMPTY: NewAccount = { email: '', name: '', password: '', role: 'facilitator' };

/** The same rules the server applies (`newUserSchema`), checked first so each is beside its field. */
function check(v: NewAccount): FieldErrors {
  const e: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
    e['account-email'] = 'Enter an email address, like sam@example.org.';
  if (!v.name.trim()) e['account-name'] = 'Enter the name colleagues will see.';
  if (v.password.length < PASSWORD_MIN)
    e['account-password'] = `A password needs at least ${PASSWORD_MIN} characters.`;
  return e;
}

/** Adds an account. A refused form keeps what was typed and says what is wrong beside it. */
export function AccountForm(props: { onAdded: (s: AdminState, id: string) => void }) {
  const [value, setValue] = useState<NewAccount>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const emailRef = useRef<HTMLInputElement>(null);
  const set = (k: keyof NewAccount) => (v: string) => setValue({ ...value, [k]: v });

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = check(value);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const r = await addAccount({ ...value, email: value.email.trim(), name: value.name.trim() });
      setValue(EMPTY);
      announce(
        `Account for ${value.email.trim()} added. Make it a member of its programmes below.`,
      );
      props.onAdded(r, r.id);
      emailRef.current?.focus();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const field = e instanceof ApiError && e.code === 'exists' ? 'account-email' : 'account-form';
      setErrors({ [field]: message });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="account-add-title"
    >
      <h3 id="account-add-title">Add an account</h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <div className="admin-form-row">
        <Field id="account-email" label="Email" error={errors['account-email']}>
          {(c) => (
            <input
              {...c}
              ref={emailRef}
              type="email"
              autoComplete="off"
              value={value.email}
              onChange={(e) => set('email')(e.target.value)}
            />
          )}
        </Field>
        <Field id="account-name" label="Name" error={errors['account-name']}>
          {(c) => (
            <input
              {...c}
              type="text"
              value={value.name}
              onChange={(e) => set('name')(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="account-password"
          label="First password"
          hint={`At least ${PASSWORD_MIN} characters; give it to them in person`}
          error={errors['account-password']}
        >
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              value={value.password}
              onChange={(e) => set('password')(e.target.value)}
            />
          )}
        </Field>
        <Field id="account-role" label="Role">
          {(c) => (
            <select
              {...c}
              value={value.role}
              onChange={(e) => set('role')(e.target.value as AccountRole)}
            >
              {(Object.keys(ROLE_WORDS) as AccountRole[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_WORDS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {errors['account-form'] && (
        <p id="account-form" className="error" tabIndex={-1}>
          {errors['account-form']}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          Add account
        </button>
      </div>
    </form>
  );
}
