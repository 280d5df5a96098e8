import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../../core/client/messages.ts';
import { collabBase } from '../../shared/http.ts';

export interface LiveYDoc {
  /** Set once the server's state has arrived, so nothing is written into an empty copy. */
  ydoc: Y.Doc | null;
  provider: WebsocketProvider | null;
  online: boolean;
  /** Changes on every update, so readers re-render. */
  version: number;
}

/**
 * Opens one document read-write with the stock y-websocket client; the sign-in cookie
 * authenticates the socket, since it is on our own origin.
 */
export function useLiveYDoc(name: string | null): LiveYDoc {
  const [state, setState] = useState<LiveYDoc>({
    ydoc: null,
    provider: null,
    online: false,
    version: 0,
  });
  useEffect(() => {
    if (!name) return;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabBase(COLLAB_PATH), name, ydoc);
    let version = 0;
    const bump = () =>
      setState((s) => ({
        ...s,
        provider,
        version: ++version,
        ydoc: provider.synced ? ydoc : s.ydoc,
      }));
    provider.on('sync', bump);
    ydoc.on('update', bump);
    provider.on('status', ({ status }: { status: string }) =>
      setState((s) => ({ ...s, online: status === 'connected' })),
    );
    return () => {
      provider.destroy();
      ydoc.destroy();
      setState({ ydoc: null, provider: null, online: false, version: 0 });
    };
  }, [name]);
  return state;
}
