import { useState } from 'react';
import {
  fieldErrors,
  recommendationFormSchema,
  type EvidenceNote,
  type Recommendation,
  type RecommendationFormInput,
  type Theme,
} from '../../../../../core/index.ts';
import { Field } from '../../ui/Field.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import { ThemeChecks } from './ThemeChecks.tsx';

/** Adding or editing a recommendation, with its themes and evidence notes. */
export function RecommendationForm(props: {
  recommendation: Recommendation | null;
  themes: Theme[];
  evidence: EvidenceNote[] | null;
  onSave: (r: RecommendationFormInput & { text: string }) => void;
  onCancel?: () => void;
}) {
  const r = props.recommendation;
  const [v, setV] = useState<RecommendationFormInput>({
    text: r?.text ?? '',
    themeIds: r?.themeIds ?? [],
    noteIds: r?.noteIds ?? [],
  });
  const [error, setError] = useState<string | undefined>();
  const key = r?.id ?? 'new';
  return (
    <form
      className="stack"
      noValidate
      aria-label={r ? 'Edit the recommendation' : 'Add a recommendation'}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = recommendationFormSchema.safeParse(v);
        if (!parsed.success) return setError(fieldErrors(parsed.error).text);
        setError(undefined);
        props.onSave(parsed.data);
        if (!r) setV({ text: '', themeIds: [], noteIds: [] });
      }}
    >
      <Field id={`rec-text-${key}`} label="Recommendation" error={error}>
        {(p) => (
          <textarea {...p} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} />
        )}
      </Field>
      <ThemeChecks
        id={`rec-themes-${key}`}
        themes={props.themes}
        value={v.themeIds}
        onChange={(themeIds) => setV({ ...v, themeIds })}
      />
      <fieldset>
        <legend>Evidence: the notes it rests on</legend>
        <EvidencePicker
          id={`rec-notes-${key}`}
          notes={props.evidence}
          themeIds={v.themeIds}
          value={v.noteIds}
          onChange={(noteIds) => setV({ ...v, noteIds })}
        />
      </fieldset>
      <div className="row">
        <button type="submit">{r ? 'Save the recommendation' : 'Add the recommendation'}</button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
