import { useState } from 'react';
import { GridList, GridListItem } from 'react-aria-components';
import { attributionLabel } from '../../../../../core/analysis/attribution.ts';
import {
  noteAttribution,
  type Note,
  type SessionDoc,
  type Theme,
} from '../../../../../core/index.ts';
import type { PersonListing } from '../../facilitator-api.ts';
import { PolarityRadios, SHORT_POLARITY, ThemeTags } from './TagPickers.tsx';

/**
 * Every note, newest first, as one list (one tab stop; arrow keys move). The note chosen is
 * tagged below the list, so tagging a hundred notes is not a thousand tab stops.
 */
export function NotesFeed(props: {
  session: SessionDoc;
  themes: Theme[];
  registered: PersonListing[];
}) {
  const notes = props.session.notes
    .all()
    .filter((n) => !n.withdrawn)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const [selected, setSelected] = useState<string | null>(null);
  const note = notes.find((n) => n.id === selected) ?? null;
  const descriptors = new Map(props.registered.map((p) => [p.id, p.descriptor]));
  const who = (n: Note) => {
    const a = noteAttribution(n);
    return attributionLabel(a, a.kind === 'participant' ? descriptors.get(a.participantId) : null);
  };
  return (
    <section className="card stack" aria-labelledby="notes-heading" id="notes-panel" tabIndex={-1}>
      <h2 id="notes-heading">
        Notes <span className="hint counts">({notes.length})</span>
      </h2>
      {notes.length === 0 ? (
        <p className="hint">Notes from phones and from the scribe appear here as they arrive.</p>
      ) : (
        <GridList
          aria-label="Notes, newest first"
          className="notes-list"
          selectionMode="single"
          selectionBehavior="replace"
          selectedKeys={selected ? [selected] : []}
          onSelectionChange={(keys) => {
            if (keys === 'all') return;
            setSelected(([...keys][0] as string | undefined) ?? null);
          }}
          items={notes}
        >
          {(n) => (
            <GridListItem
              id={n.id}
              textValue={`${n.text} (${who(n)})`}
              className={`note ${n.polarity}${n.hidden ? ' hidden-note' : ''}`}
            >
              <p className="note-text">{n.text}</p>
              <p className="meta">
                {n.kind === 'story' ? 'Story from ' : 'From '}
                {who(n)} · {SHORT_POLARITY[n.polarity]} ·{' '}
                {new Date(n.createdAt).toLocaleTimeString('en-GB', {
                  hour: '2-digit',
                  minute: '2-digit',
                })}
                {n.late ? ' · sent after the session closed' : ''}
                {n.shared ? ' · shown to the room' : ''}
                {n.hidden ? ' · hidden' : ''}
              </p>
            </GridListItem>
          )}
        </GridList>
      )}
      {note && <NoteTags note={note} session={props.session} themes={props.themes} />}
    </section>
  );
}

function NoteTags(props: { note: Note; session: SessionDoc; themes: Theme[] }) {
  const { note } = props;
  const patch = (changes: Partial<Note>) => props.session.notes.patch(note.id, changes);
  return (
    <div className="stack note-tags" role="group" aria-label="Tag the chosen note">
      <p className="hint">
        Tagging: <q>{note.text.slice(0, 80)}</q>
      </p>
      <PolarityRadios
        label="Polarity"
        value={note.polarity}
        onChange={(p) => patch({ polarity: p })}
      />
      <ThemeTags
        label="Themes"
        themes={props.themes}
        value={note.themeIds}
        onChange={(ids) => patch({ themeIds: ids })}
      />
      <div className="row">
        {(
          [
            ['shared', 'Show to the room'],
            ['quotable', 'Quotable'],
            ['hidden', 'Hide'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="choice">
            <input
              type="checkbox"
              checked={note[key]}
              onChange={() => patch({ [key]: !note[key] })}
            />{' '}
            {label}
          </label>
        ))}
      </div>
    </div>
  );
}
