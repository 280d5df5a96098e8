import { useState } from 'react';
import type { Consent } from '../../../core/index.ts';

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
      <h1>Before we start</h1>
      <p>
        What you write here helps redesign the service. You can change these choices at any time,
        and you can take back anything you wrote.
      </p>
      <fieldset>
        <legend>Your choices</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice.storeWords}
            onChange={() => toggle('storeWords')}
          />
          <span>
            <strong>Keep what I write</strong> so the team can use it in their findings. Your name
            is never stored with your words.
          </span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={choice.quoteAnonymously}
            onChange={() => toggle('quoteAnonymously')}
          />
          <span>
            <strong>You may quote me</strong> in reports, without my name (for example &ldquo;a
            parent said&hellip;&rdquo;).
          </span>
        </label>
        {props.recordingAsked && (
          <label className="choice">
            <input
              type="checkbox"
              checked={choice.recording}
              onChange={() => toggle('recording')}
            />
            <span>
              <strong>I agree to the session being recorded</strong> while I am in it.
            </span>
          </label>
        )}
      </fieldset>
      {!choice.storeWords && (
        <p className="hint">
          Without the first box you can still follow the session and vote, but you cannot add notes.
        </p>
      )}
      {!choice.storeWords && props.initial?.storeWords.given && (
        <p className="error" role="alert">
          <strong>
            Unticking &ldquo;Keep what I write&rdquo; removes everything you have added here
          </strong>
          , your notes and your votes, from the session and from our records. This cannot be undone.
        </p>
      )}
      <button type="submit" disabled={props.busy}>
        Continue
      </button>
    </form>
  );
}
