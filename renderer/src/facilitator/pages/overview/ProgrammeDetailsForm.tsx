import { useState } from 'react';
import {
  programmeDetailsPatchSchema,
  programmeProblems,
  type FieldProblems,
  type Programme,
} from '../../../../../core/index.ts';
import { patchProgramme } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { byControlId, changedFields, checkWith, problemsFromError } from '../../ui/form-helpers.ts';

interface Draft {
  title: string;
  organisation: string;
  commissioner: string;
  region: string;
  aims: string;
  startDate: string;
  endDate: string;
}

const toDraft = (p: Programme): Draft => ({
  title: p.title,
  organisation: p.organisation,
  commissioner: p.commissioner,
  region: p.region,
  aims: p.aims.join('\n'),
  startDate: p.startDate ?? '',
  endDate: p.endDate ?? '',
});

/** The programme's details, edited in place; only changed fields are sent. */
export function ProgrammeDetailsForm(props: {
  programme: Programme;
  onSaved: () => Promise<void>;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(() => toDraft(props.programme));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const announce = useAnnounce();
  const set = (k: keyof Draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const err = (f: string) => problems[f];
  const refuse = (p: FieldProblems) => {
    setProblems(p);
    setAttempt((a) => a + 1);
  };
  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="details-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        const candidate = {
          title: draft.title,
          organisation: draft.organisation,
          commissioner: draft.commissioner.trim(),
          region: draft.region.trim(),
          aims: draft.aims
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
          startDate: draft.startDate || null,
          endDate: draft.endDate || null,
        };
        const checked = checkWith(programmeDetailsPatchSchema, candidate);
        if (!checked.ok) {
          const p = { ...checked.problems };
          if (p.title) p.title = 'Enter a title for the programme.';
          if (p.organisation) p.organisation = 'Enter the organisation running the programme.';
          if (p.startDate) p.startDate = 'Enter the start date as a real date.';
          if (p.endDate) p.endDate = 'Enter the end date as a real date.';
          return refuse(p);
        }
        const next = { ...props.programme, ...checked.data };
        const cross = programmeProblems(next);
        if (Object.keys(cross).length > 0) return refuse(cross);
        const patch = changedFields(props.programme, next);
        delete (patch as { id?: string }).id;
        setBusy(true);
        try {
          if (Object.keys(patch).length > 0) await patchProgramme(props.programme.id, patch);
          await props.onSaved();
          setProblems({});
          announce('Programme details saved.');
          props.onDone();
        } catch (err) {
          refuse(problemsFromError(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <ErrorSummary
        errors={byControlId(
          'programme',
          Object.fromEntries(Object.entries(problems).filter(([k]) => k !== 'form')),
        )}
        attempt={attempt}
      />
      <div className="form-grid">
        <Field id="programme-title" label="Title" error={err('title')} className="span-2">
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
        <Field id="programme-organisation" label="Organisation" error={err('organisation')}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={draft.organisation}
              onChange={(e) => set('organisation', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="programme-commissioner"
          label="Commissioner (optional)"
          error={err('commissioner')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={draft.commissioner}
              onChange={(e) => set('commissioner', e.target.value)}
            />
          )}
        </Field>
        <Field id="programme-region" label="Region or area (optional)" error={err('region')}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={draft.region}
              onChange={(e) => set('region', e.target.value)}
            />
          )}
        </Field>
        <div />
        <Field id="programme-startDate" label="Starts" error={err('startDate')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.startDate}
              onChange={(e) => set('startDate', e.target.value)}
            />
          )}
        </Field>
        <Field id="programme-endDate" label="Ends" error={err('endDate')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.endDate}
              onChange={(e) => set('endDate', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="programme-aims"
          label="Aims"
          hint="One aim per line."
          error={err('aims')}
          className="span-2"
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={draft.aims}
              onChange={(e) => set('aims', e.target.value)}
            />
          )}
        </Field>
      </div>
      {problems.form && (
        <p className="error" role="alert">
          {problems.form}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={busy}>
          Save details
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
