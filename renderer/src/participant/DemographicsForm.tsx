import { useState } from 'react';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  PREFER_NOT_TO_SAY,
  emptyAnswers,
  type DemographicFieldDef,
  type Demographics,
} from '../../../core/index.ts';
import { useT } from './i18n/i18n.tsx';

/**
 * Optional "about you" questions. Every one has "prefer not to say", and the whole form can be
 * skipped: the team uses the answers only as counts, to see who they have not yet heard from.
 */
export function DemographicsForm(props: {
  initial: Demographics | null;
  /** The programme's questions (the server sends them); the fields every programme had if not. */
  fields?: readonly DemographicFieldDef[];
  busy: boolean;
  onSubmit: (d: Demographics) => void;
  onSkip: () => void;
}) {
  const { t } = useT();
  const fields = props.fields ?? LEGACY_DEMOGRAPHIC_FIELDS;
  const [d, setD] = useState<Demographics>(props.initial ?? emptyAnswers(fields));
  // The questions and answers are the programme's own words (its settings); the fixed words
  // around them come from the message catalogue.
  const select = (field: DemographicFieldDef) => (
    <div key={field.id}>
      <label htmlFor={`dem-${field.id}`}>{field.label}</label>
      <select
        id={`dem-${field.id}`}
        value={d[field.id] ?? ''}
        onChange={(e) => setD({ ...d, [field.id]: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{t('about.notAnswered')}</option>
        {field.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
        <option value={PREFER_NOT_TO_SAY}>{t('about.preferNot')}</option>
      </select>
    </div>
  );
  const text = (field: DemographicFieldDef) => {
    const value = d[field.id] ?? null;
    return (
      <div key={field.id}>
        <label htmlFor={`dem-${field.id}`}>{field.label}</label>
        <input
          id={`dem-${field.id}`}
          type="text"
          maxLength={100}
          value={value === PREFER_NOT_TO_SAY ? '' : (value ?? '')}
          disabled={value === PREFER_NOT_TO_SAY}
          onChange={(e) =>
            setD({ ...d, [field.id]: e.target.value.trim() === '' ? null : e.target.value })
          }
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={value === PREFER_NOT_TO_SAY}
            onChange={(e) =>
              setD({ ...d, [field.id]: e.target.checked ? PREFER_NOT_TO_SAY : null })
            }
          />
          <span>{t('about.preferNot')}</span>
        </label>
      </div>
    );
  };
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(d);
      }}
    >
      <h1>{t('about.title')}</h1>
      <p className="hint">{t('about.intro')}</p>
      {fields.map((f) => (f.kind === 'choice' ? select(f) : text(f)))}
      <div className="row">
        <button type="submit" disabled={props.busy}>
          {t('about.save')}
        </button>
        <button type="button" className="secondary" onClick={props.onSkip}>
          {t('about.skip')}
        </button>
      </div>
    </form>
  );
}
