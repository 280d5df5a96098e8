import { useState } from 'react';
import {
  consentSourceLabel,
  type ConsentKind,
  type PersonRecord,
} from '../../../../../core/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

const QUESTIONS: { kind: ConsentKind; text: string }[] = [
  { kind: 'storeWords', text: 'May we keep what they say for the analysis?' },
  { kind: 'quoteAnonymously', text: 'May we quote them, without their name?' },
  { kind: 'recording', text: 'May the session be recorded with them in it?' },
];

const when = (at: string | null) =>
  at ? new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';

/**
 * The three consent choices, as recorded (time and how), editable from a signed paper form,
 * with every earlier decision listed. Withdrawing consent to keep their words asks first: their
 * words are erased from every session.
 */
export function PersonConsent(props: {
  person: PersonRecord;
  onSave: (changes: Partial<Record<ConsentKind, boolean>>) => Promise<void>;
}) {
  const { person } = props;
  const [answers, setAnswers] = useState<Partial<Record<ConsentKind, boolean>>>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changes = Object.fromEntries(
    Object.entries(answers).filter(
      ([k, v]) =>
        person.consent[k as ConsentKind].given !== v || !person.consent[k as ConsentKind].at,
    ),
  ) as Partial<Record<ConsentKind, boolean>>;
  const save = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    try {
      await props.onSave(changes);
      setAnswers({});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="stack"
      aria-labelledby={`consent-heading-${person.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (Object.keys(changes).length === 0)
          return setError('Choose an answer that differs from the one recorded.');
        if (changes.storeWords === false && person.consent.storeWords.given) setAsking(true);
        else void save();
      }}
    >
      <h3 id={`consent-heading-${person.id}`}>Consent</h3>
      {QUESTIONS.map(({ kind, text }) => {
        const c = person.consent[kind];
        const value = answers[kind] ?? (c.at ? c.given : undefined);
        const name = `consent-${kind}-${person.id}`;
        return (
          <fieldset key={kind} className="consent-question">
            <legend>{text}</legend>
            <div className="row">
              {[true, false].map((v) => (
                <label key={String(v)} className="choice">
                  <input
                    type="radio"
                    name={name}
                    checked={value === v}
                    onChange={() => setAnswers({ ...answers, [kind]: v })}
                  />
                  <span>{v ? 'Yes' : 'No'}</span>
                </label>
              ))}
            </div>
            <p className="hint">
              {c.at
                ? `Recorded ${c.given ? 'yes' : 'no'} on ${when(c.at)}.`
                : 'No answer recorded yet.'}
            </p>
          </fieldset>
        );
      })}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="secondary" disabled={busy}>
        Save consent from the paper form
      </button>
      {person.consentHistory.length > 0 && (
        <details>
          <summary>History of consent ({person.consentHistory.length})</summary>
          <ul className="plain-list">
            {[...person.consentHistory].reverse().map((h, i) => (
              <li key={i}>
                {when(h.at)}: {QUESTIONS.find((q) => q.kind === h.kind)?.text}{' '}
                <strong>{h.given ? 'Yes' : 'No'}</strong>, {consentSourceLabel(h.source)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ConfirmDialog
        isOpen={asking}
        title={`Erase ${person.descriptor}'s words?`}
        confirmLabel="Record no and erase their words"
        destructive
        onConfirm={() => void save()}
        onCancel={() => setAsking(false)}
      >
        Without consent to keep their words, everything they wrote or that was captured for them is
        removed from every session of this programme. It cannot be undone.
      </ConfirmDialog>
    </form>
  );
}
