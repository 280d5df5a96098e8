import { useState } from 'react';
import { NOTE_MAX_CHARS, type Polarity } from '../../../core/index.ts';
import { PARTICIPANT_POLARITY } from '../shared/labels.ts';
import { PolarityPicker } from '../shared/PolarityPicker.tsx';

/** Where a participant types their words. Sending never loses text: the outbox keeps it. */
export function NoteComposer(props: {
  disabled: boolean;
  onSend: (text: string, polarity: Polarity) => void;
}) {
  const [text, setText] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('neutral');
  const left = NOTE_MAX_CHARS - text.length;
  const trimmed = text.trim();
  return (
    <form
      className="card stack"
      aria-label="Write a note"
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed || left < 0) return;
        props.onSend(trimmed, polarity);
        setText('');
        setPolarity('neutral');
      }}
    >
      <label htmlFor="note-text">Add your words</label>
      <textarea
        id="note-text"
        value={text}
        disabled={props.disabled}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="note-count"
      />
      <p id="note-count" className={left < 0 ? 'error' : 'hint'} aria-live="polite">
        {left < 0 ? `${-left} characters too long` : `${left} characters left`}
      </p>
      <PolarityPicker
        value={polarity}
        labels={PARTICIPANT_POLARITY}
        label="Is this something you"
        onChange={setPolarity}
      />
      <button type="submit" disabled={props.disabled || !trimmed || left < 0}>
        Send
      </button>
    </form>
  );
}
