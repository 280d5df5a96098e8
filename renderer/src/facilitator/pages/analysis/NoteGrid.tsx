import { memo } from 'react';
import {
  Button,
  GridList,
  GridListItem,
  ListLayout,
  Virtualizer,
  type DragAndDropHooks,
  type Selection,
} from 'react-aria-components';
import type { BoardNote } from '../../../../../core/analysis/board.ts';
import type { Theme } from '../../../../../core/index.ts';

const POLARITY_SHORT = { want: 'Want', 'do-not-want': 'Do NOT want', neutral: 'Other' } as const;

const empty = () => <p className="hint">No note matches these filters.</p>;

/**
 * The board's list of notes. Memoised, and fed stable props, so moving focus or typing in the
 * detail pane does not re-render it; a tag changes one entry of `notes`, and react-aria's item
 * cache (keyed by the entry object) redraws only that row.
 */
export const NoteGrid = memo(function NoteGrid(props: {
  notes: readonly BoardNote[];
  themes: Map<string, { theme: Theme }>;
  selected: Selection;
  onSelectionChange: (s: Selection) => void;
  dragAndDropHooks: DragAndDropHooks;
}) {
  const { themes } = props;
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowHeight: 84 }}>
      <GridList
        aria-label="Notes"
        className="note-grid"
        items={props.notes}
        dependencies={[themes]}
        selectionMode="multiple"
        selectedKeys={props.selected}
        onSelectionChange={props.onSelectionChange}
        disallowTypeAhead
        dragAndDropHooks={props.dragAndDropHooks}
        renderEmptyState={empty}
      >
        {(b) => (
          <GridListItem id={b.note.id} textValue={b.note.text} className="note-row">
            <Button slot="drag" className="drag-handle" aria-label="Drag to a theme">
              ⋮⋮
            </Button>
            <div className="note-row-body">
              <p className="note-row-text">{b.note.text}</p>
              <p className="note-row-meta">
                <span className={`polarity polarity-${b.note.polarity}`}>
                  {POLARITY_SHORT[b.note.polarity]}
                </span>
                {b.note.themeIds.map((id) => (
                  <span
                    key={id}
                    className="theme-tag"
                    style={{ borderColor: themes.get(id)?.theme.colour }}
                  >
                    {themes.get(id)?.theme.name ?? 'deleted theme'}
                  </span>
                ))}
                {b.note.quotable && <span className="flag">quotable</span>}
                {b.note.hidden && <span className="flag">hidden</span>}
                {b.note.withdrawn && <span className="flag">withdrawn</span>}
                {b.note.late && (
                  <span className="flag" title="Sent after the session closed">
                    late
                  </span>
                )}
                {b.merged > 0 && <span className="flag">+{b.merged} said the same</span>}
                <span className="where">{b.session.title}</span>
              </p>
            </div>
          </GridListItem>
        )}
      </GridList>
    </Virtualizer>
  );
});
