import { useEffect, useState } from 'react';
import {
  newId,
  personaSchema,
  type FieldProblems,
  type Persona,
  type SessionDoc,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { byControlId, checkWith } from '../../ui/form-helpers.ts';

const blankStage = () => ({ id: newId('stage'), title: '', description: '', question: '' });

/** Checks a persona; problems keyed by control id suffix (`name`, `stages`, `stage-2-title`). */
function check(p: Persona, usedStageIds: Set<string>, original: Persona | null): FieldProblems {
  const out: FieldProblems = {};
  if (!p.name.trim()) out.name = 'Enter the persona’s name, for example Meg.';
  if (p.stages.length === 0) out.stages = 'A persona needs at least one stage of the journey.';
  p.stages.forEach((s, i) => {
    if (!s.title.trim()) out[`stage-${i}-title`] = `Enter a title for stage ${i + 1}.`;
    if (!s.question.trim())
      out[`stage-${i}-question`] = `Enter the guiding question for stage ${i + 1}.`;
  });
  const missing = (original?.stages ?? []).filter(
    (s) => usedStageIds.has(s.id) && !p.stages.some((x) => x.id === s.id),
  );
  if (missing.length > 0)
    out.stages = `The agenda walks through ${missing.map((s) => `“${s.title}”`).join(', ')}: keep ${missing.length === 1 ? 'that stage' : 'those stages'}, or change the agenda's steps first.`;
  if (Object.keys(out).length === 0) {
    const r = checkWith(personaSchema, p);
    if (!r.ok) Object.assign(out, r.problems);
  }
  return out;
}

/**
 * The persona of a walkthrough: name, short story and the journey's stages, each with the
 * question the group answers. A facilitator running "In Meg's Shoes" makes Meg here.
 */
export function PersonaEditor(props: { doc: SessionDoc }) {
  const { doc } = props;
  const saved = doc.persona();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Persona | null>(saved);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  const [replacing, setReplacing] = useState(false);
  const savedJson = JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) setDraft(JSON.parse(savedJson) as Persona | null);
  }, [savedJson, dirty]);
  const used = new Set(
    doc.agenda().flatMap((s) => (s.type === 'persona-stage' ? [s.stageId] : [])),
  );
  const edit = (next: Persona) => {
    setDraft(next);
    setDirty(true);
  };

  if (!draft)
    return (
      <section className="card" aria-labelledby="persona-heading">
        <h2 id="persona-heading">Persona</h2>
        <p>
          A persona is a fictitious person whose journey the group walks through, asking at each
          stage what the ideal would be.
        </p>
        <button
          type="button"
          onClick={() => {
            edit({ name: '', story: '', stages: [blankStage()] });
            window.setTimeout(() => document.getElementById('persona-name')?.focus(), 0);
          }}
        >
          Add a persona
        </button>
      </section>
    );

  const setStage = (i: number, changes: Partial<Persona['stages'][number]>) =>
    edit({ ...draft, stages: draft.stages.map((s, j) => (j === i ? { ...s, ...changes } : s)) });
  const moveStage = (i: number, to: number) => {
    const stages = [...draft.stages];
    const [s] = stages.splice(i, 1);
    if (!s) return;
    stages.splice(to, 0, s);
    edit({ ...draft, stages });
    window.setTimeout(() => document.getElementById(`persona-stage-${to}-title`)?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="persona-heading">
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found = check(draft, used, saved);
          setProblems(found);
          if (Object.keys(found).length > 0) {
            setAttempt((a) => a + 1);
            return;
          }
          doc.setPersona({
            name: draft.name.trim(),
            story: draft.story,
            stages: draft.stages.map((s) => ({
              ...s,
              title: s.title.trim(),
              question: s.question.trim(),
            })),
          });
          setDirty(false);
          announce(`${draft.name.trim()} saved, with ${draft.stages.length} stages.`);
        }}
      >
        <div className="row section-head">
          <h2 id="persona-heading">Persona{saved ? `: ${saved.name}` : ''}</h2>
          <span className="spacer" />
          {saved && (
            <button type="button" className="small secondary" onClick={() => setReplacing(true)}>
              Replace with a new persona…
            </button>
          )}
        </div>
        <ErrorSummary errors={byControlId('persona', problems)} attempt={attempt} />
        <Field id="persona-name" label="Name" error={problems.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={100}
              value={draft.name}
              onChange={(e) => edit({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field
          id="persona-story"
          label="Short story"
          hint="Who they are and what brings them to the service, in a few sentences."
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              maxLength={4000}
              value={draft.story}
              onChange={(e) => edit({ ...draft, story: e.target.value })}
            />
          )}
        </Field>
        <div id="persona-stages" tabIndex={-1}>
          <h3>Stages of the journey</h3>
          {problems.stages && (
            <p className="field-message" id="persona-stages-error">
              <span className="visually-hidden">Error: </span>
              {problems.stages}
            </p>
          )}
        </div>
        <ol className="stage-list">
          {draft.stages.map((s, i) => (
            <li key={s.id}>
              <fieldset>
                <legend>Stage {i + 1}</legend>
                <Field
                  id={`persona-stage-${i}-title`}
                  label="Title"
                  error={problems[`stage-${i}-title`]}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      maxLength={200}
                      value={s.title}
                      onChange={(e) => setStage(i, { title: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={`persona-stage-${i}-description`} label="What happens to them">
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      maxLength={2000}
                      value={s.description}
                      onChange={(e) => setStage(i, { description: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id={`persona-stage-${i}-question`}
                  label="Guiding question"
                  error={problems[`stage-${i}-question`]}
                >
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      maxLength={1000}
                      value={s.question}
                      onChange={(e) => setStage(i, { question: e.target.value })}
                    />
                  )}
                </Field>
                <div className="row">
                  <button
                    type="button"
                    className="small secondary"
                    disabled={i === 0}
                    onClick={() => moveStage(i, i - 1)}
                  >
                    Move up<span className="visually-hidden"> stage {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    className="small secondary"
                    disabled={i === draft.stages.length - 1}
                    onClick={() => moveStage(i, i + 1)}
                  >
                    Move down<span className="visually-hidden"> stage {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => {
                      edit({ ...draft, stages: draft.stages.filter((_, j) => j !== i) });
                      document.getElementById('persona-add-stage')?.focus();
                    }}
                  >
                    Remove<span className="visually-hidden"> stage {i + 1}</span>
                  </button>
                  {used.has(s.id) && <span className="hint">Walked through in the agenda</span>}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="row">
          <button
            type="button"
            id="persona-add-stage"
            className="secondary"
            onClick={() => {
              edit({ ...draft, stages: [...draft.stages, blankStage()] });
              window.setTimeout(
                () =>
                  document.getElementById(`persona-stage-${draft.stages.length}-title`)?.focus(),
                0,
              );
            }}
          >
            Add a stage
          </button>
          <button type="submit">Save persona</button>
          {dirty && <span className="hint">Unsaved changes</span>}
        </div>
      </form>
      <ConfirmDialog
        isOpen={replacing}
        title={`Replace ${saved?.name ?? 'the persona'}?`}
        confirmLabel="Start a new persona"
        onCancel={() => setReplacing(false)}
        onConfirm={() => {
          setReplacing(false);
          // The stages keep their places (and ids), so the agenda's persona steps stay in order.
          edit({
            name: '',
            story: '',
            stages: draft.stages.map((s) => ({
              id: s.id,
              title: '',
              description: '',
              question: '',
            })),
          });
          window.setTimeout(() => document.getElementById('persona-name')?.focus(), 0);
        }}
      >
        <p>
          The form is emptied for a new person with the same number of stages, so the agenda keeps
          walking through them in order. Nothing changes until you save.
        </p>
      </ConfirmDialog>
    </section>
  );
}
