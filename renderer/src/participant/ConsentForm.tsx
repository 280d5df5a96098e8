import { useState } from 'react';
import type { Consent } from '../../../core/index.ts';
import { useT } from './i18n/i18n.tsx';

const b = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;

export interface ConsentChoice {
  storeWords: boolean;
  quoteAnonymously: boolean;
  recording: boolean;
}

/**
 * Consent in plain words, one decision per box, nothing ticked for the person. Keeping their
 * words is needed to take part by typing; the other two are free choices.
 */
export function ConsentForm(props: {
  initial: Consent | null;
  recordingAsked: boolean;
  busy: boolean;
  onSubmit: (choice: ConsentChoice) => void;
}) {
  const { t, rich } = useT();
  const [choice, setChoice] = useState<ConsentChoice>({
    storeWords: props.initial?.storeWords.given ?? false,
    quoteAnonymously: props.initial?.quoteAnonymously.given ?? false,
    recording: props.initial?.recording.given ?? false,
  });
  const toggle = (k: keyof ConsentChoice) => setChoice((c) => ({ ...c, [k]: !c[k] }));
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(choice);
      }}
    >
      <h1>{t('consent.title')}</h1>
      <p>{t('consent.intro')}</p>
      <fieldset>
        <legend>{t('consent.legend')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice.storeWords}
            onChange={() => toggle('storeWords')}
          />
          <span>{rich('consent.storeWords', { b })}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice.quoteAnonymously}
            onChange={() => toggle('quoteAnonymously')}
          />
          <span>{rich('consent.quote', { b })}</span>
        </label>
        {props.recordingAsked && (
          <label className="choice">
            <input
              type="checkbox"
              checked={choice.recording}
              onChange={() => toggle('recording')}
            />
            <span>{rich('consent.recording', { b })}</span>
          </label>
        )}
      </fieldset>
      {!choice.storeWords && <p className="hint">{t('consent.withoutFirst')}</p>}
      {!choice.storeWords && props.initial?.storeWords.given && (
        <p className="error" role="alert">
          {rich('consent.eraseWarning', { b })}
        </p>
      )}
      <button type="submit" disabled={props.busy}>
        {t('consent.continue')}
      </button>
    </form>
  );
}
