import { useEffect, useRef, useState } from 'react';
import { Field } from '../../ui/Field.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';

/**
 * One section of the report's own words. Saved into the programme document as the facilitator
 * types (after a short pause) and when they leave the field; while they are in it, other
 * people's edits of the same section do not overwrite what they are typing. When the section is
 * empty, a draft built from the data is offered to start from: it goes into the field only when
 * the facilitator chooses it, and the report prints only what is in the field.
 */
export function TextSection(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  max: number;
  draft: string | undefined;
  onSave: (text: string) => void;
  rows?: number;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | undefined>(undefined);
  const editing = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const area = useRef<HTMLTextAreaElement>(null);
  const announce = useAnnounce();
  useEffect(() => {
    if (!editing.current) setText(props.value);
  }, [props.value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const save = (next: string) => {
    if (next.length > props.max) {
      setError(
        `${props.label} may be at most ${props.max.toLocaleString('en-GB')} characters; it has ${next.length.toLocaleString('en-GB')}.`,
      );
      return;
    }
    setError(undefined);
    if (next !== props.value) props.onSave(next);
  };
  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => save(next), 600);
  };
  const useDraft = () => {
    if (!props.draft) return;
    setText(props.draft);
    save(props.draft);
    announce(`Draft put into ${props.label}. Edit it before it goes in the report.`);
    area.current?.focus();
  };
  const empty = text.trim() === '';
  return (
    <div className="report-section">
      <Field id={props.id} label={props.label} hint={props.hint} error={error}>
        {(control) => (
          <textarea
            {...control}
            ref={area}
            rows={props.rows ?? 6}
            value={text}
            onFocus={() => {
              editing.current = true;
            }}
            onChange={(e) => change(e.target.value)}
            onBlur={() => {
              editing.current = false;
              window.clearTimeout(timer.current);
              save(text);
            }}
          />
        )}
      </Field>
      {empty && (
        <div className="report-draft">
          <p className="hint">Left empty, this section is not in the report.</p>
          {props.draft ? (
            <details>
              <summary>See a draft built from the data</summary>
              <blockquote className="report-draft-text">{props.draft}</blockquote>
              <button type="button" className="button secondary" onClick={useDraft}>
                Start from this draft
              </button>
            </details>
          ) : null}
        </div>
      )}
    </div>
  );
}
