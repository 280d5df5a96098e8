import { useContext, type ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { AuthContext } from './auth-context.tsx';
import { FocusOnNavigate } from './FocusOnNavigate.tsx';

/** The bar across the top of every screen but the projector: skip link, home, who, sign out. */
export function AppChrome(props: { children?: ReactNode }) {
  const auth = useContext(AuthContext);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <Link className="brand" to="/">
          Cohear
        </Link>
        <span className="spacer" />
        {auth && (
          <>
            {auth.me.admin && (
              <Link className="topbar-link" to="/admin">
                Administration
              </Link>
            )}
            {auth.me.name && <span className="topbar-who">{auth.me.name}</span>}
            {auth.mode === 'server' && (
              <button type="button" className="link" onClick={auth.signOut}>
                Sign out
              </button>
            )}
          </>
        )}
      </header>
      <FocusOnNavigate />
      {props.children ?? <Outlet />}
    </>
  );
}
