import { GridList, GridListItem } from 'react-aria-components';
import type { EvidenceNote } from '../../../../../core/index.ts';

/**
 * Notes to link as evidence: those tagged with the chosen themes (all reportable notes when no
 * theme is chosen), plus any already linked. One list, one tab stop; Space links or unlinks.
 */
export function EvidencePicker(props: {
  id: string;
  notes: EvidenceNote[] | null;
  themeIds: string[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  if (props.notes === null) return <p role="status">Loading notes&hellip;</p>;
  const shown = props.notes
    .filter(
      (n) =>
        props.value.includes(n.id) ||
        props.themeIds.length === 0 ||
        n.themeIds.some((t) => props.themeIds.includes(t)),
    )
    .slice(0, 300);
  return (
    <div className="stack">
      <p className="hint" id={`${props.id}-hint`}>
        {props.value.length} linked.{' '}
        {props.themeIds.length > 0
          ? 'Notes of the chosen themes.'
          : 'Choose themes above to narrow the list.'}{' '}
        Space links a note.
      </p>
      {shown.length === 0 ? (
        <p>No notes to link yet.</p>
      ) : (
        <GridList
          id={props.id}
          className="list-grid evidence-list"
          aria-label="Evidence notes"
          aria-describedby={`${props.id}-hint`}
          selectionMode="multiple"
          selectionBehavior="toggle"
          selectedKeys={props.value}
          onSelectionChange={(keys) =>
            props.onChange(keys === 'all' ? shown.map((n) => n.id) : [...keys].map(String))
          }
          items={shown}
        >
          {(n) => (
            <GridListItem textValue={n.text} className="list-row">
              {({ isSelected }) => (
                <>
                  <span className="tick" aria-hidden="true">
                    {isSelected ? '☑' : '☐'}
                  </span>
                  <span className="list-main">
                    &ldquo;{n.text}&rdquo; <span className="hint">({n.sessionTitle})</span>
                  </span>
                </>
              )}
            </GridListItem>
          )}
        </GridList>
      )}
    </div>
  );
}
