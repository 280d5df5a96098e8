import { useCallback, useEffect, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { api } from '../../shared/http.ts';
import { autoSignIn } from '../auth.ts';
import { signOut, type Me } from '../facilitator-api.ts';
import { ObserverHome } from '../ObserverHome.tsx';
import { SignIn } from '../SignIn.tsx';
import { AuthContext } from './auth-context.tsx';
import { AppChrome } from './AppChrome.tsx';
import { DesktopSignInHelp } from './DesktopSignInHelp.tsx';
import { legacyPath } from './legacy-links.ts';

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string }
  | { kind: 'signed-in'; me: Me };

/**
 * Decides who is at the keyboard before any screen shows. Desktop mode never shows the account
 * form: the window's bridge or the printed link's fragment signs in, and pasting that link into
 * an open tab signs in there and then (a fragment change fires `hashchange`, not a reload).
 */
export function AuthGate() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [mode, setMode] = useState<'desktop' | 'server' | null>(null);
  const navigate = useNavigate();

  const check = useCallback(() => {
    autoSignIn().then(
      (me) => setState(me ? { kind: 'signed-in', me } : { kind: 'signed-out' }),
      (e: Error) => setState({ kind: 'error', message: e.message }),
    );
  }, []);

  useEffect(() => {
    api<{ mode: 'desktop' | 'server' }>('/api/auth/mode').then(
      (r) => setMode(r.mode),
      () => setMode('server'),
    );
    check();
    const onHash = () => {
      if (location.hash.includes('secret=')) check();
      else {
        const to = legacyPath(location.hash);
        if (to) navigate(to, { replace: true });
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [check, navigate]);

  useEffect(() => {
    if (state.kind !== 'signed-in') return;
    const to = legacyPath(location.hash);
    if (to) navigate(to, { replace: true });
  }, [state.kind, navigate]);

  if (state.kind === 'checking' || mode === null)
    return (
      <AppChrome>
        <main id="main" className="page">
          <p role="status">Loading&hellip;</p>
        </main>
      </AppChrome>
    );
  if (state.kind === 'error')
    return (
      <AppChrome>
        <main id="main" className="page">
          <p className="error" role="alert">
            {state.message}
          </p>
        </main>
      </AppChrome>
    );
  if (state.kind === 'signed-out')
    return (
      <AppChrome>
        {mode === 'desktop' ? <DesktopSignInHelp /> : <SignIn onSignedIn={check} />}
      </AppChrome>
    );
  const auth = {
    me: state.me,
    mode,
    signOut: () => void signOut().then(() => setState({ kind: 'signed-out' })),
  };
  return (
    <AuthContext.Provider value={auth}>
      {state.me.role === 'observer' ? (
        <AppChrome>
          <ObserverHome />
        </AppChrome>
      ) : (
        <Outlet />
      )}
    </AuthContext.Provider>
  );
}
