import * as encoding from 'lib0/encoding';
import { useEffect, useState } from 'react';
import { writeSyncStep1 } from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { JoinResponse } from '../../../core/client/messages.ts';
import { collabBase } from '../shared/http.ts';
import { LIVENESS, LivenessClock } from './liveness.ts';

/** y-websocket's message type for sync messages. */
const MESSAGE_SYNC = 0;

/**
 * Syncs the read-only room document with the stock y-websocket client. `online` is true only
 * while the socket is connected, the device says it has a network (its `offline` event arrives
 * at once), and the socket has been heard from lately: a network dropped without any event
 * would otherwise look connected until the client's 30 s message timeout (see liveness.ts).
 */
export function useRoomConnection(joined: JoinResponse | null, active: boolean) {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [connected, setConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [network, setNetwork] = useState(() => navigator.onLine);
  const [silent, setSilent] = useState(false);
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
    const clock = new LivenessClock();
    const beat = setInterval(() => {
      const verdict = clock.check({
        now: Date.now(),
        connected: provider.wsconnected,
        visible: document.visibilityState === 'visible',
        lastHeard: provider.wsLastMessageReceived,
      });
      setSilent(verdict.silent);
      if (verdict.ping && provider.ws?.readyState === WebSocket.OPEN) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MESSAGE_SYNC);
        writeSyncStep1(e, ydoc);
        provider.ws.send(encoding.toUint8Array(e));
      }
    }, LIVENESS.checkEveryMs);
    setDoc(ydoc);
    return () => {
      clearInterval(beat);
      provider.destroy();
      ydoc.destroy();
      setDoc(null);
      setConnected(false);
      setSynced(false);
      setSilent(false);
    };
  }, [joined, active]);
  return { doc, online: connected && network && !silent, synced };
}
