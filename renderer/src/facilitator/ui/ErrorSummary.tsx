import { useEffect, useRef } from 'react';

/** Field id -> message. The ids are the controls' ids, so the summary can link to each. */
export type FieldErrors = Record<string, string>;

/**
 * "There is a problem" at the top of a form: a link to each field in error, and focus moved
 * here when the form is refused, so a keyboard or screen-reader user hears every problem at
 * once and can jump to each. Nothing the person typed is cleared.
 */
export function ErrorSummary(props: { errors: FieldErrors; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(props.errors);
  useEffect(() => {
    if (props.attempt > 0 && entries.length > 0) ref.current?.focus();
    // Focus moves once per refused attempt, not on every keystroke that changes an error.
  }, [props.attempt]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([id, message]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(id)?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
