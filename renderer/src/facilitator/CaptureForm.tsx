import { useState } from 'react';
import { capturedNote, type Polarity, type SessionDoc } from '../../../core/index.ts';
import { PARTICIPANT_POLARITY } from '../shared/labels.ts';
import { PolarityPicker } from '../shared/PolarityPicker.tsx';

/** For words said aloud in the room: the scribe types them as they are spoken. */
export function CaptureForm(props: { session: SessionDoc; facilitator: string }) {
  const [text, setText] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('neutral');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="card stack"
      aria-label="Capture a note"
      onSubmit={(e) => {
        e.preventDefault();
        try {
          props.session.notes.put(
            capturedNote({
              text: text.trim(),
              facilitator: props.facilitator,
              stepId: props.session.currentStepId(),
              polarity,
            }),
          );
          setText('');
          setError(null);
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <label htmlFor="capture-text">Capture what was said</label>
      <textarea id="capture-text" value={text} onChange={(e) => setText(e.target.value)} />
      <PolarityPicker
        value={polarity}
        labels={PARTICIPANT_POLARITY}
        label="Polarity"
        onChange={setPolarity}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={!text.trim()}>
        Add note
      </button>
    </form>
  );
}
