import { useMemo } from 'react';
import { SessionDoc, sessionDocName } from '../../../../core/index.ts';
import { useLiveYDoc } from './use-live-doc.ts';

export interface LiveSessionDoc {
  /** Null until the server's state has arrived. */
  doc: SessionDoc | null;
  online: boolean;
  version: number;
}

/** A session's live document, typed; `version` changes with every edit from anyone. */
export function useSessionDoc(sessionId: string | null): LiveSessionDoc {
  const live = useLiveYDoc(sessionId ? sessionDocName(sessionId) : null);
  const doc = useMemo(() => (live.ydoc ? new SessionDoc(live.ydoc) : null), [live.ydoc]);
  return { doc, online: live.online, version: live.version };
}
