import type { ReactNode } from 'react';

/** The attributes a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled form field with an optional hint and an error message beside it. The control is
 * rendered by the caller, so one widget serves inputs, selects and text areas alike.
 * @example <Field id="title" label="Title" error={errors.title}>{(p) => <input {...p} />}</Field>
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-error' : ''} ${props.className ?? ''}`.trim()}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-message">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      {props.children({
        id: props.id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}
