import { useEffect, useState, type FormEvent } from 'react';
import { retentionPolicySchema, type RetentionPolicy } from '../../../../../core/index.ts';
import { ApiError } from '../../../shared/http.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { getRetention, setRetention, type RetentionView } from './governance-api.ts';

const FIELDS = {
  contactMonthsAfterEnd: 'retention-contact',
  identifyingMonthsAfterEnd: 'retention-identifying',
} as const;

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function expiryText(e: { expiresOn: string | null; due: boolean }): string {
  if (!e.expiresOn) return 'Kept until someone erases it';
  return e.due ? `Erased (due ${longDate(e.expiresOn)})` : `Erased on ${longDate(e.expiresOn)}`;
}

/** Blank means "keep until erased"; anything else must be a whole number of months. */
function months(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,3}$/.test(t) ? Number(t) : 'bad';
}

/**
 * A programme's retention periods and what expires when (the settings page's retention
 * section). Reads and writes through the server, which runs the expiry job on the same schedule.
 */
export function RetentionSection(props: { programmeId: string }) {
  const announce = useAnnounce();
  const [view, setView] = useState<RetentionView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [contact, setContact] = useState('');
  const [identifying, setIdentifying] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  const show = (v: RetentionView) => {
    setView(v);
    setContact(v.policy.contactMonthsAfterEnd?.toString() ?? '');
    setIdentifying(v.policy.identifyingMonthsAfterEnd?.toString() ?? '');
  };
  useEffect(() => {
    getRetention(props.programmeId).then(show, (e: unknown) =>
      setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [props.programmeId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = months(contact);
    const i = months(identifying);
    const found: FieldErrors = {};
    if (c === 'bad')
      found[FIELDS.contactMonthsAfterEnd] = 'Enter a whole number of months, or leave it blank';
    if (i === 'bad')
      found[FIELDS.identifyingMonthsAfterEnd] = 'Enter a whole number of months, or leave it blank';
    if (c !== 'bad' && i !== 'bad') {
      const parsed = retentionPolicySchema.safeParse({
        contactMonthsAfterEnd: c,
        identifyingMonthsAfterEnd: i,
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as keyof typeof FIELDS | undefined;
          found[key ? FIELDS[key] : FIELDS.contactMonthsAfterEnd] = issue.message;
        }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      show(
        await setRetention(props.programmeId, {
          contactMonthsAfterEnd: c as number | null,
          identifyingMonthsAfterEnd: i as number | null,
        } satisfies RetentionPolicy),
      );
      announce('Retention periods saved.');
    } catch (err) {
      // The server's message names the field it refused (formatIssues puts the path first).
      const message =
        err instanceof ApiError ? err.message : 'Not saved: the server could not be reached.';
      const field = message.includes('identifyingMonthsAfterEnd')
        ? FIELDS.identifyingMonthsAfterEnd
        : FIELDS.contactMonthsAfterEnd;
      setErrors({ [field]: message });
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">Retention</h2>
      <p className="hint">
        How long this programme keeps what identifies its participants, counted in months from its
        last session. When a period runs out, Cohear erases it the way an erasure request does, and
        notes it in the audit log.
      </p>
      {loadError && <p role="alert">Could not read the retention periods: {loadError}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} attempt={attempt} />
        <Field
          id={FIELDS.contactMonthsAfterEnd}
          label="Contact details (months after the last session)"
          hint="Names, emails and phone numbers. Leave blank to keep them until erased."
          error={errors[FIELDS.contactMonthsAfterEnd]}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              className="input-short"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={FIELDS.identifyingMonthsAfterEnd}
          label="Everything identifying (months after the last session)"
          hint="Their words, demographics and contact details. Leave blank to keep until erased."
          error={errors[FIELDS.identifyingMonthsAfterEnd]}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              className="input-short"
              value={identifying}
              onChange={(e) => setIdentifying(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={saving}>
          Save retention periods
        </button>
      </form>
      {view && (
        <dl className="retention-schedule">
          <dt>Last session</dt>
          <dd>
            {view.schedule.programmeEnd
              ? longDate(view.schedule.programmeEnd)
              : 'No sessions yet, so nothing expires'}
          </dd>
          <dt>Contact details</dt>
          <dd>{expiryText(view.schedule.contact)}</dd>
          <dt>Everything identifying</dt>
          <dd>{expiryText(view.schedule.identifying)}</dd>
        </dl>
      )}
    </section>
  );
}
