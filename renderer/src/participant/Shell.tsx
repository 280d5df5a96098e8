import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { JoinResponse } from '../../../core/client/messages.ts';
import { useT } from './i18n/i18n.tsx';
import { joinRequest, JoinRefused } from './join-api.ts';
import { JoinForm, type JoinProblem } from './JoinForm.tsx';
import { Page } from './Page.tsx';
import { cacheLoadedAssets } from './offline-cache.ts';
import { forgetJoined, loadJoined, saveJoined } from './stored-session.ts';

// Everything after joining (Yjs, the room, the outbox) loads only once someone has joined, so
// the join form arrives fast on a slow connection.
const Joined = lazy(() => import('./Joined.tsx'));

/** The participant page: the join form, then (loaded on demand) the session itself. */
export function Shell(props: { initialCode: string }) {
  const { t } = useT();
  const [joined, setJoined] = useState<JoinResponse | null>(() => loadJoined());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<JoinProblem | null>(() => problemFromAddress());

  const doJoin = useCallback(async (req: { code: string } | { link: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      const j = await joinRequest(req);
      saveJoined(j);
      setJoined(j);
    } catch (e) {
      setProblem(
        e instanceof JoinRefused
          ? { code: e.code, retryAfterMs: e.retryAfterMs }
          : { code: 'server-error', retryAfterMs: null },
      );
    } finally {
      setBusy(false);
    }
  }, []);

  // A join link carries its key in the fragment, which is never sent to a server or logged.
  useEffect(() => {
    const key = location.hash.replace(/^#/, '');
    if (key && !loadJoined()) {
      history.replaceState(null, '', location.pathname);
      void doJoin({ link: key });
    }
  }, [doJoin]);

  useEffect(() => cacheLoadedAssets(), []);

  if (!joined)
    return (
      <Page prefsOpen>
        <JoinForm
          busy={busy}
          problem={problem}
          initialCode={props.initialCode}
          onJoin={(code) => void doJoin({ code })}
        />
      </Page>
    );
  return (
    <Suspense
      fallback={
        <Page>
          <p className="card">{t('room.connecting')}</p>
        </Page>
      }
    >
      <Joined
        joined={joined}
        onLeft={(reason) => {
          forgetJoined();
          setJoined(null);
          setProblem({ code: reason, retryAfterMs: null });
        }}
      />
    </Suspense>
  );
}

/** The plain-HTML form (before scripts) comes back here with `?error=<code>`. */
function problemFromAddress(): JoinProblem | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('error');
  const wait = Number(params.get('wait'));
  if (code) history.replaceState(null, '', location.pathname);
  return code ? { code, retryAfterMs: Number.isFinite(wait) && wait > 0 ? wait : null } : null;
}
