import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import './analysis.css';
import {
  boardNotes,
  type BoardFilter,
  type BoardNote,
} from '../../../../../core/analysis/board.ts';
import {
  analysisPersonSchema,
  type AnalysisPerson,
} from '../../../../../core/analysis/live-analysis.ts';
import {
  sessionSchema,
  sortThemes,
  type Note,
  type ProgrammeDoc,
  type Session,
  type SessionDoc,
  type Theme,
} from '../../../../../core/index.ts';
import { api } from '../../../shared/http.ts';
import { useProgramme } from '../../app/programme-context.tsx';
import { useSessionDocs, type SessionContentLite } from './use-session-docs.ts';

export interface AnalysisState {
  programmeDoc: ProgrammeDoc;
  sessionDocs: Map<string, SessionDoc>;
  /** Every session doc, for the core's operations that work across sessions. */
  docList: SessionDoc[];
  sessions: Session[];
  contents: Map<string, SessionContentLite>;
  people: AnalysisPerson[];
  /** The codebook in reading order. */
  themes: Theme[];
  /** Every note of every session (merged ones included), for "said by" and merges. */
  allNotes: Note[];
  board: BoardNote[];
  version: number;
  /** The board's filter, shared with the key theme table so both show the same notes. */
  filter: BoardFilter;
  setFilter: (f: BoardFilter) => void;
}

const Ctx = createContext<AnalysisState | null>(null);

/** The analysis area's shared state. Only used below `AnalysisLayout`. */
export function useAnalysis(): AnalysisState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAnalysis is used outside AnalysisLayout');
  return v;
}

/**
 * The analysis area's screens, in the order a facilitator works. Other areas of analysis add
 * their own line here.
 */
export const ANALYSIS_LINKS: { to: string; label: string }[] = [
  { to: '', label: 'Board' },
  { to: 'codebook', label: 'Codebook' },
  { to: 'table', label: 'Key theme table' },
  { to: 'clouds', label: 'Word clouds' },
  { to: 'representation', label: 'Representation' },
];

function AnalysisNav(props: { base: string }) {
  return (
    <nav aria-label="Analysis" className="analysis-nav">
      <ul>
        {ANALYSIS_LINKS.map((l) => (
          <li key={l.label}>
            <NavLink to={l.to ? `${props.base}/${l.to}` : props.base} end={l.to === ''}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every analysis screen: opens every session document of the programme (tagging and merging
 * work across sessions), reads who said what (cohorts and consents, never contact details) and
 * shows the analysis sub-navigation above the screen.
 */
export function AnalysisLayout() {
  const { programme, sessions: listings, doc, docVersion } = useProgramme();
  const sessions = useMemo(
    () =>
      listings.map((s) =>
        sessionSchema.parse(
          Object.fromEntries(Object.keys(sessionSchema.shape).map((k) => [k, (s as never)[k]])),
        ),
      ),
    [listings],
  );
  const live = useSessionDocs(sessions.map((s) => s.id));
  const [people, setPeople] = useState<AnalysisPerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<BoardFilter>({});
  useEffect(() => {
    api<{ people: unknown }>(`/api/programmes/${encodeURIComponent(programme.id)}/analysis/people`)
      .then((r) => setPeople(analysisPersonSchema.array().parse(r.people)))
      .catch((e: Error) => setError(e.message));
  }, [programme.id]);

  const themes = useMemo(
    () => (doc ? sortThemes(doc.themes.all()) : []),
    // docVersion changes with every codebook edit.
    [doc, docVersion],
  );
  const cohorts = useMemo(() => new Map((people ?? []).map((p) => [p.id, p.cohort])), [people]);
  const { contents } = live;
  const previous = useRef<BoardNote[]>([]);
  const board = useMemo(() => {
    previous.current = boardNotes(
      sessions.map((session) => ({
        session,
        ...(contents.get(session.id) ?? { agenda: [], persona: null, notes: [] }),
      })),
      (id) => cohorts.get(id),
      previous.current,
    );
    return previous.current;
  }, [sessions, contents, cohorts]);
  const allNotes = useMemo(() => [...contents.values()].flatMap((c) => c.notes), [contents]);
  const base = `/programmes/${encodeURIComponent(programme.id)}/analysis`;

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!doc || !live.docs || !people)
    return (
      <>
        <AnalysisNav base={base} />
        <p role="status">Opening every session of the programme&hellip;</p>
      </>
    );
  const value: AnalysisState = {
    programmeDoc: doc,
    sessionDocs: live.docs,
    docList: [...live.docs.values()],
    sessions,
    contents,
    people,
    themes,
    allNotes,
    board,
    version: live.version + docVersion,
    filter,
    setFilter,
  };
  return (
    <Ctx.Provider value={value}>
      <AnalysisNav base={base} />
      <Outlet />
    </Ctx.Provider>
  );
}
