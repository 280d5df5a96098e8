import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { JoinResponse } from '../../../core/client/messages.ts';
import { collabBase } from '../shared/http.ts';

/**
 * Syncs the read-only room document with the stock y-websocket client. The provider reconnects
 * by itself; `online` drives the connection badge and the outbox.
 */
export function useRoomConnection(joined: JoinResponse | null, active: boolean) {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [online, setOnline] = useState(false);
  useEffect(() => {
    if (!joined || !active) return;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabBase(joined.collabPath), joined.roomDoc, ydoc, {
      params: { token: joined.token },
    });
    // Facilitators see who is here by descriptor; nothing else about the person is sent.
    provider.awareness.setLocalStateField('user', { name: joined.descriptor });
    provider.on('status', ({ status }: { status: string }) => setOnline(status === 'connected'));
    setDoc(ydoc);
    return () => {
      provider.destroy();
      ydoc.destroy();
      setDoc(null);
      setOnline(false);
    };
  }, [joined, active]);
  return { doc, online };
}
