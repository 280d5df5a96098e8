import { useMemo, useRef, useState } from 'react';
import { boardCounts } from '../../../../../core/analysis/board.ts';
import { buildKeyThemeTable } from '../../../../../core/analysis/key-theme-table.ts';
import {
  filteredView,
  keyThemeCellNotes,
  liveSnapshot,
} from '../../../../../core/analysis/live-analysis.ts';
import { saidBy } from '../../../../../core/analysis/near-duplicates.ts';
import { POLARITY_LABELS, type Polarity } from '../../../../../core/index.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useAnalysis } from './analysis-context.tsx';
import { BoardFilters } from './BoardFilters.tsx';
import { themeRows } from './theme-paths.ts';

const EXAMPLES = 2;

/**
 * The key theme table as the exports write it (the same functions on the same documents), for
 * the notes the board's filters let through; a count opens the notes it counts.
 */
export function TablePage() {
  const a = useAnalysis();
  const { programme } = useProgramme();
  const rows = useMemo(() => themeRows(a.themes), [a.themes]);
  const counts = useMemo(
    () => boardCounts(a.board, a.filter, a.themes),
    [a.board, a.filter, a.themes],
  );
  const searchRef = useRef<HTMLInputElement | null>(null);
  const snapshot = useMemo(
    () => liveSnapshot(programme, a.sessions, a.people, a.programmeDoc, a.sessionDocs),
    // `version` changes with every edit of any document.
    [programme, a.sessions, a.people, a.programmeDoc, a.sessionDocs, a.version],
  );
  const view = useMemo(() => filteredView(snapshot, a.filter), [snapshot, a.filter]);
  const table = useMemo(() => buildKeyThemeTable(view), [view]);
  const [cell, setCell] = useState<{ themeId: string; polarity: Polarity } | null>(null);
  const cellNotes = cell ? keyThemeCellNotes(view, cell.themeId, cell.polarity) : [];
  const cellRow = cell ? table.rows.find((r) => r.theme.id === cell.themeId) : undefined;
  const allNotes = a.allNotes;
  const open = (themeId: string, polarity: Polarity) => {
    setCell({ themeId, polarity });
    requestAnimationFrame(() => document.getElementById('cell-notes-title')?.focus());
  };
  const countButton = (themeId: string, polarity: Polarity, n: number, path: string) =>
    n === 0 ? (
      <span>0</span>
    ) : (
      <button
        type="button"
        className="link-button"
        aria-label={`${n} notes: ${path}, ${POLARITY_LABELS[polarity]}`}
        onClick={() => open(themeId, polarity)}
      >
        {n}
      </button>
    );

  return (
    <>
      <PageHeader title="Key theme table" context={programme.title}>
        <p className="hint">
          The same table the reports and downloads hold, for the notes the filters let through:{' '}
          {table.totalNotes} notes, {table.untagged} untagged. Choose a count to read its notes.
        </p>
      </PageHeader>
      <div className="table-layout">
        <BoardFilters
          filter={a.filter}
          onChange={a.setFilter}
          counts={counts}
          sessions={a.sessions}
          board={a.board}
          themes={rows}
          searchRef={searchRef}
        />
        <div className="table-main">
          <div className="table-scroll">
            <table className="key-theme-table">
              <caption className="visually-hidden">
                Key themes: what people want and do NOT want to see
              </caption>
              <thead>
                <tr>
                  <th scope="col">Theme</th>
                  <th scope="col">People</th>
                  <th scope="col">{POLARITY_LABELS.want}</th>
                  <th scope="col">{POLARITY_LABELS['do-not-want']}</th>
                  <th scope="col">{POLARITY_LABELS.neutral}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.theme.id}>
                    <th scope="row" style={{ paddingLeft: `${0.5 + r.depth}rem` }}>
                      {r.path}
                    </th>
                    <td>{r.participants}</td>
                    <td>
                      {countButton(r.theme.id, 'want', r.counts.want, r.path)}
                      <ul className="examples">
                        {r.want.slice(0, EXAMPLES).map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {countButton(r.theme.id, 'do-not-want', r.counts.doNotWant, r.path)}
                      <ul className="examples">
                        {r.doNotWant.slice(0, EXAMPLES).map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                    </td>
                    <td>{countButton(r.theme.id, 'neutral', r.counts.other, r.path)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cell && cellRow && (
            <section className="card cell-notes" aria-labelledby="cell-notes-title">
              <h2 id="cell-notes-title" className="h3" tabIndex={-1}>
                {cellRow.path}: {POLARITY_LABELS[cell.polarity]} ({cellNotes.length}{' '}
                {cellNotes.length === 1 ? 'note' : 'notes'})
              </h2>
              <ul>
                {cellNotes.map((v) => {
                  const said = saidBy(v.note, allNotes);
                  return (
                    <li key={v.note.id}>
                      {v.text}{' '}
                      <span className="hint">
                        — {v.session.title}
                        {said.people > 1 ? `, said by ${said.people} people` : ''}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
