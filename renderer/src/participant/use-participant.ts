import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Outbox,
  keyValueOutboxStorage,
  type JoinResponse,
  type ParticipantWrite,
} from '../../../core/client/index.ts';
import type { Vote } from '../../../core/index.ts';
import { ApiError, OfflineError } from '../shared/http.ts';
import { deviceStore, type KeptWords } from './device-store.ts';
import { me, transport, type MyView } from './participant-api.ts';

export type Announce = (message: string) => void;

/**
 * The participant's own state: their view from the server (cached on the device for a reload
 * with no signal), the outbox of writes not yet answered, words the server would not take, and
 * their votes. `onLeft` is called when their place in the session has gone.
 */
export function useParticipant(
  joined: JoinResponse,
  hooks: {
    onLeft: (reason: string) => void;
    onSent: (write: ParticipantWrite) => void;
    onRefused: (write: ParticipantWrite, code: string) => void;
  },
) {
  const store = useMemo(() => deviceStore(joined.participantId), [joined]);
  const [view, setView] = useState<MyView | null>(() => store.loadView<MyView>());
  const [kept, setKept] = useState<KeptWords[]>(() => store.loadKept());
  const [localVotes, setLocalVotes] = useState<Record<string, string>>(() => store.loadVotes());
  const [, setTick] = useState(0);
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  const refresh = useCallback(async () => {
    try {
      const v = await me(joined.token);
      setView(v);
      store.saveView(v);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404))
        hooksRef.current.onLeft('place-ended');
      else if (!(e instanceof OfflineError)) throw e;
    }
  }, [joined, store]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const keep = useCallback(
    (words: KeptWords) =>
      setKept((list) => {
        if (list.some((k) => k.id === words.id)) return list;
        const next = [...list, words];
        store.saveKept(next);
        return next;
      }),
    [store],
  );

  const outbox = useMemo(
    () =>
      new Outbox({
        storage: keyValueOutboxStorage(localStorage, `cohear.outbox.${joined.participantId}`),
        send: transport(joined.token),
        onSettled: (w, res) => {
          setTick((t) => t + 1);
          if (res.ok) {
            hooksRef.current.onSent(w);
            if (w.type.startsWith('note.') || w.type === 'card.comment') void refresh();
            return;
          }
          // Nothing typed is lost: words the server will not take stay on the device to copy.
          const text =
            w.type === 'note.add'
              ? w.note.text
              : w.type === 'note.edit'
                ? w.text
                : w.type === 'card.comment'
                  ? w.comment.text
                  : null;
          if (text !== null)
            keep({ id: w.writeId, text, at: new Date().toISOString(), reason: res.error.code });
          hooksRef.current.onRefused(w, res.error.code);
          void refresh();
        },
      }),
    [joined, refresh, keep],
  );

  useEffect(() => {
    const again = () => void outbox.flush();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [outbox]);

  /** Queued: kept on the device until the server has answered. */
  const queue = useCallback(
    (write: ParticipantWrite) => {
      void outbox.submit(write);
      setTick((t) => t + 1);
    },
    [outbox],
  );

  const vote = useCallback(
    (cardId: string, v: Vote) => {
      setLocalVotes((old) => {
        const next = { ...old, [cardId]: v };
        store.saveVotes(next);
        return next;
      });
    },
    [store],
  );

  const forget = useCallback(
    (id: string) =>
      setKept((list) => {
        const next = list.filter((k) => k.id !== id);
        store.saveKept(next);
        return next;
      }),
    [store],
  );

  // The server's record of a vote wins once known; the device's covers a reload offline.
  const votes: Record<string, Vote> = { ...(localVotes as Record<string, Vote>), ...view?.votes };
  for (const w of outbox.pending) if (w.type === 'card.vote' && w.vote) votes[w.cardId] = w.vote;

  return {
    view,
    refresh,
    outbox,
    pending: outbox.pending,
    queue,
    kept,
    forget,
    votes,
    vote,
    store,
  };
}
