import type {
  BoardCounts,
  BoardFilter,
  BoardNote,
  Visibility,
} from '../../../../../core/analysis/board.ts';
import {
  POLARITY_LABELS,
  type Polarity,
  type Session,
  type Theme,
} from '../../../../../core/index.ts';

const n = (c: number | undefined) => ` (${c ?? 0})`;

/**
 * The board's filters: native selects and checkboxes, one tab stop each, every choice with the
 * number of notes it would show given the other filters.
 */
export function BoardFilters(props: {
  filter: BoardFilter;
  onChange: (f: BoardFilter) => void;
  counts: BoardCounts;
  sessions: Session[];
  board: BoardNote[];
  themes: { theme: Theme; path: string }[];
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { filter, counts, onChange } = props;
  const set = (f: Partial<BoardFilter>) => onChange({ ...filter, ...f });
  const cohorts = [...new Set(props.board.map((b) => b.cohort))].filter(Boolean).sort();
  const steps = new Map<string, string>();
  for (const b of props.board) if (b.stepKey && b.stepLabel) steps.set(b.stepKey, b.stepLabel);
  return (
    <form
      className="board-filters"
      role="search"
      aria-label="Filter the notes"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="board-search">Search</label>
        <input
          id="board-search"
          ref={props.searchRef}
          className="input"
          type="search"
          value={filter.text ?? ''}
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="board-session">Session</label>
        <select
          id="board-session"
          value={filter.sessionIds?.[0] ?? ''}
          onChange={(e) => set({ sessionIds: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Every session</option>
          {props.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title + n(counts.sessions.get(s.id))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-cohort">Cohort</label>
        <select
          id="board-cohort"
          value={filter.cohorts?.[0] ?? ''}
          onChange={(e) => set({ cohorts: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Every cohort</option>
          {cohorts.map((c) => (
            <option key={c} value={c}>
              {c + n(counts.cohorts.get(c))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-step">Agenda step or persona stage</label>
        <select
          id="board-step"
          value={filter.stepKeys?.[0] ?? ''}
          onChange={(e) => set({ stepKeys: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Any step</option>
          {[...steps].map(([k, label]) => (
            <option key={k} value={k}>
              {label + n(counts.steps.get(k))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-theme">Theme</label>
        <select
          id="board-theme"
          value={filter.themeId ?? ''}
          onChange={(e) => set({ themeId: e.target.value || null })}
        >
          <option value="">Any theme</option>
          {props.themes.map(({ theme, path }) => (
            <option key={theme.id} value={theme.id}>
              {path +
                n(
                  filter.includeSubThemes === false
                    ? counts.themes.get(theme.id)
                    : counts.themesWithSub.get(theme.id),
                )}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.includeSubThemes !== false}
            onChange={(e) => set({ includeSubThemes: e.target.checked })}
          />{' '}
          Include its sub-themes
        </label>
      </div>
      <div className="field">
        <label htmlFor="board-polarity">Polarity</label>
        <select
          id="board-polarity"
          value={filter.polarities?.[0] ?? ''}
          onChange={(e) => set({ polarities: e.target.value ? [e.target.value as Polarity] : [] })}
        >
          <option value="">Any</option>
          {(Object.keys(POLARITY_LABELS) as Polarity[]).map((p) => (
            <option key={p} value={p}>
              {POLARITY_LABELS[p] + n(counts.polarities.get(p))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-source">Where from</label>
        <select
          id="board-source"
          value={filter.source ?? ''}
          onChange={(e) => set({ source: (e.target.value || undefined) as BoardFilter['source'] })}
        >
          <option value="">Phones and captured</option>
          <option value="phone">{'Typed on a phone' + n(counts.sources.get('phone'))}</option>
          <option value="captured">
            {'Captured by a facilitator' + n(counts.sources.get('captured'))}
          </option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-visibility">Showing</label>
        <select
          id="board-visibility"
          value={filter.visibility ?? 'visible'}
          onChange={(e) => set({ visibility: e.target.value as Visibility })}
        >
          <option value="visible">
            {'Notes in the analysis' + n(counts.visibility.get('visible'))}
          </option>
          <option value="hidden">{'Hidden notes' + n(counts.visibility.get('hidden'))}</option>
          <option value="withdrawn">
            {'Withdrawn notes' + n(counts.visibility.get('withdrawn'))}
          </option>
          <option value="all">{'Every note' + n(counts.visibility.get('all'))}</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>Only</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.untagged === true}
            onChange={(e) => set({ untagged: e.target.checked })}
          />{' '}
          {'Untagged' + n(counts.untagged)}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.quotable === true}
            onChange={(e) => set({ quotable: e.target.checked })}
          />{' '}
          {'Quotable' + n(counts.quotable)}
        </label>
      </fieldset>
    </form>
  );
}
