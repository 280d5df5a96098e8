import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Outlet, useParams } from 'react-router';
import { ProgrammeDoc, programmeDocName } from '../../../../core/index.ts';
import { ApiError } from '../../shared/http.ts';
import { getProgramme, type SessionListing } from '../facilitator-api.ts';
import type { Programme } from '../types.ts';
import { AppChrome } from './AppChrome.tsx';
import { NotFound } from './NotFound.tsx';
import { useLiveYDoc } from './use-live-doc.ts';

export interface ProgrammeState {
  programme: Programme;
  sessions: SessionListing[];
  /** Reads the programme record and its sessions again, after a change made through the API. */
  refresh: () => Promise<void>;
  /** The live codebook, recommendations and actions; null until the server's state arrived. */
  doc: ProgrammeDoc | null;
  /** Changes with every edit of `doc` by anyone, so readers re-render. */
  docVersion: number;
  online: boolean;
}

const ProgrammeContext = createContext<ProgrammeState | null>(null);

/** The programme of the screen being shown. Only used below `ProgrammeProvider`. */
export function useProgramme(): ProgrammeState {
  const p = useContext(ProgrammeContext);
  if (!p) throw new Error('useProgramme is used outside ProgrammeProvider');
  return p;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; programme: Programme; sessions: SessionListing[] };

/**
 * Loads the programme named in the URL once for every screen below it, and keeps its live
 * document open while the facilitator moves between those screens. An unknown programme says
 * so instead of loading for ever.
 */
export function ProgrammeProvider() {
  const { programmeId = '' } = useParams();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const refresh = useCallback(
    () =>
      getProgramme(programmeId).then(
        (r) => setLoad({ kind: 'ready', programme: r.programme, sessions: r.sessions }),
        (e: Error) =>
          setLoad(
            e instanceof ApiError && (e.status === 404 || e.status === 400)
              ? { kind: 'not-found' }
              : { kind: 'error', message: e.message },
          ),
      ),
    [programmeId],
  );
  useEffect(() => {
    setLoad({ kind: 'loading' });
    void refresh();
  }, [refresh]);
  const ready = load.kind === 'ready';
  const live = useLiveYDoc(ready ? programmeDocName(programmeId) : null);
  const doc = useMemo(() => (live.ydoc ? new ProgrammeDoc(live.ydoc) : null), [live.ydoc]);

  if (load.kind === 'not-found')
    return (
      <AppChrome>
        <NotFound what="programme" />
      </AppChrome>
    );
  if (load.kind === 'error')
    return (
      <AppChrome>
        <main id="main" className="page" tabIndex={-1}>
          <p className="error" role="alert">
            {load.message}
          </p>
        </main>
      </AppChrome>
    );
  if (load.kind === 'loading')
    return (
      <AppChrome>
        <main id="main" className="page" tabIndex={-1}>
          <p role="status">Loading the programme&hellip;</p>
        </main>
      </AppChrome>
    );
  const value: ProgrammeState = {
    programme: load.programme,
    sessions: load.sessions,
    refresh,
    doc,
    docVersion: live.version,
    online: live.online,
  };
  return (
    <ProgrammeContext.Provider value={value}>
      <Outlet />
    </ProgrammeContext.Provider>
  );
}
