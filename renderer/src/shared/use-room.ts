import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { RoomDoc, type RoomProjection } from '../../../core/index.ts';

/** The room as participants see it, re-read whenever the server changes the room document. */
export function useRoom(doc: Y.Doc | null): RoomProjection | null {
  const [room, setRoom] = useState<RoomProjection | null>(null);
  useEffect(() => {
    if (!doc) return;
    const view = new RoomDoc(doc);
    const refresh = () => setRoom(view.read());
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc]);
  return room;
}
