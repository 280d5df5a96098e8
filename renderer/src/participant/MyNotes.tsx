import { useEffect, useRef, useState } from 'react';
import type { ParticipantWrite } from '../../../core/client/messages.ts';
import { useT } from './i18n/i18n.tsx';
import type { MyView } from './participant-api.ts';

/** How long a take-back can be undone before it is sent. */
export const UNDO_MS = 10_000;

type NoteRow = {
  id: string;
  text: string;
  state: 'waiting' | 'sent' | 'edit-waiting' | 'withdraw-waiting';
  late: boolean;
};

/** Merges the server's record of the notes with what is still waiting in the outbox. */
function rows(notes: MyView['notes'], pending: readonly ParticipantWrite[]): NoteRow[] {
  const out: NoteRow[] = [];
  const known = new Set(notes.map((n) => n.id));
  for (const w of pending)
    if (w.type === 'note.add' && !known.has(w.note.id))
      out.push({ id: w.note.id, text: w.note.text, state: 'waiting', late: false });
  for (const n of notes) {
    if (n.withdrawn) continue;
    const edit = [...pending].reverse().find((w) => w.type === 'note.edit' && w.noteId === n.id);
    const withdraw = pending.some((w) => w.type === 'note.withdraw' && w.noteId === n.id);
    out.push({
      id: n.id,
      text: edit?.type === 'note.edit' ? edit.text : n.text,
      state: withdraw ? 'withdraw-waiting' : edit ? 'edit-waiting' : 'sent',
      late: n.late,
    });
  }
  // Edits made to a note still waiting to be sent apply to it too.
  for (const r of out)
    if (r.state === 'waiting') {
      const edit = [...pending].reverse().find((w) => w.type === 'note.edit' && w.noteId === r.id);
      if (edit?.type === 'note.edit') r.text = edit.text;
      if (pending.some((w) => w.type === 'note.withdraw' && w.noteId === r.id))
        r.state = 'withdraw-waiting';
    }
  return out;
}

/**
 * The participant's own words, each saying whether it is waiting or sent. Edit and take back
 * work offline too (they wait in the outbox like a note). Taking back asks once, then can be
 * undone for ten seconds before anything is sent.
 */
export function MyNotes(props: {
  notes: MyView['notes'];
  pending: readonly ParticipantWrite[];
  announce: (m: string) => void;
  onEdit: (noteId: string, text: string) => void;
  onWithdraw: (noteId: string) => void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [undoable, setUndoable] = useState<{ id: string; until: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<string | null>(null);
  const list = rows(props.notes, props.pending).filter((r) => r.id !== undoable?.id);
  const { onWithdraw } = props;

  useEffect(() => {
    if (!undoable) return;
    const timer = setTimeout(() => {
      onWithdraw(undoable.id);
      setUndoable(null);
    }, undoable.until - Date.now());
    return () => clearTimeout(timer);
  }, [undoable, onWithdraw]);

  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.getElementById(focusAfter.current);
    focusAfter.current = null;
    (el ?? heading.current)?.focus();
  });

  if (list.length === 0 && !undoable) return null;
  const stateText = (r: NoteRow) =>
    r.state === 'waiting'
      ? t('notes.waiting')
      : r.state === 'edit-waiting'
        ? t('notes.editWaiting')
        : r.state === 'withdraw-waiting'
          ? t('notes.withdrawWaiting')
          : r.late
            ? t('notes.sentLate')
            : t('notes.sent');
  return (
    <section className="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading" ref={heading} tabIndex={-1}>
        {t('notes.heading')}
      </h2>
      {undoable && (
        <div className="notice row" role="status">
          <p>{t('notes.takenBack')}</p>
          <button
            type="button"
            className="small"
            id="undo-take-back"
            onClick={() => {
              focusAfter.current = `note-${undoable.id}-edit`;
              setUndoable(null);
              props.announce(t('notes.undone'));
            }}
          >
            {t('notes.undo')}
          </button>
        </div>
      )}
      <ul className="plain-list">
        {list.map((r) =>
          editing?.id === r.id ? (
            <li key={r.id} className="note">
              <form
                className="stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = editing.text.trim();
                  if (text && text !== r.text) props.onEdit(r.id, text);
                  focusAfter.current = `note-${r.id}-edit`;
                  setEditing(null);
                }}
              >
                <label htmlFor={`edit-${r.id}`}>{t('notes.changeLabel')}</label>
                <textarea
                  id={`edit-${r.id}`}
                  value={editing.text}
                  autoFocus
                  onChange={(e) => setEditing({ id: r.id, text: e.target.value })}
                />
                <div className="row">
                  <button type="submit" className="small">
                    {t('notes.save')}
                  </button>
                  <button
                    type="button"
                    className="small secondary"
                    onClick={() => {
                      focusAfter.current = `note-${r.id}-edit`;
                      setEditing(null);
                    }}
                  >
                    {t('notes.cancel')}
                  </button>
                </div>
              </form>
            </li>
          ) : (
            <li key={r.id} className="note">
              <p>{r.text}</p>
              <p className={`meta state-${r.state}`}>{stateText(r)}</p>
              {confirming === r.id ? (
                <div className="stack" role="group" aria-labelledby={`confirm-${r.id}`}>
                  <p id={`confirm-${r.id}`}>{t('notes.confirmTakeBack')}</p>
                  <div className="row">
                    <button
                      type="button"
                      className="small"
                      autoFocus
                      onClick={() => {
                        setConfirming(null);
                        setUndoable({ id: r.id, until: Date.now() + UNDO_MS });
                        focusAfter.current = 'undo-take-back';
                        props.announce(t('notes.takenBack'));
                      }}
                    >
                      {t('notes.confirmYes')}
                    </button>
                    <button
                      type="button"
                      className="small secondary"
                      onClick={() => {
                        focusAfter.current = `note-${r.id}-withdraw`;
                        setConfirming(null);
                      }}
                    >
                      {t('notes.confirmNo')}
                    </button>
                  </div>
                </div>
              ) : (
                r.state !== 'withdraw-waiting' && (
                  <div className="row">
                    <button
                      type="button"
                      id={`note-${r.id}-edit`}
                      className="small secondary"
                      onClick={() => setEditing({ id: r.id, text: r.text })}
                    >
                      {t('notes.edit')}
                    </button>
                    <button
                      type="button"
                      id={`note-${r.id}-withdraw`}
                      className="small secondary"
                      onClick={() => setConfirming(r.id)}
                    >
                      {t('notes.takeBack')}
                    </button>
                  </div>
                )
              )}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
