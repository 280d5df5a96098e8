import { useEffect, useId, useState } from 'react';
import { demographicFieldsSchema, type DemographicFieldDef } from '../../../../../core/index.ts';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import {
  getAnalysisSettings,
  putDemographicFields,
  type AnalysisSettings,
} from '../clouds/analysis-api.ts';

function keyOf(label: string): string {
  const k = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return k || 'answer';
}

/** Answers typed one a line, keeping the ids of answers whose wording did not change. */
function answersFromLines(
  field: DemographicFieldDef,
  text: string,
): DemographicFieldDef['options'] {
  const used = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((label) => {
      let id = field.options.find((o) => o.label === label)?.id ?? keyOf(label);
      while (used.has(id)) id = `${id}-2`.slice(-40);
      used.add(id);
      return { id, label };
    });
}

/**
 * The demographic questions of a programme: the participant page asks them, the People screen
 * records them and every export counts them. Start from the recommended set (age bands to 80+,
 * the census's 19 ethnic groups, disability, long-term condition, carer), change the wording and
 * answers, remove what you do not need, add your own single-choice questions. "Prefer not to
 * say" is always offered. A settings section; the representation screen shows it too.
 */
export function DemographicFieldsSettings(props: { programmeId: string; onSaved?: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [settings, setSettings] = useState<AnalysisSettings | null>(null);
  const [draft, setDraft] = useState<DemographicFieldDef[] | null>(null);
  const [answerText, setAnswerText] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void getAnalysisSettings(props.programmeId).then(setSettings);
  }, [props.programmeId]);
  if (!settings) return null;

  const edit = (fields: readonly DemographicFieldDef[]) => {
    setDraft(structuredClone([...fields]));
    setAnswerText(
      Object.fromEntries(fields.map((f) => [f.id, f.options.map((o) => o.label).join('\n')])),
    );
    setErrors({});
  };
  const patch = (i: number, change: Partial<DemographicFieldDef>) =>
    setDraft((d) => d && d.map((f, j) => (j === i ? { ...f, ...change } : f)));

  const save = async () => {
    if (!draft) return;
    const fields = draft.map((f) =>
      f.kind === 'choice' && !f.groups
        ? { ...f, options: answersFromLines(f, answerText[f.id] ?? '') }
        : f,
    );
    const r = demographicFieldsSchema.safeParse(fields);
    if (!r.success) {
      const found: FieldErrors = {};
      for (const issue of r.error.issues) {
        const [i, part] = issue.path as [number, string | undefined];
        const what = part === 'label' || part === 'question' ? part : 'answers';
        found[`${id}-${i}-${what}`] ??= `${fields[i]?.label ?? 'Question'}: ${issue.message}`;
      }
      setErrors(found);
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      const saved = await putDemographicFields(props.programmeId, r.data);
      setSettings(saved);
      setDraft(null);
      setErrors({});
      announce(`Saved: ${saved.demographicFields.length} demographic questions.`);
      props.onSaved?.();
    } catch (e) {
      setErrors({ [`${id}-0-label`]: (e as Error).message });
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Demographic questions</h2>
      {!draft && (
        <>
          <p>
            {settings.customFields
              ? 'This programme asks its own questions:'
              : 'This programme asks the standard questions:'}{' '}
            {settings.demographicFields.map((f) => f.label).join(', ')}. Each offers "prefer not to
            say".
          </p>
          <div className="row">
            <button type="button" onClick={() => edit(settings.demographicFields)}>
              Change the questions
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => edit(settings.defaults.recommendedFields)}
            >
              Start from the recommended questions
            </button>
          </div>
        </>
      )}
      {draft && (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ErrorSummary errors={errors} attempt={attempt} />
          {draft.map((f, i) => (
            <fieldset key={`${f.id}-${i}`} className="stack">
              <legend>
                Question {i + 1}: {f.label}
              </legend>
              <Field
                id={`${id}-${i}-label`}
                label="Short name (reports)"
                error={errors[`${id}-${i}-label`]}
              >
                {(p) => (
                  <input
                    {...p}
                    value={f.label}
                    onChange={(e) => patch(i, { label: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id={`${id}-${i}-question`}
                label="Question (participant page)"
                error={errors[`${id}-${i}-question`]}
              >
                {(p) => (
                  <input
                    {...p}
                    value={f.question}
                    onChange={(e) => patch(i, { question: e.target.value })}
                  />
                )}
              </Field>
              {f.kind === 'text' && <p className="hint">Answered in the person's own words.</p>}
              {f.kind === 'choice' && f.groups && (
                <p className="hint">
                  {f.options.length} answers, counted in {f.groups.length} broad groups (
                  {f.groups.map((g) => g.label).join('; ')}).
                </p>
              )}
              {f.kind === 'choice' && !f.groups && (
                <Field
                  id={`${id}-${i}-answers`}
                  label="Answers, one a line"
                  hint='"Prefer not to say" is always added.'
                  error={errors[`${id}-${i}-answers`]}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      rows={Math.min(
                        8,
                        Math.max(3, (answerText[f.id] ?? '').split('\n').length + 1),
                      )}
                      value={answerText[f.id] ?? ''}
                      onChange={(e) => setAnswerText({ ...answerText, [f.id]: e.target.value })}
                    />
                  )}
                </Field>
              )}
              <div className="row">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setDraft(draft.filter((_, j) => j !== i));
                    announce(`Removed the question "${f.label}".`);
                  }}
                >
                  Remove "{f.label}"
                </button>
              </div>
            </fieldset>
          ))}
          <div className="row">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                let n = draft.length + 1;
                while (draft.some((f) => f.id === `custom-${n}`)) n += 1;
                const fid = `custom-${n}`;
                setDraft([
                  ...draft,
                  {
                    id: fid,
                    label: 'New question',
                    question: 'New question?',
                    kind: 'choice',
                    options: [],
                  },
                ]);
                setAnswerText({ ...answerText, [fid]: '' });
                setTimeout(
                  () => document.getElementById(`${id}-${draft.length}-label`)?.focus(),
                  0,
                );
              }}
            >
              Add a question of your own
            </button>
          </div>
          <div className="row">
            <button type="submit" disabled={busy}>
              Save the questions
            </button>
            <button type="button" className="secondary" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
