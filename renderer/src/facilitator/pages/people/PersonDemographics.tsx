import { useEffect, useState } from 'react';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  demographicAnswerProblems,
  type DemographicFieldDef,
  type Demographics,
} from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { getAnalysisSettings } from '../clouds/analysis-api.ts';
import { PersonDemographicsFields } from '../representation/PersonDemographicsFields.tsx';

/**
 * Demographics copied from a paper form: the programme's own questions (its settings), each
 * with "prefer not to say". Checked with the same rule the server applies.
 */
export function PersonDemographics(props: {
  personId: string;
  value: Demographics;
  onSave: (d: Demographics) => Promise<void>;
}) {
  const { programme } = useProgramme();
  const [fields, setFields] = useState<readonly DemographicFieldDef[] | null>(null);
  const [d, setD] = useState<Demographics>(props.value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    getAnalysisSettings(programme.id).then(
      (s) => live && setFields(s.demographicFields),
      () => live && setFields(LEGACY_DEMOGRAPHIC_FIELDS),
    );
    return () => {
      live = false;
    };
  }, [programme.id]);
  if (!fields) return <p role="status">Loading the programme&rsquo;s questions&hellip;</p>;
  return (
    <form
      className="stack"
      aria-labelledby={`demo-heading-${props.personId}`}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const answers: Demographics = {};
        for (const f of fields) {
          const v = d[f.id];
          answers[f.id] = typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
        }
        const problems = demographicAnswerProblems(fields, answers);
        setErrors(problems);
        if (Object.keys(problems).length > 0) {
          const first = Object.keys(problems)[0];
          document.getElementById(`${props.personId}-dem-${first}`)?.focus();
          return;
        }
        setBusy(true);
        try {
          await props.onSave(answers);
        } catch (err) {
          setErrors({ [fields[0]?.id ?? 'form']: (err as Error).message });
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id={`demo-heading-${props.personId}`}>About them (from the paper form)</h3>
      <div className="form-columns">
        <PersonDemographicsFields
          idPrefix={props.personId}
          fields={fields}
          value={d}
          onChange={setD}
          errors={errors}
        />
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        Save answers
      </button>
    </form>
  );
}
