import { Link, NavLink, Outlet } from 'react-router';
import { AppChrome } from './AppChrome.tsx';
import { useProgramme } from './programme-context.tsx';

/** The parts of a programme, in the order a programme is run. */
const SECTIONS: { to: string; label: string; end?: boolean }[] = [
  { to: '', label: 'Overview', end: true },
  { to: 'sessions', label: 'Sessions' },
  { to: 'people', label: 'People' },
  { to: 'analysis', label: 'Themes and analysis' },
  { to: 'actions', label: 'Actions and recommendations' },
  { to: 'reports', label: 'Reports' },
  { to: 'settings', label: 'Settings' },
  { to: 'audit', label: 'Audit log' },
];

/**
 * Every programme screen but the projector: the programme's name and its parts down the side
 * (across the top on a tablet), the screen beside them.
 */
export function ProgrammeLayout() {
  const { programme, online } = useProgramme();
  const base = `/programmes/${encodeURIComponent(programme.id)}`;
  return (
    <AppChrome>
      <div className="programme-shell">
        <nav className="programme-nav" aria-label="Programme">
          <p className="programme-nav-title">
            <Link to={base}>{programme.title}</Link>
            <span className="programme-nav-org">{programme.organisation}</span>
          </p>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.label}>
                <NavLink to={s.to ? `${base}/${s.to}` : base} end={s.end ?? false}>
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
          {!online && (
            <p className="programme-nav-status hint" role="status">
              Reconnecting&hellip; your edits are kept and sent when the connection returns.
            </p>
          )}
        </nav>
        <main id="main" className="page programme-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </AppChrome>
  );
}
