import { memo, useMemo, useRef } from 'react';
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
export const ThemePalette = memo(function ThemePalette(props: {
  themes: { theme: Theme; path: string; depth: number }[];
  counts: Map<string, number>;
  /** Stable across renders (the palette is memoised). */
  onTag: (themeId: string, noteIds?: string[]) => void;
}) {
  const { onTag } = props;
  const dragOptions = useMemo(
    () => ({
      acceptedDragTypes: [NOTE_DRAG_TYPE],
      getDropOperation: () => 'copy' as const,
      onItemDrop: async (e: {
        target: { key: unknown; dropPosition: string };
        items: DropItem[];
      }) => {
        if (e.target.dropPosition !== 'on') return;
        onTag(String(e.target.key), await droppedNoteIds(e.items));
      },
    }),
    [onTag],
  );
  const { dragAndDropHooks } = useDragAndDrop(dragOptions);
  // An item whose theme and count did not change is the same object as before, so a tag
  // redraws the one or two themes whose counts moved rather than all forty.
  const cache = useRef(new Map<string, PaletteItem>());
  const items = useMemo(() => {
    const next = new Map<string, PaletteItem>();
    const out = props.themes.map((t, index) => {
      const count = props.counts.get(t.theme.id) ?? 0;
      const old = cache.current.get(t.theme.id);
      const item =
        old &&
        old.theme === t.theme &&
        old.path === t.path &&
        old.depth === t.depth &&
        old.index === index &&
        old.count === count
          ? old
          : { id: t.theme.id, theme: t.theme, path: t.path, depth: t.depth, index, count };
      next.set(item.id, item);
      return item;
    });
    cache.current = next;
    return out;
  }, [props.themes, props.counts]);
  return (
    <ListBox
      aria-label="Themes: choose one to tag the current notes, or drop notes on it"
      className="theme-palette"
      items={items}
      dragAndDropHooks={dragAndDropHooks}
      onAction={(key) => onTag(String(key))}
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
          <span className="count">{item.count}</span>
        </ListBoxItem>
      )}
    </ListBox>
  );
});

interface PaletteItem {
  id: string;
  theme: Theme;
  path: string;
  depth: number;
  index: number;
  count: number;
}
