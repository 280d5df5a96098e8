import { Button, FileTrigger } from 'react-aria-components';
import { MAX_FILE_BYTES } from './imports-api.ts';

/**
 * Choose a file: a real button (react-aria's FileTrigger) and the chosen name read out beside
 * it. A file over the limit is refused here, before any upload, with the error beside the button.
 */
export function FilePicker(props: {
  id: string;
  label: string;
  hint: string;
  accept: string[];
  file: File | null;
  error?: string | undefined;
  onChange: (file: File | null, error?: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className={`field${props.error ? ' field-error' : ''}`}>
      <p className="label" id={`${props.id}-label`}>
        {props.label}
      </p>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      {props.error && (
        <p id={errorId} className="field-message">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <div className="row">
        <FileTrigger
          acceptedFileTypes={props.accept}
          onSelect={(list) => {
            const f = list?.[0] ?? null;
            if (f && f.size > MAX_FILE_BYTES)
              props.onChange(
                null,
                `${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; an import file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
              );
            else if (f && f.size === 0) props.onChange(null, `${f.name} is empty.`);
            else props.onChange(f);
          }}
        >
          <Button
            id={props.id}
            className="button secondary"
            aria-describedby={`${props.id}-label ${props.id}-hint${props.error ? ` ${errorId}` : ''}`}
          >
            {props.file ? 'Choose another file' : 'Choose a file'}
          </Button>
        </FileTrigger>
        <span aria-live="polite">{props.file ? props.file.name : 'No file chosen'}</span>
      </div>
    </div>
  );
}
