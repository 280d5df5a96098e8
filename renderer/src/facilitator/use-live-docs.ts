import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ProgrammeDoc, SessionDoc, programmeDocName, sessionDocName } from '../../../core/index.ts';
import { COLLAB_PATH } from '../../../core/client/messages.ts';
import { collabBase } from '../shared/http.ts';

export interface LiveDocs {
  session: SessionDoc | null;
  programme: ProgrammeDoc | null;
  online: boolean;
  /** Changes on every update, so components re-read the documents. */
  version: number;
  /** Participants present, by the name their page gave (their descriptor). */
  present: string[];
}

/**
 * Opens the session and programme documents read-write with the stock y-websocket client; the
 * sign-in cookie authenticates the WebSocket, since it is on our own origin. The typed wrappers
 * are made only after the first sync, so nothing is written before the server's state arrives.
 */
export function useLiveDocs(programmeId: string, sessionId: string): LiveDocs {
  const [state, setState] = useState<LiveDocs>({
    session: null,
    programme: null,
    online: false,
    version: 0,
    present: [],
  });
  useEffect(() => {
    const sdoc = new Y.Doc();
    const pdoc = new Y.Doc();
    const base = collabBase(COLLAB_PATH);
    const sp = new WebsocketProvider(base, sessionDocName(sessionId), sdoc);
    const pp = new WebsocketProvider(base, programmeDocName(programmeId), pdoc);
    let version = 0;
    const bump = () =>
      setState((s) => ({
        ...s,
        version: ++version,
        session: sp.synced ? (s.session ?? new SessionDoc(sdoc)) : s.session,
        programme: pp.synced ? (s.programme ?? new ProgrammeDoc(pdoc)) : s.programme,
      }));
    sp.on('sync', bump);
    pp.on('sync', bump);
    sdoc.on('update', bump);
    pdoc.on('update', bump);
    sp.on('status', ({ status }: { status: string }) =>
      setState((s) => ({ ...s, online: status === 'connected' })),
    );
    const readPresence = () => {
      const names: string[] = [];
      for (const [clientId, st] of sp.awareness.getStates()) {
        if (clientId === sdoc.clientID) continue;
        const name = (st as { user?: { name?: unknown } }).user?.name;
        if (typeof name === 'string') names.push(name);
      }
      setState((s) => ({ ...s, present: names.sort() }));
    };
    sp.awareness.on('change', readPresence);
    sp.awareness.setLocalStateField('user', { name: 'Facilitator' });
    return () => {
      sp.destroy();
      pp.destroy();
      sdoc.destroy();
      pdoc.destroy();
    };
  }, [programmeId, sessionId]);
  return state;
}
