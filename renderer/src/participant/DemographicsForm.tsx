import { useState } from 'react';
import {
  AGE_BANDS,
  DEMOGRAPHIC_LABELS,
  ETHNICITIES,
  GENDERS,
  PREFER_NOT_TO_SAY,
  type Demographics,
} from '../../../core/index.ts';
import { useT } from './i18n/i18n.tsx';

/**
 * Optional "about you" questions. Every one has "prefer not to say", and the whole form can be
 * skipped: the team uses the answers only as counts, to see who they have not yet heard from.
 */
export function DemographicsForm(props: {
  initial: Demographics | null;
  busy: boolean;
  onSubmit: (d: Partial<Demographics>) => void;
  onSkip: () => void;
}) {
  const { t } = useT();
  const [d, setD] = useState<Demographics>(
    props.initial ?? { gender: null, ageBand: null, ethnicity: null, town: null },
  );
  const select = <K extends 'gender' | 'ageBand' | 'ethnicity'>(
    key: K,
    label: string,
    options: readonly string[],
  ) => (
    <div>
      <label htmlFor={`dem-${key}`}>{label}</label>
      <select
        id={`dem-${key}`}
        value={d[key] ?? ''}
        onChange={(e) => setD({ ...d, [key]: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{t('about.notAnswered')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {DEMOGRAPHIC_LABELS[o] ?? o}
          </option>
        ))}
      </select>
    </div>
  );
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
      {select('gender', t('about.gender'), GENDERS)}
      {select('ageBand', t('about.age'), AGE_BANDS)}
      {select('ethnicity', t('about.ethnicity'), ETHNICITIES)}
      <div>
        <label htmlFor="dem-town">{t('about.town')}</label>
        <input
          id="dem-town"
          type="text"
          maxLength={100}
          value={d.town === PREFER_NOT_TO_SAY ? '' : (d.town ?? '')}
          disabled={d.town === PREFER_NOT_TO_SAY}
          onChange={(e) =>
            setD({ ...d, town: e.target.value.trim() === '' ? null : e.target.value })
          }
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={d.town === PREFER_NOT_TO_SAY}
            onChange={(e) => setD({ ...d, town: e.target.checked ? PREFER_NOT_TO_SAY : null })}
          />
          <span>{t('about.preferNot')}</span>
        </label>
      </div>
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
