import { useEffect, useId, useState } from 'react';
import { referencePopulationSchema, type ReferencePopulation } from '../../../../../core/index.ts';
import { ErrorSummary, type FieldErrors } from '../../ui/ErrorSummary.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import {
  getAnalysisSettings,
  putReference,
  type AnalysisSettings,
} from '../clouds/analysis-api.ts';

/**
 * The population who took part is compared with: Census 2021 for England and Wales unless the
 * facilitator enters their own (an ICB's or a service's), category by category, starting from
 * the census's groups. A settings section; the representation screen shows it too.
 */
export function ReferenceSettings(props: { programmeId: string; onSaved?: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [settings, setSettings] = useState<AnalysisSettings | null>(null);
  const [draft, setDraft] = useState<ReferencePopulation | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void getAnalysisSettings(props.programmeId).then(setSettings);
  }, [props.programmeId]);
  if (!settings) return null;

  const start = () => {
    const from = settings.reference ?? settings.defaults.census;
    setDraft({
      ...structuredClone(from),
      name: settings.reference ? from.name : 'Our local population',
      source: settings.reference ? from.source : '',
    });
    setErrors({});
  };

  const save = async (reference: ReferencePopulation | null) => {
    if (reference) {
      const r = referencePopulationSchema.safeParse(reference);
      if (!r.success) {
        const found: FieldErrors = {};
        for (const issue of r.error.issues) {
          const [top, di, , ci] = issue.path;
          const key =
            top === 'dimensions'
              ? `${id}-${String(di)}-${typeof ci === 'number' ? ci : 0}`
              : `${id}-${String(top)}`;
          const where =
            top === 'dimensions' && typeof ci === 'number'
              ? `${reference.dimensions[di as number]?.categories[ci]?.label ?? ''}: `
              : '';
          found[key] ??=
            issue.message === 'expected 0 or more'
              ? `${where}enter a percentage`
              : `${where}${issue.message}`;
        }
        setErrors(found);
        setAttempt((a) => a + 1);
        return;
      }
    }
    setBusy(true);
    try {
      const saved = await putReference(props.programmeId, reference);
      setSettings(saved);
      setDraft(null);
      setErrors({});
      announce(
        reference ? `Saved: compared with ${reference.name}.` : 'Compared with Census 2021 again.',
      );
      props.onSaved?.();
    } catch (e) {
      setErrors({ [`${id}-name`]: (e as Error).message });
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const current = settings.reference ?? settings.defaults.census;
  const setPercent = (di: number, ci: number, value: string) => {
    if (!draft) return;
    const next = structuredClone(draft);
    const n = Number(value);
    next.dimensions[di]!.categories[ci]!.percent = value.trim() === '' || Number.isNaN(n) ? -1 : n;
    setDraft(next);
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Reference population</h2>
      <p>
        Now compared with <strong>{current.name}</strong>
        {settings.reference ? ' (entered for this programme)' : ' (the default)'}.
      </p>
      {!draft && (
        <div className="row">
          <button type="button" onClick={start}>
            {settings.reference ? 'Change the local reference' : 'Enter a local reference'}
          </button>
          {settings.reference && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void save(null)}
            >
              Use Census 2021 again
            </button>
          )}
        </div>
      )}
      {draft && (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <ErrorSummary errors={errors} attempt={attempt} />
          <Field id={`${id}-name`} label="Name of the population" error={errors[`${id}-name`]}>
            {(p) => (
              <input
                {...p}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={`${id}-source`}
            label="Where the figures come from"
            error={errors[`${id}-source`]}
            hint="For example: the ICB's population health team, 2025."
          >
            {(p) => (
              <input
                {...p}
                value={draft.source}
                onChange={(e) => setDraft({ ...draft, source: e.target.value })}
              />
            )}
          </Field>
          <div className="stack">
            {draft.dimensions.map((d, di) => (
              <fieldset key={d.fieldId}>
                <legend>{d.label} (percentages adding up to 100)</legend>
                <div className="ref-grid">
                  {d.categories.map((c, ci) => (
                    <div
                      key={c.id}
                      className={`field${errors[`${id}-${di}-${ci}`] ? ' field-error' : ''}`}
                    >
                      <label htmlFor={`${id}-${di}-${ci}`}>{c.label}</label>
                      {errors[`${id}-${di}-${ci}`] && (
                        <p id={`${id}-${di}-${ci}-error`} className="field-message">
                          <span className="visually-hidden">Error: </span>
                          {errors[`${id}-${di}-${ci}`]}
                        </p>
                      )}
                      <input
                        id={`${id}-${di}-${ci}`}
                        aria-invalid={errors[`${id}-${di}-${ci}`] ? true : undefined}
                        aria-describedby={
                          errors[`${id}-${di}-${ci}`] ? `${id}-${di}-${ci}-error` : undefined
                        }
                        inputMode="decimal"
                        size={6}
                        defaultValue={String(c.percent)}
                        onChange={(e) => setPercent(di, ci, e.target.value)}
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
          <div className="row">
            <button type="submit" disabled={busy}>
              Save the reference
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
