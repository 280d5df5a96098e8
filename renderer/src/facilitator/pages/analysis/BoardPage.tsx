import { useEffect, useMemo, useRef, useState } from 'react';
import type * as SuggestModuleShape from '../../../../../core/analysis/suggest.ts';

type SuggestModule = typeof SuggestModuleShape;
import {
  Button,
  GridList,
  GridListItem,
  ListLayout,
  Virtualizer,
  useDragAndDrop,
  type Selection,
} from 'react-aria-components';
import { boardCounts, filterBoard } from '../../../../../core/analysis/board.ts';
import {
  findNearDuplicates,
  mergeNotes,
  withMergedNotes,
} from '../../../../../core/analysis/near-duplicates.ts';
import {
  setPolarity,
  toggleHidden,
  toggleQuotable,
  toggleTheme,
} from '../../../../../core/codebook/index.ts';
import { POLARITY_LABELS } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnalysis } from './analysis-context.tsx';
import { BoardFilters } from './BoardFilters.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import { commandFor, type BoardCommand } from './keys.ts';
import { NoteDetail } from './NoteDetail.tsx';
import { TagByNameDialog } from './TagByNameDialog.tsx';
import { themeRows } from './theme-paths.ts';
import { NOTE_DRAG_TYPE, ThemePalette } from './ThemePalette.tsx';
import { useIdleValue } from './use-idle-value.ts';

const POLARITY_SHORT = { want: 'Want', 'do-not-want': 'Do NOT want', neutral: 'Other' } as const;

