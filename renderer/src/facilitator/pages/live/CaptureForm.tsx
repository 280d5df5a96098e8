import { useRef, useState, type KeyboardEvent } from 'react';
import {
  POLARITIES,
  newId,
  type CaptureOnBehalf,
  type Polarity,
  type Theme,
} from '../../../../../core/index.ts';
import { ApiError } from '../../../shared/http.ts';
import type { PersonListing } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { captureNote } from './live-api.ts';
import { OnBehalfSelect } from './OnBehalfSelect.tsx';
import { PolarityRadios, ThemeTags } from './TagPickers.tsx';
import type { PresentPerson } from './use-presence.ts';

/**
 * For words said aloud: the scribe says whose they are, types, and presses Enter (Shift+Enter for
 * a new line). Alt+1..3 set the polarity and Alt+4..9 toggle the first themes without leaving
 * the box. The server takes the note only while the session is open; a refusal keeps the text.
 */
export function CaptureForm(props: {
  sessionId: string;
  stepId: string | null;
  open: boolean;
  themes: Theme[];
  present: PresentPerson[];
  registered: PersonListing[];
}) {
  const [text, setText] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('neutral');
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const [on, setOn] = useState<CaptureOnBehalf>({ type: 'group' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const announce = useAnnounce();

  const save = async () => {
    if (saving) return;
    if (!text.trim()) {
      setError('Type what was said before saving.');
      return;
    }
    setSaving(true);
    try {
      await captureNote(props.sessionId, {
        id: newId('n'),
        text: text.trim(),
        kind: 'comment',
        polarity,
        themeIds,
        stepId: props.stepId,
        on,
      });
      setText('');
      setThemeIds([]);
      // Tags belong to the note just saved; whose words they are usually holds for the next.
      setPolarity('neutral');
      setError(null);
      announce('Note saved');
    } catch (e) {
      setError(
        e instanceof ApiError ? e.message : 'The note could not be sent; it is still in the box.',
      );
    } finally {
      setSaving(false);
      box.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.code.replace(/^Digit/, ''));
    if (!Number.isInteger(n) || n < 1 || n > 9) return;
    e.preventDefault();
    if (n <= 3) {
      const p = POLARITIES[n - 1] as Polarity;
      setPolarity(p);
      announce(`Polarity: ${p === 'neutral' ? 'other' : p.replace(/-/g, ' ')}`);
      return;
    }
    const theme = props.themes[n - 4];
    if (!theme) return;
    const on = !themeIds.includes(theme.id);
    setThemeIds(on ? [...themeIds, theme.id] : themeIds.filter((id) => id !== theme.id));
    announce(`${theme.name} ${on ? 'added' : 'removed'}`);
  };

  return (
    <section
      className="card stack"
      aria-labelledby="capture-heading"
      id="capture-panel"
      tabIndex={-1}
    >
      <h2 id="capture-heading">Capture what was said</h2>
      {!props.open && (
        <p className="hint" role="status">
          Capture is off: the session is not open, so the server will refuse notes until it is
          opened again. What you type stays here.
        </p>
      )}
      <div className="field">
        <label htmlFor="capture-on">Whose words</label>
        <OnBehalfSelect
          id="capture-on"
          value={on}
          onChange={setOn}
          present={props.present}
          registered={props.registered}
        />
      </div>
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="capture-text">What was said</label>
        <p id="capture-hint" className="hint">
          Enter saves; Shift+Enter starts a new line. Alt+1 to Alt+3 set the polarity, Alt+4 to
          Alt+9 toggle the first themes.
        </p>
        {error && (
          <p id="capture-error" className="field-message" role="alert">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <textarea
          ref={box}
          id="capture-text"
          rows={3}
          value={text}
          aria-describedby={error ? 'capture-hint capture-error' : 'capture-hint'}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <PolarityRadios label="Polarity" value={polarity} onChange={setPolarity} keys />
      <ThemeTags
        label="Themes"
        themes={props.themes}
        value={themeIds}
        onChange={setThemeIds}
        keys
      />
      <button type="button" onClick={() => void save()}>
        Save note
      </button>
    </section>
  );
}
