import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface PresentPerson {
  participantId: string;
  descriptor: string;
}

export interface Presence {
  /** People present by the server's count (people, not connections), or null before it came. */
  count: number | null;
  /** Who is connected, by descriptor (facilitators only hear this). */
  people: PresentPerson[];
}

/**
 * Who is in the room, as the server says: its own entry carries the count, and each participant's
 * entry the id and descriptor it took from their token (never what a phone claims).
 */
export function usePresence(provider: WebsocketProvider | null): Presence {
  const [presence, setPresence] = useState<Presence>({ count: null, people: [] });
  useEffect(() => {
    if (!provider) return;
    const read = () => {
      let count: number | null = null;
      const byId = new Map<string, PresentPerson>();
      for (const [clientId, st] of provider.awareness.getStates()) {
        const s = st as Record<string, unknown>;
        if (clientId === 0 && s.role === 'server' && typeof s.present === 'number')
          count = s.present;
        if (
          s.role === 'participant' &&
          typeof s.participantId === 'string' &&
          typeof s.descriptor === 'string'
        )
          byId.set(s.participantId, { participantId: s.participantId, descriptor: s.descriptor });
      }
      const people = [...byId.values()].sort(
        (a, b) =>
          a.descriptor.localeCompare(b.descriptor) ||
          a.participantId.localeCompare(b.participantId),
      );
      setPresence({ count, people });
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return presence;
}
