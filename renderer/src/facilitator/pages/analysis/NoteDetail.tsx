import { Button } from 'react-aria-components';
import type { BoardNote } from '../../../../../core/analysis/board.ts';
import { saidBy } from '../../../../../core/analysis/near-duplicates.ts';
import type { Suggestions } from '../../../../../core/analysis/suggest.ts';
import { POLARITY_LABELS, type Note, type Theme } from '../../../../../core/index.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The note with focus, in full: its themes, who said it, suggestions and look-alikes. */
export function NoteDetail(props: {
  note: BoardNote | null;
  allNotes: Note[];
  themes: Map<string, { theme: Theme; path: string }>;
  suggestions: Suggestions | null;
  duplicates: string[];
  onRemoveTheme: (themeId: string) => void;
  onAccept: (themeId: string) => void;
  onMergeDuplicates: () => void;
  /** Takes one note back out of this statement. */
  onUnmerge: (noteId: string) => void;
}) {
  const b = props.note;
  if (!b)
    return (
      <aside className="note-detail card" aria-label="The note with focus">
        <p className="hint">
          Move to a note with the arrow keys to see it here. Press ? for the keys.
        </p>
      </aside>
    );
  const n = b.note;
  const said = saidBy(n, props.allNotes);
  const merged = props.allNotes.filter((m) => m.mergedInto === n.id && m.id !== n.id);
  return (
    <aside className="note-detail card" aria-label="The note with focus">
      <p className="note-detail-text">{n.text}</p>
      <p className="hint">
        {b.session.title}
        {b.stepLabel ? ` · ${b.stepLabel}` : ''} ·{' '}
        {b.source === 'phone' ? 'typed on a phone' : 'captured'} · {b.cohort || 'no cohort'}
      </p>
      {said.notes > 1 && (
        <p>
          Said by {said.people} {said.people === 1 ? 'person' : 'people'}
          {said.unattributed > 0 ? ` and ${said.unattributed} unattributed` : ''} ({said.notes}{' '}
          notes merged)
        </p>
      )}
      <p>
        <strong>{POLARITY_LABELS[n.polarity]}</strong>
        {n.quotable ? ' · quotable' : ''}
        {n.hidden ? ' · hidden' : ''}
        {n.withdrawn ? ' · withdrawn by its author' : ''}
        {n.late ? ' · sent after the session closed' : ''}
      </p>
      <h2 className="h3">Themes</h2>
      {n.themeIds.length === 0 ? (
        <p className="hint">Not tagged yet.</p>
      ) : (
        <ul className="chips" aria-label="Its themes">
          {n.themeIds.map((id) => (
            <li key={id}>
              <Button
                className="chip"
                onPress={() => props.onRemoveTheme(id)}
                aria-label={`Remove ${props.themes.get(id)?.path ?? id}`}
              >
                {props.themes.get(id)?.path ?? 'A deleted theme'} ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {props.suggestions && props.suggestions.themes.length > 0 && (
        <>
          <h2 className="h3">Suggested</h2>
          <ul className="suggestions" aria-label="Suggested themes">
            {props.suggestions.themes.map((s, i) => (
              <li key={s.themeId}>
                <Button
                  className="button secondary small"
                  onPress={() => props.onAccept(s.themeId)}
                >
                  {i === 0 ? 'A: ' : ''}Add {props.themes.get(s.themeId)?.path ?? s.themeId}
                </Button>{' '}
                <span className="hint">{pct(s.confidence)} sure</span>
              </li>
            ))}
          </ul>
          {props.suggestions.polarity && (
            <p className="hint">
              Polarity suggested: {POLARITY_LABELS[props.suggestions.polarity.polarity]} (
              {pct(props.suggestions.polarity.confidence)} sure)
            </p>
          )}
        </>
      )}
      {merged.length > 0 && (
        <>
          <h2 className="h3" id="merged-title" tabIndex={-1}>
            Merged into this statement
          </h2>
          <ul className="merged-notes" aria-labelledby="merged-title">
            {merged.map((m) => (
              <li key={m.id}>
                <span id={`merged-text-${m.id}`}>{m.text}</span>{' '}
                <Button
                  className="button secondary small"
                  aria-describedby={`merged-text-${m.id}`}
                  onPress={() => {
                    props.onUnmerge(m.id);
                    // Its button goes with it: focus stays on the list's heading, or returns to
                    // the note on the board when this was the last one.
                    const to =
                      merged.length > 1
                        ? document.getElementById('merged-title')
                        : document.querySelector<HTMLElement>(
                            `.note-row[data-key="${CSS.escape(n.id)}"]`,
                          );
                    to?.focus();
                  }}
                >
                  Separate again
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.duplicates.length > 0 && (
        <>
          <h2 className="h3">
            Says the same as {props.duplicates.length} other{' '}
            {props.duplicates.length === 1 ? 'note' : 'notes'}
          </h2>
          <Button className="button secondary" onPress={props.onMergeDuplicates}>
            Merge them into this statement
          </Button>
        </>
      )}
    </aside>
  );
}
