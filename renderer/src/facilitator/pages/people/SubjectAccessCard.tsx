import { useState } from 'react';
import type { PersonRecord } from '../../../../../core/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';

/**
 * A subject access request: everything held about one person as one file, from the server's
 * `GET /api/participants/:id/export`, which writes the download to the audit log. A link
 * navigation (not a fetch) so the browser saves the file itself with the server's file name.
 */
export function SubjectAccessCard(props: { person: PersonRecord }) {
  const { person } = props;
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const announce = useAnnounce();

  const download = () => {
    setAsking(false);
    const a = document.createElement('a');
    a.href = `/api/participants/${encodeURIComponent(person.id)}/export`;
    a.download = `subject-access-${person.id}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    const text = `The subject access file for ${person.descriptor} is downloading. The download is recorded in the audit log.`;
    setNote(text);
    announce(text);
  };

  return (
    <div className="stack">
      <h3>Subject access</h3>
      <p className="hint">
        If they ask what is held about them: one file with everything this programme keeps on them.
      </p>
      <div>
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Download everything held about them…
        </button>
      </div>
      {note && <p className="notice">{note}</p>}
      <ConfirmDialog
        isOpen={asking}
        title={`Download everything held about ${person.descriptor}?`}
        confirmLabel="Download the file"
        onCancel={() => setAsking(false)}
        onConfirm={download}
      >
        <p>
          One JSON file with their contact details, consent history, demographic answers,
          attendance, and every note, edit, vote and comment of theirs in this programme. Nothing
          about anyone else is in it.
        </p>
        <p>
          It is personal data: keep it safe and give it only to them. The download is recorded in
          the audit log with your name.
        </p>
      </ConfirmDialog>
    </div>
  );
}