/** Every note of the programme: filter, read, tag at speed (see keys.ts). */
export function BoardPage() {
  const a = useAnalysis();
  const { programme } = useProgramme();
  const announce = useAnnounce();
  const { filter, setFilter } = a;
  const [selected, setSelected] = useState<Selection>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'help' | 'tag' | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const rows = useMemo(() => themeRows(a.themes), [a.themes]);
  const rowById = useMemo(() => new Map(rows.map((r) => [r.theme.id, r])), [rows]);
  const shown = useMemo(() => filterBoard(a.board, filter, a.themes), [a.board, filter, a.themes]);
  const counts = useMemo(() => boardCounts(a.board, filter, a.themes), [a.board, filter, a.themes]);
  const byId = useMemo(() => new Map(a.board.map((b) => [b.note.id, b])), [a.board]);

  // The language model is most of the app's weight: it loads after the board is up.
  const [suggestModule, setSuggestModule] = useState<SuggestModule | null>(null);
  useEffect(() => {
    const t = window.setTimeout(
      () => void import('../../../../../core/analysis/suggest.ts').then(setSuggestModule),
      800,
    );
    return () => window.clearTimeout(t);
  }, []);
  const suggester = useIdleValue(
    () =>
      suggestModule?.trainSuggester(
        a.board.map((b) => ({ note: b.note, text: b.note.text, stepKey: b.stepKey })),
        new Set(a.themes.map((t) => t.id)),
      ) ?? null,
    [a.board, a.themes, suggestModule],
  );
  const duplicates = useIdleValue(() => findNearDuplicates(a.allNotes), [a.allNotes]);

  const focused = focusId ? (byId.get(focusId) ?? null) : null;
  const suggestions = useMemo(
    () =>
      focused && suggester
        ? suggester.suggest({ text: focused.note.text, stepKey: focused.stepKey })
        : null,
    [focused, suggester],
  );
  const sameAs = useMemo(() => {
    if (!focused || !duplicates) return [];
    const g = duplicates.find((d) => d.noteIds.includes(focused.note.id));
    return g ? g.noteIds.filter((id) => id !== focused.note.id) : [];
  }, [focused, duplicates]);

  /** The notes a key acts on: the selection, or the note with focus. */
  const targets = (): string[] => {
    if (selected === 'all') return shown.map((b) => b.note.id);
    if (selected.size > 0) return [...selected].map(String);
    return focusId ? [focusId] : [];
  };
  const say = (n: number, what: string) => announce(`${what}: ${n} ${n === 1 ? 'note' : 'notes'}`);
  const tag = (themeId: string, ids = targets()) => {
    if (ids.length === 0) return announce('Move to a note first.');
    const notes = ids.map((id) => byId.get(id)?.note).filter((n) => n !== undefined);
    const adding = !notes.every((n) => n.themeIds.includes(themeId));
    toggleTheme(a.docList, withMergedNotes(ids, a.allNotes), themeId, adding);
    say(ids.length, `${adding ? 'Tagged' : 'Untagged'} ${rowById.get(themeId)?.path ?? ''}`);
  };
  const run = (c: BoardCommand) => {
    const ids = targets();
    const all = withMergedNotes(ids, a.allNotes);
    switch (c.kind) {
      case 'theme-number': {
        const row = rows[c.index];
        if (row) tag(row.theme.id, ids);
        return;
      }
      case 'tag-by-name':
        if (ids.length) setDialog('tag');
        return;
      case 'polarity':
        setPolarity(a.docList, all, c.polarity);
        return say(ids.length, POLARITY_LABELS[c.polarity]);
      case 'quotable':
        toggleQuotable(a.docList, all);
        return say(ids.length, 'Quotable changed');
      case 'hidden':
        toggleHidden(a.docList, all);
        return say(ids.length, 'Hidden changed');
      case 'accept-suggestion': {
        const best = suggestions?.themes[0];
        if (!best || !focused) return announce('No suggestion for this note.');
        toggleTheme(a.docList, withMergedNotes([focused.note.id], a.allNotes), best.themeId, true);
        return announce(`Tagged ${rowById.get(best.themeId)?.path ?? ''}`);
      }
      case 'merge': {
        if (ids.length < 2) return announce('Select two or more notes to merge.');
        const keep = shown.find((b) => ids.includes(b.note.id))?.note.id ?? (ids[0] as string);
        mergeNotes(a.docList, keep, ids);
        setSelected(new Set());
        return say(ids.length, 'Merged into one statement');
      }
      case 'search':
        searchRef.current?.focus();
        return;
      case 'help':
        setDialog('help');
        return;
    }
  };

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) =>
      [...keys].map((k) => ({
        [NOTE_DRAG_TYPE]: String(k),
        'text/plain': byId.get(String(k))?.note.text ?? '',
      })),
  });

  return (
    <>
      <PageHeader title="Board" context={programme.title}>
        <p className="hint" aria-live="polite">
          Showing {counts.shown.toLocaleString('en-GB')} of {counts.total.toLocaleString('en-GB')}{' '}
          notes. Press <kbd>?</kbd> for the keys.
        </p>
      </PageHeader>
      <div className="board">
        <BoardFilters
          filter={filter}
          onChange={setFilter}
          counts={counts}
          sessions={a.sessions}
          board={a.board}
          themes={rows}
          searchRef={searchRef}
        />
        <div
          className="board-notes"
          onKeyDownCapture={(e) => {
            const el = e.target as HTMLElement;
            if (el.closest('input, select, textarea')) return;
            const c = commandFor(e);
            if (!c) return;
            e.preventDefault();
            e.stopPropagation();
            run(c);
          }}
          onFocusCapture={(e) => {
            const key = (e.target as HTMLElement).closest('[data-key]')?.getAttribute('data-key');
            if (key) setFocusId(key);
          }}
        >
          <Virtualizer layout={ListLayout} layoutOptions={{ rowHeight: 84 }}>
            <GridList
              aria-label="Notes"
              className="note-grid"
              items={shown}
              dependencies={[rowById]}
              selectionMode="multiple"
              selectedKeys={selected}
              onSelectionChange={setSelected}
              disallowTypeAhead
              dragAndDropHooks={dragAndDropHooks}
              renderEmptyState={() => <p className="hint">No note matches these filters.</p>}
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
                          style={{ borderColor: rowById.get(id)?.theme.colour }}
                        >
                          {rowById.get(id)?.theme.name ?? 'deleted theme'}
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
        </div>
        <div className="board-side">
          <h2 className="h3" id="palette-title">
            Themes
          </h2>
          <ThemePalette
            themes={rows}
            counts={counts.themesWithSub}
            onTag={(id, ids) => tag(id, ids)}
          />
          <NoteDetail
            note={focused}
            allNotes={a.allNotes}
            themes={rowById}
            suggestions={suggestions}
            duplicates={sameAs}
            onRemoveTheme={(id) =>
              focused &&
              toggleTheme(a.docList, withMergedNotes([focused.note.id], a.allNotes), id, false)
            }
            onAccept={(id) =>
              focused &&
              toggleTheme(a.docList, withMergedNotes([focused.note.id], a.allNotes), id, true)
            }
            onMergeDuplicates={() => {
              if (!focused) return;
              mergeNotes(a.docList, focused.note.id, [focused.note.id, ...sameAs]);
              announce(`Merged ${sameAs.length + 1} notes into one statement`);
            }}
          />
        </div>
      </div>
      <HelpDialog isOpen={dialog === 'help'} onClose={() => setDialog(null)} />
      <TagByNameDialog
        isOpen={dialog === 'tag'}
        themes={rows}
        count={targets().length}
        onClose={() => setDialog(null)}
        onPick={(id) => {
          setDialog(null);
          tag(id);
        }}
      />
    </>
  );
}
