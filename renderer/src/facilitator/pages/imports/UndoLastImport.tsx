import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { describeCounts, lastImport, undoLast, type LastImport } from './imports-api.ts';

const KIND_LABELS: Record<string, string> = {
  registrations: 'Attendee list',
  transcript: 'Transcript',
  notes: 'Notes typed up from paper',
};

/**
 * The programme's last import and a button to undo it, asked twice. `version` changes after
 * each import so this reads the last one again.
 */
export function UndoLastImport(props: {
  programmeId: string;
  version: number;
  onUndone?: () => void;
}) {
  const [last, setLast] = useState<LastImport | null>(null);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useAnnounce();
  useEffect(() => {
    void lastImport(props.programmeId).then(setLast, () => setLast(null));
  }, [props.programmeId, props.version]);
  if (!last || last.undone) return message ? <p role="status">{message}</p> : null;
  return (
    <section className="card stack" aria-labelledby="last-import-heading">
      <h2 id="last-import-heading">Last import</h2>
      <p>
        {KIND_LABELS[last.kind] ?? last.kind}, {new Date(last.at).toLocaleString()}:{' '}
        {describeCounts(last.summary)}.
      </p>
      <Button className="button secondary" onPress={() => setAsking(true)}>
        Undo this import
      </Button>
      <ConfirmDialog
        isOpen={asking}
        title="Undo the last import?"
        confirmLabel="Undo import"
        destructive
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          try {
            await undoLast(props.programmeId);
            const text = 'The last import was undone.';
            setMessage(text);
            announce(text);
            setLast(null);
            props.onUndone?.();
          } catch (e) {
            setMessage((e as Error).message);
          }
        }}
      >
        Its notes, themes and new people are removed, and attendance and details it filled in go
        back to what they were.
      </ConfirmDialog>
    </section>
  );
}
