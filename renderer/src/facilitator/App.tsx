import { useCallback, useEffect, useState } from 'react';
import { autoSignIn } from './auth.ts';
import { getProgramme, signOut, type Me, type SessionListing } from './facilitator-api.ts';
import { LiveSession } from './LiveSession.tsx';
import { ObserverHome } from './ObserverHome.tsx';
import { ProgrammeList } from './ProgrammeList.tsx';
import { ProgrammePage } from './ProgrammePage.tsx';
import { SignIn } from './SignIn.tsx';

type Route =
  | { page: 'home' }
  | { page: 'programme'; id: string }
  | { page: 'session'; programmeId: string; sessionId: string };

function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'programme' && parts[1]) return { page: 'programme', id: parts[1] };
  if (parts[0] === 'session' && parts[1] && parts[2])
    return { page: 'session', programmeId: parts[1], sessionId: parts[2] };
  return { page: 'home' };
}

export function App() {
  const [me, setMe] = useState<Me | null | 'unknown'>('unknown');
  const [error, setError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [sessions, setSessions] = useState<SessionListing[]>([]);

  const check = useCallback(() => {
    autoSignIn().then(
      (m) => {
        setMe(m);
        setRoute(parseRoute(location.hash));
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(check, [check]);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // A session page opened directly needs its listing.
  useEffect(() => {
    if (
      route.page === 'session' &&
      !sessions.some((s) => s.id === route.sessionId) &&
      me &&
      me !== 'unknown'
    ) {
      getProgramme(route.programmeId).then(
        (r) => setSessions(r.sessions),
        (e: Error) => setError(e.message),
      );
    }
  }, [route, sessions, me]);

  let body: React.ReactNode;
  if (error)
    body = (
      <main>
        <p className="error" role="alert">
          {error}
        </p>
      </main>
    );
  else if (me === 'unknown') body = <main>Loading&hellip;</main>;
  else if (me === null) body = <SignIn onSignedIn={check} />;
  else if (me.role === 'observer') body = <ObserverHome />;
  else if (route.page === 'programme')
    body = <ProgrammePage id={route.id} onSessions={setSessions} />;
  else if (route.page === 'session') {
    const listing = sessions.find((s) => s.id === route.sessionId);
    body = listing ? (
      <LiveSession
        programmeId={route.programmeId}
        listing={listing}
        facilitator={me.name ?? 'Facilitator'}
      />
    ) : (
      <main>Loading&hellip;</main>
    );
  } else body = <ProgrammeList />;

  return (
    <>
      <header className="topbar">
        <a className="brand" href="#/">
          Cohear
        </a>
        <span className="spacer" />
        {me && me !== 'unknown' && (
          <button
            type="button"
            className="link"
            onClick={() => void signOut().then(() => setMe(null))}
          >
            Sign out
          </button>
        )}
      </header>
      {body}
    </>
  );
}
