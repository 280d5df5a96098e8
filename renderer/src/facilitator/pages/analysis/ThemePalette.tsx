import { ListBox, ListBoxItem, useDragAndDrop, type DropItem } from 'react-aria-components';
import type { Theme } from '../../../../../core/index.ts';

export const NOTE_DRAG_TYPE = 'application/x-cohear-note-ids';

/** Note ids carried by a drag from the board. */
export async function droppedNoteIds(items: readonly DropItem[]): Promise<string[]> {
  const ids: string[] = [];
  for (const item of items)
    if (item.kind === 'text' && item.types.has(NOTE_DRAG_TYPE))
      ids.push(await item.getText(NOTE_DRAG_TYPE));
  return ids;
}

/**
 * The codebook beside the board: the first nine are numbered for the number keys; choosing a
 * theme (click, Enter) tags the current notes with it; notes dragged onto a theme are tagged
 * with it, by mouse or by react-aria's keyboard drag (Enter on a note's drag handle, then Tab
 * here and Enter).
 */
export function ThemePalette(props: {
  themes: { theme: Theme; path: string; depth: number }[];
  counts: Map<string, number>;
  onTag: (themeId: string, noteIds?: string[]) => void;
}) {
  const { dragAndDropHooks } = useDragAndDrop({
    acceptedDragTypes: [NOTE_DRAG_TYPE],
    getDropOperation: () => 'copy',
    onItemDrop: async (e) => {
      if (e.target.dropPosition !== 'on') return;
      props.onTag(String(e.target.key), await droppedNoteIds(e.items));
    },
  });
  return (
    <ListBox
      aria-label="Themes: choose one to tag the current notes, or drop notes on it"
      className="theme-palette"
      items={props.themes.map((t, i) => ({ id: t.theme.id, ...t, index: i }))}
      dragAndDropHooks={dragAndDropHooks}
      onAction={(key) => props.onTag(String(key))}
      selectionMode="none"
    >
      {(item) => (
        <ListBoxItem
          id={item.id}
          textValue={item.path}
          className="theme-palette-item"
          style={{ paddingLeft: `${0.5 + item.depth * 1}rem` }}
        >
          <span className="swatch" style={{ background: item.theme.colour }} aria-hidden="true" />
          {item.index < 9 && <kbd aria-hidden="true">{item.index + 1}</kbd>}
          <span className="theme-name">{item.theme.name}</span>
          <span className="count">{props.counts.get(item.id) ?? 0}</span>
        </ListBoxItem>
      )}
    </ListBox>
  );
}
