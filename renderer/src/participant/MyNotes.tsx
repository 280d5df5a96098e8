import { useState } from 'react';
import type { ParticipantWrite } from '../../../core/client/messages.ts';
import type { MyView } from './participant-api.ts';

/** The participant's own words: waiting to send, sent, and taken back; each can be edited or withdrawn. */
export function MyNotes(props: {
  notes: MyView['notes'];
  pending: readonly ParticipantWrite[];
  onEdit: (noteId: string, text: string) => void;
  onWithdraw: (noteId: string) => void;
}) {
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const waiting = props.pending.filter((w) => w.type === 'note.add');
  const visible = props.notes.filter((n) => !n.withdrawn);
  if (visible.length === 0 && waiting.length === 0) return null;
  return (
    <section className="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">Your words</h2>
      {waiting.map((w) => (
        <div key={w.writeId} className="note">
          <p>{w.type === 'note.add' ? w.note.text : ''}</p>
          <p className="meta">Waiting to send: it will go as soon as you are connected.</p>
        </div>
      ))}
      {visible.map((n) =>
        editing?.id === n.id ? (
          <form
            key={n.id}
            className="note stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (editing.text.trim()) props.onEdit(n.id, editing.text.trim());
              setEditing(null);
            }}
          >
            <label htmlFor={`edit-${n.id}`}>Change your words</label>
            <textarea
              id={`edit-${n.id}`}
              value={editing.text}
              onChange={(e) => setEditing({ id: n.id, text: e.target.value })}
            />
            <div className="row">
              <button type="submit" className="small">
                Save
              </button>
              <button type="button" className="small secondary" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div key={n.id} className="note">
            <p>{n.text}</p>
            <div className="row">
              <button
                type="button"
                className="small secondary"
                onClick={() => setEditing({ id: n.id, text: n.text })}
              >
                Edit
              </button>
              <button
                type="button"
                className="small secondary"
                onClick={() => props.onWithdraw(n.id)}
              >
                Take back
              </button>
            </div>
          </div>
        ),
      )}
    </section>
  );
}
