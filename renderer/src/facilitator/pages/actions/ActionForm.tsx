import { useState } from 'react';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  ACTION_TERMS,
  ACTION_TERM_LABELS,
  actionFormSchema,
  fieldErrors,
  newId,
  type Action,
  type ActionFormInput,
  type EvidenceNote,
  type Theme,
} from '../../../../../core/index.ts';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import { ThemeChecks } from './ThemeChecks.tsx';

function initial(a: Action | null): ActionFormInput {
  return {
    heard: a?.heard ?? '',
    done: a?.done ?? '',
    owner: a?.owner ?? '',
    due: a?.due ?? '',
    status: a?.status ?? 'open',
    term: a?.term ?? 'short',
    themeIds: a?.themeIds ?? [],
    noteIds: a?.noteIds ?? [],
    shared: a?.shared ?? false,
  };
}

/**
 * Adding or editing one row of "you said, we did". Checked with core's schema before anything is
 * written to the programme document, so a bad due date saves nothing and is named beside its field.
 */
export function ActionForm(props: {
  action: Action | null;
  themes: Theme[];
  evidence: EvidenceNote[] | null;
  onSave: (a: Action) => void;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<ActionFormInput>(() => initial(props.action));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const key = props.action?.id ?? 'new';
  const id = (f: string) => `action-${f}-${key}`;
  const err = (f: string) => errors[id(f)];
  return (
    <form
      className="stack"
      noValidate
      aria-label={props.action ? 'Edit the action' : 'Add an action'}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = actionFormSchema.safeParse(v);
        if (!parsed.success) {
          const byField = fieldErrors(parsed.error);
          setErrors(Object.fromEntries(Object.entries(byField).map(([f, m]) => [id(f), m])));
          setAttempt((n) => n + 1);
          return;
        }
        setErrors({});
        props.onSave({ id: props.action?.id ?? newId('a'), ...parsed.data });
        if (!props.action) setV(initial(null));
      }}
    >
      <ErrorSummary errors={errors} attempt={attempt} />
      <Field id={id('heard')} label="What we heard (you said)" error={err('heard')}>
        {(p) => (
          <textarea
            {...p}
            value={v.heard}
            onChange={(e) => setV({ ...v, heard: e.target.value })}
          />
        )}
      </Field>
      <ThemeChecks
        id={id('themeIds')}
        themes={props.themes}
        value={v.themeIds}
        onChange={(themeIds) => setV({ ...v, themeIds })}
      />
      <fieldset>
        <legend>Evidence: the notes it comes from</legend>
        <EvidencePicker
          id={id('noteIds')}
          notes={props.evidence}
          themeIds={v.themeIds}
          value={v.noteIds}
          onChange={(noteIds) => setV({ ...v, noteIds })}
        />
      </fieldset>
      <Field id={id('done')} label="What was done (we did)" error={err('done')}>
        {(p) => (
          <textarea {...p} value={v.done} onChange={(e) => setV({ ...v, done: e.target.value })} />
        )}
      </Field>
      <div className="form-columns">
        <Field id={id('owner')} label="Owner" error={err('owner')}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={v.owner}
              onChange={(e) => setV({ ...v, owner: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={id('due')}
          label="Due"
          hint="For example 2026-03-14; leave blank for none"
          error={err('due')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              value={v.due}
              onChange={(e) => setV({ ...v, due: e.target.value })}
            />
          )}
        </Field>
        <Field id={id('status')} label="Status" error={err('status')}>
          {(p) => (
            <select
              {...p}
              value={v.status}
              onChange={(e) => setV({ ...v, status: e.target.value as Action['status'] })}
            >
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('term')} label="Term" error={err('term')}>
          {(p) => (
            <select
              {...p}
              value={v.term}
              onChange={(e) => setV({ ...v, term: e.target.value as Action['term'] })}
            >
              {ACTION_TERMS.map((t) => (
                <option key={t} value={t}>
                  {ACTION_TERM_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={v.shared}
          onChange={(e) => setV({ ...v, shared: e.target.checked })}
        />
        <span>Show to participants on their phones</span>
      </label>
      <div className="row">
        <button type="submit">{props.action ? 'Save the action' : 'Add the action'}</button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
