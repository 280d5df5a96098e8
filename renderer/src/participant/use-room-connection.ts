import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { JoinResponse } from '../../../core/client/messages.ts';
import { collabBase } from '../shared/http.ts';

/**
 * Syncs the read-only room document with the stock y-websocket client. `online` is true only
 * while the socket is connected *and* the device says it has a network: the device's
 * `offline` event arrives at once, where a socket over a dropped network can take the
 * client's 30 s message timeout to notice.
 */
export function useRoomConnection(joined: JoinResponse | null, active: boolean) {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [connected, setConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [network, setNetwork] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setNetwork(true);
    const off = () => setNetwork(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  useEffect(() => {
    if (!joined || !active) return;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabBase(joined.collabPath), joined.roomDoc, ydoc, {
      params: { token: joined.token },
      // Back within 5 s of the network returning, not the default's 2.5 minutes of backoff.
      maxBackoffTime: 5000,
    });
    // Facilitators see who is here by descriptor; nothing else about the person is sent.
    provider.awareness.setLocalStateField('user', { name: joined.descriptor });
    provider.on('status', ({ status }: { status: string }) => setConnected(status === 'connected'));
    provider.on('sync', (s: boolean) => setSynced(s));
    setDoc(ydoc);
    return () => {
      provider.destroy();
      ydoc.destroy();
      setDoc(null);
      setConnected(false);
      setSynced(false);
    };
  }, [joined, active]);
  return { doc, online: connected && network, synced };
}
