import { useState } from 'react';
import {
  SESSION_KINDS,
  SESSION_KIND_LABELS,
  SESSION_MODES,
  newSessionSchema,
  sessionProblems,
  type FieldProblems,
  type NewSession,
} from '../../../../../core/index.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { byControlId, checkWith } from '../../ui/form-helpers.ts';

export const MODE_LABELS: Record<(typeof SESSION_MODES)[number], string> = {
  'in-person': 'In person',
  online: 'Online',
  hybrid: 'Hybrid (in the room and online)',
};

/** The form's text, as typed: numbers stay text until saved, so nothing typed is lost. */
interface Draft {
  title: string;
  kind: NewSession['kind'];
  mode: NewSession['mode'];
  date: string;
  startTime: string;
  durationMinutes: string;
  venue: string;
  cohort: string;
  registeredCount: string;
  facilitators: string;
  recordingAgreed: boolean;
}

const toDraft = (s: NewSession): Draft => ({
  title: s.title,
  kind: s.kind,
  mode: s.mode,
  date: s.date,
  startTime: s.startTime ?? '',
  durationMinutes: String(s.durationMinutes),
  venue: s.venue,
  cohort: s.cohort,
  registeredCount: String(s.registeredCount),
  facilitators: s.facilitators.join(', '),
  recordingAgreed: s.recordingAgreed,
});

const number = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

/** Checks the draft with the model's own rules; every problem is named against its field. */
function check(
  id: string,
  d: Draft,
): { ok: true; session: NewSession } | { ok: false; problems: FieldProblems } {
  const result = checkWith(newSessionSchema, {
    id,
    title: d.title,
    kind: d.kind,
    mode: d.mode,
    date: d.date,
    startTime: d.startTime.trim() === '' ? null : d.startTime,
    durationMinutes: number(d.durationMinutes),
    venue: d.venue.trim(),
    cohort: d.cohort.trim(),
    registeredCount: number(d.registeredCount),
    facilitators: d.facilitators
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    recordingAgreed: d.recordingAgreed,
  });
  if (!result.ok) {
    const p = { ...result.problems };
    if (p.date) p.date = 'Enter the date as a real date, for example 14 March 2027.';
    if (p.durationMinutes) p.durationMinutes = 'Enter the length in whole minutes, at least 1.';
    if (p.registeredCount)
      p.registeredCount = 'Enter how many registered as a whole number (0 or more).';
    if (p.title) p.title = 'Enter a title for the session.';
    return { ok: false, problems: p };
  }
  const problems = sessionProblems({ ...result.data, status: 'planned' });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, session: result.data };
}

/**
 * Every planned detail of a session. The caller saves; a refusal (here or from the server) is
 * shown beside each field and in a summary that takes focus, and nothing typed is cleared.
 */
export function SessionDetailsForm(props: {
  initial: NewSession;
  cohorts: string[];
  submitLabel: string;
  onSubmit: (session: NewSession) => Promise<FieldProblems | null>;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.initial));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) => problems[field];

  return (
    <form
      className="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const checked = check(props.initial.id, draft);
        if (!checked.ok) {
          setProblems(checked.problems);
          setAttempt((a) => a + 1);
          return;
        }
        setBusy(true);
        const refused = await props.onSubmit(checked.session);
        setBusy(false);
        setProblems(refused ?? {});
        if (refused) setAttempt((a) => a + 1);
      }}
    >
      <ErrorSummary
        errors={byControlId(
          'session',
          Object.fromEntries(Object.entries(problems).filter(([k]) => k !== 'form')),
        )}
        attempt={attempt}
      />
      <div className="form-grid">
        <Field id="session-title" label="Title" error={err('title')} className="span-2">
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field id="session-kind" label="Kind of session" error={err('kind')}>
          {(p) => (
            <select
              {...p}
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as Draft['kind'])}
            >
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SESSION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-mode" label="Where it happens" error={err('mode')}>
          {(p) => (
            <select
              {...p}
              value={draft.mode}
              onChange={(e) => set('mode', e.target.value as Draft['mode'])}
            >
              {SESSION_MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-date" label="Date" error={err('date')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.date}
              onChange={(e) => set('date', e.target.value)}
            />
          )}
        </Field>
        <Field id="session-startTime" label="Start time (optional)" error={err('startTime')}>
          {(p) => (
            <input
              {...p}
              type="time"
              value={draft.startTime}
              onChange={(e) => set('startTime', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-durationMinutes"
          label="Length in minutes"
          error={err('durationMinutes')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              value={draft.durationMinutes}
              onChange={(e) => set('durationMinutes', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-registeredCount"
          label="People registered"
          error={err('registeredCount')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              value={draft.registeredCount}
              onChange={(e) => set('registeredCount', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-venue"
          label={draft.mode === 'online' ? 'Online meeting link' : 'Venue or online link'}
          error={err('venue')}
          className="span-2"
        >
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={300}
              value={draft.venue}
              onChange={(e) => set('venue', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="session-cohort"
          label="Cohort"
          hint="Who this session is for, for example “Parents and carers”."
          error={err('cohort')}
        >
          {(p) => (
            <>
              <input
                {...p}
                type="text"
                list="session-cohort-options"
                maxLength={200}
                value={draft.cohort}
                onChange={(e) => set('cohort', e.target.value)}
              />
              <datalist id="session-cohort-options">
                {props.cohorts.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          id="session-facilitators"
          label="Facilitators"
          hint="Separate names with commas."
          error={err('facilitators')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              value={draft.facilitators}
              onChange={(e) => set('facilitators', e.target.value)}
            />
          )}
        </Field>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.recordingAgreed}
          onChange={(e) => set('recordingAgreed', e.target.checked)}
        />
        <span>The group agreed that this session may be recorded</span>
      </label>
      {problems.form && (
        <p className="error" role="alert">
          {problems.form}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
