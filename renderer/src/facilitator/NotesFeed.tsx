import {
  sortThemes,
  type Note,
  type Polarity,
  type SessionDoc,
  type Theme,
} from '../../../core/index.ts';
import { PolarityPicker } from '../shared/PolarityPicker.tsx';

/** The key theme table's columns, short enough to sit on one row of buttons. */
const SHORT_POLARITY: Record<Polarity, string> = {
  want: 'Want to see',
  'do-not-want': 'Do NOT want to see',
  neutral: 'Other',
};

/** Every note, newest first, each with the tagging a facilitator does live. */
export function NotesFeed(props: { session: SessionDoc; codebook: Theme[] }) {
  const notes = props.session.notes
    .all()
    .filter((n) => !n.withdrawn)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const themes = sortThemes(props.codebook).filter((t) => t.parentId === null);
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">
        Notes <span className="hint counts">({notes.length})</span>
      </h2>
      {notes.length === 0 && (
        <p className="hint">Notes from phones and from the scribe appear here as they arrive.</p>
      )}
      {notes.map((n) => (
        <NoteRow key={n.id} note={n} themes={themes} session={props.session} />
      ))}
    </section>
  );
}

function NoteRow(props: { note: Note; themes: Theme[]; session: SessionDoc }) {
  const { note, session } = props;
  const patch = (changes: Partial<Note>) => session.notes.patch(note.id, changes);
  const toggleTheme = (id: string) =>
    patch({
      themeIds: note.themeIds.includes(id)
        ? note.themeIds.filter((t) => t !== id)
        : [...note.themeIds, id],
    });
  const who =
    note.author.type === 'participant'
      ? 'From a participant'
      : `Captured by ${note.author.facilitator}`;
  return (
    <article
      className={`note ${note.polarity}${note.hidden ? ' hidden-note' : ''}`}
      aria-label={note.text.slice(0, 60)}
    >
      <p>{note.text}</p>
      <p className="meta">
        {who} at{' '}
        {new Date(note.createdAt).toLocaleTimeString('en-GB', {
          hour: '2-digit',
          minute: '2-digit',
        })}
        {note.hidden ? ' · hidden' : ''}
      </p>
      <PolarityPicker
        value={note.polarity}
        labels={SHORT_POLARITY}
        label="Polarity"
        onChange={(p) => patch({ polarity: p })}
      />
      <div className="chips" role="group" aria-label="Themes">
        {props.themes.map((t) => (
          <button
            key={t.id}
            type="button"
            className="small secondary"
            aria-pressed={note.themeIds.includes(t.id)}
            onClick={() => toggleTheme(t.id)}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div className="row">
        <label className="choice">
          <input
            type="checkbox"
            checked={note.shared}
            onChange={() => patch({ shared: !note.shared })}
          />{' '}
          Show to the room
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={note.quotable}
            onChange={() => patch({ quotable: !note.quotable })}
          />{' '}
          Quotable
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={note.hidden}
            onChange={() => patch({ hidden: !note.hidden })}
          />{' '}
          Hide
        </label>
      </div>
    </article>
  );
}
