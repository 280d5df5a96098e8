import { useMemo, useState } from 'react';
import { Button, GridList, GridListItem } from 'react-aria-components';
import {
  CodebookError,
  addTheme,
  deleteTheme,
  mergeThemes,
  shiftTheme,
} from '../../../../../core/codebook/index.ts';
import { boardCounts } from '../../../../../core/analysis/board.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnnounce } from '../../ui/announcer.tsx';
import { useAnalysis } from './analysis-context.tsx';
import { ThemeEditor } from './ThemeEditor.tsx';
import { themeRows } from './theme-paths.ts';

/** The codebook: add, edit, nest, reorder, merge and delete themes. */
export function CodebookPage() {
  const a = useAnalysis();
  const { programme } = useProgramme();
  const announce = useAnnounce();
  const rows = useMemo(() => themeRows(a.themes), [a.themes]);
  const counts = useMemo(() => boardCounts(a.board, {}, a.themes), [a.board, a.themes]);
  const [current, setCurrent] = useState<string | null>(null);
  const row = rows.find((r) => r.theme.id === current) ?? null;
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [addError, setAddError] = useState<string | undefined>();
  const [mergeInto, setMergeInto] = useState('');
  const [mergeError, setMergeError] = useState<string | undefined>();
  const [asking, setAsking] = useState<'merge' | 'delete' | null>(null);
  const [fate, setFate] = useState<'untag' | 'parent'>('parent');

  const add = () => {
    try {
      const t = addTheme(a.programmeDoc, { name: newName, parentId: newParent || null });
      setNewName('');
      setAddError(undefined);
      setCurrent(t.id);
      announce(`Added ${t.name}`);
    } catch (e) {
      if (!(e instanceof CodebookError)) throw e;
      setAddError(e.message);
      document.getElementById('new-theme-name')?.focus();
    }
  };
  const own = (id: string) => counts.themes.get(id) ?? 0;

  return (
    <>
      <PageHeader title="Codebook" context={programme.title}>
        <p className="hint">
          Themes can hold sub-themes to any depth, and any of them can tag a note. Use ↑ ↓ to move
          in the list, Alt + ↑ ↓ to reorder.
        </p>
      </PageHeader>
      <form
        className="row add-theme"
        aria-label="Add a theme"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <Field id="new-theme-name" label="New theme" error={addError}>
          {(p) => (
            <input
              {...p}
              type="text"
              className="input"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
          )}
        </Field>
        <Field id="new-theme-parent" label="Inside">
          {(p) => (
            <select {...p} value={newParent} onChange={(e) => setNewParent(e.target.value)}>
              <option value="">Top level</option>
              {rows.map((r) => (
                <option key={r.theme.id} value={r.theme.id}>
                  {r.path}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button className="button" type="submit">
          Add theme
        </button>
      </form>
      <div className="codebook">
        <div
          className="codebook-list-wrap"
          onKeyDownCapture={(e) => {
            if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && current) {
              e.preventDefault();
              e.stopPropagation();
              shiftTheme(a.programmeDoc, current, e.key === 'ArrowUp' ? -1 : 1);
              announce('Moved');
            }
          }}
        >
          <GridList
            aria-label="Themes"
            className="codebook-list"
            items={rows.map((r) => ({ id: r.theme.id, r }))}
            selectionMode="single"
            selectionBehavior="replace"
            selectedKeys={current ? [current] : []}
            onSelectionChange={(keys) => {
              const k = keys === 'all' ? null : [...keys][0];
              if (k !== undefined && k !== null) setCurrent(String(k));
            }}
            renderEmptyState={() => <p className="hint">No themes yet: add the first above.</p>}
          >
            {({ r }) => (
              <GridListItem id={r.theme.id} textValue={r.path} className="codebook-row">
                <span style={{ paddingLeft: `${r.depth * 1.25}rem` }} className="codebook-name">
                  <span
                    className="swatch"
                    style={{ background: r.theme.colour }}
                    aria-hidden="true"
                  />
                  {r.theme.name}
                </span>
                <span
                  className="count"
                  aria-label={`${own(r.theme.id)} notes, ${counts.themesWithSub.get(r.theme.id) ?? 0} with sub-themes`}
                >
                  {own(r.theme.id)} / {counts.themesWithSub.get(r.theme.id) ?? 0}
                </span>
              </GridListItem>
            )}
          </GridList>
        </div>
        <div className="codebook-side">
          {row ? (
            <>
              <ThemeEditor programme={a.programmeDoc} row={row} rows={rows} />
              <div className="card">
                <h2 className="h3">Merge or delete</h2>
                <Field id="merge-into" label={`Merge "${row.theme.name}" into`} error={mergeError}>
                  {(p) => (
                    <select {...p} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
                      <option value="">Choose a theme</option>
                      {rows
                        .filter((x) => x.theme.id !== row.theme.id)
                        .map((x) => (
                          <option key={x.theme.id} value={x.theme.id}>
                            {x.path}
                          </option>
                        ))}
                    </select>
                  )}
                </Field>
                <div className="row">
                  <Button
                    className="button secondary"
                    onPress={() => {
                      if (!mergeInto) {
                        setMergeError('Choose the theme to keep.');
                        document.getElementById('merge-into')?.focus();
                        return;
                      }
                      setMergeError(undefined);
                      setAsking('merge');
                    }}
                  >
                    Merge…
                  </Button>
                  <Button className="button danger" onPress={() => setAsking('delete')}>
                    Delete…
                  </Button>
                </div>
              </div>
            </>
          ) : (
            <p className="hint">Choose a theme in the list to edit, move, merge or delete it.</p>
          )}
        </div>
      </div>
      {row && (
        <ConfirmDialog
          isOpen={asking === 'merge'}
          title={`Merge "${row.theme.name}" into "${rows.find((x) => x.theme.id === mergeInto)?.path ?? ''}"?`}
          confirmLabel="Merge"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            try {
              const moved = mergeThemes(a.programmeDoc, a.docList, mergeInto, row.theme.id);
              announce(`Merged: ${moved} notes moved`);
              setCurrent(mergeInto);
              setMergeInto('');
            } catch (e) {
              if (!(e instanceof CodebookError)) throw e;
              setMergeError(e.message);
            }
            setAsking(null);
          }}
        >
          Its {own(row.theme.id)} notes will be tagged with the theme you keep, and its sub-themes
          move under it.
        </ConfirmDialog>
      )}
      {row && (
        <ConfirmDialog
          isOpen={asking === 'delete'}
          title={`Delete "${row.theme.name}"?`}
          confirmLabel="Delete theme"
          destructive
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const parent = row.theme.parentId;
            const moved = deleteTheme(
              a.programmeDoc,
              a.docList,
              row.theme.id,
              fate === 'parent' && parent ? { kind: 'retag', themeId: parent } : { kind: 'untag' },
            );
            announce(`Deleted ${row.theme.name}: ${moved} notes changed`);
            setCurrent(null);
            setAsking(null);
          }}
        >
          <fieldset>
            <legend>What becomes of its {own(row.theme.id)} notes?</legend>
            {row.theme.parentId && (
              <label className="check">
                <input
                  type="radio"
                  name="fate"
                  checked={fate === 'parent'}
                  onChange={() => setFate('parent')}
                />{' '}
                Tag them with {rows.find((x) => x.theme.id === row.theme.parentId)?.path}
              </label>
            )}
            <label className="check">
              <input
                type="radio"
                name="fate"
                checked={fate === 'untag' || !row.theme.parentId}
                onChange={() => setFate('untag')}
              />{' '}
              Take the tag off (they stay, untagged if it was their only theme)
            </label>
          </fieldset>
          <p>Its sub-themes move up a level.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
