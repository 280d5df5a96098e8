/**
 * What this device keeps for one participant so that nothing they saw or typed is lost to a
 * reload, a lost signal or a closed session: the last view of their own words and votes, the
 * room as last seen, and words the server would not take (kept here, visibly, to copy).
 */
export interface KeptWords {
  id: string;
  text: string;
  /** ISO time it was typed. */
  at: string;
  /** The server's refusal code, e.g. `session-closed`. */
  reason: string;
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: what is on screen still holds for this visit.
  }
}

export function deviceStore(participantId: string) {
  const k = (name: string) => `cohear.${name}.${participantId}`;
  return {
    loadView: <T>(): T | null => read<T | null>(k('view'), null),
    saveView: (v: unknown) => write(k('view'), v),
    loadRoom: <T>(): T | null => read<T | null>(k('room'), null),
    saveRoom: (r: unknown) => write(k('room'), r),
    loadVotes: (): Record<string, string> => read(k('votes'), {}),
    saveVotes: (v: Record<string, string>) => write(k('votes'), v),
    loadKept: (): KeptWords[] => read(k('kept'), []),
    saveKept: (kept: KeptWords[]) => write(k('kept'), kept),
  };
}
export type DeviceStore = ReturnType<typeof deviceStore>;
