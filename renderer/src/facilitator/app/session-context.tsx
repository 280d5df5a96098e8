import { createContext, useContext } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { SESSION_KIND_LABELS } from '../../../../core/index.ts';
import type { SessionListing } from '../facilitator-api.ts';
import { formatSessionDate } from '../pages/sessions/session-labels.ts';
import { NotFound } from './NotFound.tsx';
import { useProgramme } from './programme-context.tsx';

const SessionContext = createContext<SessionListing | null>(null);

/** The session named in the URL. Only used below a session route. */
export function useSession(): SessionListing {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession is used outside a session route');
  return s;
}

/** Finds the session in its programme; an unknown id says "not found". */
export function SessionProvider(props: { children?: React.ReactNode }) {
  const { sessionId = '' } = useParams();
  const { sessions } = useProgramme();
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) return <NotFound what="session" />;
  return (
    <SessionContext.Provider value={session}>
      {props.children ?? <Outlet />}
    </SessionContext.Provider>
  );
}

const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  open: 'Open for joining',
  closed: 'Closed',
};

/** A session's screens share its name, date and status, and the tabs between them. */
export function SessionLayout() {
  return (
    <SessionProvider>
      <SessionTabs />
      <Outlet />
    </SessionProvider>
  );
}

function SessionTabs() {
  const { programme } = useProgramme();
  const session = useSession();
  const base = `/programmes/${encodeURIComponent(programme.id)}/sessions/${encodeURIComponent(session.id)}`;
  return (
    <div className="session-bar">
      <p className="session-bar-title">
        <NavLink to={`/programmes/${encodeURIComponent(programme.id)}/sessions`} end>
          Sessions
        </NavLink>{' '}
        / <strong>{session.title}</strong>{' '}
        <span className="hint">
          {formatSessionDate(session.date)} · {SESSION_KIND_LABELS[session.kind]} ·{' '}
          <span className={`status-tag status-${session.status}`}>
            {STATUS_LABELS[session.status] ?? session.status}
          </span>
        </span>
      </p>
      <nav aria-label="Session">
        <ul className="tabs">
          <li>
            <NavLink to={base} end>
              Plan
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/run`}>Run the room</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/debrief`}>Debrief</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/import`}>Import a transcript</NavLink>
          </li>
        </ul>
      </nav>
    </div>
  );
}
