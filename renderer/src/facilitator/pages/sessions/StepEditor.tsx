import { useEffect, useState } from 'react';
import {
  AGENDA_STEP_LABELS,
  GOT_IT_RIGHT_QUESTION,
  type AgendaStep,
  type FieldProblems,
  type Persona,
  type Theme,
} from '../../../../../core/index.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { byControlId } from '../../ui/form-helpers.ts';
import { checkStep } from './step-drafts.ts';

type Draft = AgendaStep & { minutesText: string };

/**
 * Edits one agenda step. Saving writes only this step into the live document, so a live
 * session at this step shows the new prompt on every phone at once.
 */
export function StepEditor(props: {
  step: AgendaStep;
  index: number;
  count: number;
  persona: Persona | null;
  themes: Theme[];
  notes: number;
  isCurrent: boolean;
  onSave: (step: AgendaStep) => void;
  onMove: (toIndex: number) => void;
  onRemove: () => void;
}) {
  const { step } = props;
  const [draft, setDraft] = useState<Draft>({ ...step, minutesText: String(step.minutes) });
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  // Someone else changed this step while it was open here, untouched: show theirs.
  useEffect(() => {
    if (!dirty) setDraft({ ...step, minutesText: String(step.minutes) });
  }, [step, dirty]);
  const update = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }) as Draft);
    setDirty(true);
  };
  const id = (f: string) => `step-${f}`;
  const err = (f: string) => problems[f];
  const questions = draft.type === 'theme-discussion' ? draft.questions : [];

  return (
    <form
      className="card stack step-editor"
      aria-labelledby="step-editor-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { minutesText, ...rest } = draft;
        const minutes = /^\s*\d+\s*$/.test(minutesText) ? Number(minutesText) : minutesText;
        const checked = checkStep({
          ...rest,
          minutes,
          ...(rest.type === 'theme-discussion'
            ? { questions: rest.questions.map((q) => q.trim()).filter(Boolean) }
            : {}),
        });
        if (!checked.ok) {
          setProblems(checked.problems);
          setAttempt((a) => a + 1);
          return;
        }
        setProblems({});
        setDirty(false);
        props.onSave(checked.step);
      }}
    >
      <h3 id="step-editor-heading">
        Step {props.index + 1}: {AGENDA_STEP_LABELS[step.type]}
        {props.isCurrent && <span className="status-tag status-open"> On the phones now</span>}
      </h3>
      <ErrorSummary errors={byControlId('step', problems)} attempt={attempt} />
      <div className="form-grid">
        <Field id={id('title')} label="Title" error={err('title')} className="span-2">
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={draft.title}
              onChange={(e) => update({ title: e.target.value })}
            />
          )}
        </Field>
        <Field id={id('minutes')} label="Minutes" error={err('minutes')}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              value={draft.minutesText}
              onChange={(e) => update({ minutesText: e.target.value })}
            />
          )}
        </Field>
      </div>
      {draft.type === 'theme-discussion' && (
        <>
          <Field
            id={id('themeId')}
            label="Theme"
            hint="The theme this discussion is about; its questions appear under it in the report."
          >
            {(p) => (
              <select
                {...p}
                value={draft.themeId ?? ''}
                onChange={(e) => update({ themeId: e.target.value || null })}
              >
                <option value="">No theme</option>
                {props.themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.parentId ? '— ' : ''}
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset>
            <legend>Questions people are asked</legend>
            {questions.length === 0 && <p className="hint">No questions yet.</p>}
            {questions.map((q, i) => (
              <div key={i} className="question-row">
                <Field
                  id={id(`questions-${i}`)}
                  label={`Question ${i + 1}`}
                  error={err('questions')}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      maxLength={1000}
                      value={q}
                      onChange={(e) =>
                        update({
                          questions: questions.map((x, j) => (j === i ? e.target.value : x)),
                        })
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => {
                    update({ questions: questions.filter((_, j) => j !== i) });
                    document.getElementById(id('add-question'))?.focus();
                  }}
                >
                  Remove<span className="visually-hidden"> question {i + 1}</span>
                </button>
              </div>
            ))}
            <div className="row">
              <button
                type="button"
                id={id('add-question')}
                className="small secondary"
                onClick={() => {
                  update({ questions: [...questions, ''] });
                  window.setTimeout(
                    () => document.getElementById(id(`questions-${questions.length}`))?.focus(),
                    0,
                  );
                }}
              >
                Add a question
              </button>
              {!questions.includes(GOT_IT_RIGHT_QUESTION) && (
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => update({ questions: [...questions, GOT_IT_RIGHT_QUESTION] })}
                >
                  Add “{GOT_IT_RIGHT_QUESTION}”
                </button>
              )}
            </div>
          </fieldset>
        </>
      )}
      {draft.type === 'persona-stage' && (
        <Field
          id={id('stageId')}
          label="Persona stage"
          hint={
            props.persona
              ? `The stage of ${props.persona.name}'s journey this step walks through.`
              : 'This session has no persona yet: add one below.'
          }
          error={err('stageId')}
        >
          {(p) => (
            <select
              {...p}
              value={draft.stageId}
              onChange={(e) => update({ stageId: e.target.value })}
            >
              {!props.persona?.stages.some((s) => s.id === draft.stageId) && (
                <option value={draft.stageId}>Choose a stage</option>
              )}
              {props.persona?.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {(draft.type === 'story-round' || draft.type === 'reflect-back') && (
        <Field id={id('prompt')} label="What people are asked" error={err('prompt')}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={2000}
              value={draft.prompt}
              onChange={(e) => update({ prompt: e.target.value })}
            />
          )}
        </Field>
      )}
      {draft.type === 'free' && (
        <Field id={id('description')} label="Notes for the facilitators" error={err('description')}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={4000}
              value={draft.description}
              onChange={(e) => update({ description: e.target.value })}
            />
          )}
        </Field>
      )}
      <div className="row">
        <button type="submit">Save step</button>
        {dirty && <span className="hint">Unsaved changes</span>}
        <span className="spacer" />
        <button
          type="button"
          className="small secondary"
          disabled={props.index === 0}
          onClick={() => props.onMove(props.index - 1)}
        >
          Move up
        </button>
        <button
          type="button"
          className="small secondary"
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(props.index + 1)}
        >
          Move down
        </button>
        <button type="button" className="small danger" onClick={props.onRemove}>
          Remove step…
        </button>
      </div>
      {props.notes > 0 && (
        <p className="hint">
          {props.notes} {props.notes === 1 ? 'note was' : 'notes were'} taken at this step. Editing
          keeps them; removing the step asks where they go.
        </p>
      )}
    </form>
  );
}
