import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  NetworkError,
  Outbox,
  keyValueOutboxStorage,
  writes,
  type JoinResponse,
  type ParticipantWrite,
} from '../../../core/client/index.ts';
import { newId, type Demographics, type Polarity, type Vote } from '../../../core/index.ts';
import { ApiError, OfflineError } from '../shared/http.ts';
import { useRoom } from '../shared/use-room.ts';
import { ConsentForm, type ConsentChoice } from './ConsentForm.tsx';
import { DemographicsForm } from './DemographicsForm.tsx';
import { JoinForm } from './JoinForm.tsx';
import { MyNotes } from './MyNotes.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { join, me, transport, type MyView } from './participant-api.ts';
import { RoomView } from './RoomView.tsx';
import { forgetJoined, loadFlag, loadJoined, saveFlag, saveJoined } from './stored-session.ts';
import { useRoomConnection } from './use-room-connection.ts';

type Stage = 'join' | 'consent' | 'about' | 'room';

function stageFor(view: MyView | null): Stage {
  if (!view) return 'join';
  if (view.consent.storeWords.at === null) return 'consent';
  if (!loadFlag(`about-${view.sessionId}`)) return 'about';
  return 'room';
}

export function App() {
  const [joined, setJoined] = useState<JoinResponse | null>(() => loadJoined());
  const [view, setView] = useState<MyView | null>(null);
  const [stage, setStage] = useState<Stage>('join');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [votes, setVotes] = useState<Record<string, Vote>>({});

  const refresh = useCallback(async (j: JoinResponse) => {
    try {
      const v = await me(j.token);
      setView(v);
      setStage(stageFor(v));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
        forgetJoined();
        setJoined(null);
        setView(null);
        setStage('join');
        setError('Your place in that session has ended. Type a new code to join again.');
      } else if (e instanceof OfflineError) {
        setMessage('You seem to be offline. We will keep trying.');
      }
    }
  }, []);

  const doJoin = useCallback(async (req: { code: string } | { link: string }) => {
    setBusy(true);
    setError(null);
    try {
      const j = await join(req);
      saveJoined(j);
      setJoined(j);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  }, []);

  // A join link carries its key in the fragment, which is never sent to a server or logged.
  useEffect(() => {
    const key = location.hash.replace(/^#/, '');
    if (key && !loadJoined()) {
      history.replaceState(null, '', location.pathname);
      void doJoin({ link: key });
    }
  }, [doJoin]);

  useEffect(() => {
    if (joined) void refresh(joined);
  }, [joined, refresh]);

  const [, setTick] = useState(0);
  const outbox = useMemo(() => {
    if (!joined) return null;
    return new Outbox({
      storage: keyValueOutboxStorage(localStorage, `cohear.outbox.${joined.participantId}`),
      send: transport(joined.token),
      onSettled: (w, res) => {
        if (!res.ok) setMessage(`Not sent: ${res.error.message}`);
        else if (w.type.startsWith('note.')) void refresh(joined);
        setTick((t) => t + 1);
      },
    });
  }, [joined, refresh]);

  const { doc, online } = useRoomConnection(joined, stage === 'room');
  const room = useRoom(doc);

  useEffect(() => {
    if (online && outbox) void outbox.flush();
  }, [online, outbox]);
  useEffect(() => {
    const again = () => void outbox?.flush();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [outbox]);

  const direct = async (write: ParticipantWrite, next: () => void) => {
    if (!joined) return;
    setBusy(true);
    setError(null);
    try {
      const res = await transport(joined.token)(write);
      if (res.ok) next();
      else setError(res.error.message);
    } catch (e) {
      setError(
        e instanceof NetworkError
          ? 'Cannot reach the session right now. Try again in a moment.'
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  /** Queued writes: kept on the phone until the server has answered. */
  const queue = (write: ParticipantWrite) => {
    if (!outbox) return;
    void outbox.submit(write);
    setTick((t) => t + 1);
  };

  if (stage === 'join' || !joined || !view) {
    return (
      <Page>
        <JoinForm busy={busy} error={error} onJoin={(code) => void doJoin({ code })} />
      </Page>
    );
  }

  if (stage === 'consent') {
    return (
      <Page>
        <ConsentForm
          initial={view.consent}
          recordingAsked
          busy={busy}
          onSubmit={(c: ConsentChoice) =>
            void direct({ type: 'consent.set', writeId: newId('w'), consent: c }, () => {
              // Taking back consent to keep their words erased their votes on the server too.
              if (!c.storeWords && view.consent.storeWords.given) setVotes({});
              void refresh(joined);
            })
          }
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </Page>
    );
  }

  if (stage === 'about') {
    const done = () => {
      saveFlag(`about-${view.sessionId}`);
      setStage('room');
    };
    return (
      <Page>
        <DemographicsForm
          initial={view.demographics}
          fields={view.demographicFields}
          busy={busy}
          onSubmit={(d: Demographics) =>
            void direct({ type: 'demographics.set', writeId: newId('w'), demographics: d }, done)
          }
          onSkip={done}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </Page>
    );
  }

  const canWrite = view.consent.storeWords.given;
  return (
    <Page title={room?.state.title} online={online}>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {(() => {
        const composer = canWrite ? (
          <NoteComposer
            disabled={false}
            onSend={(text: string, polarity: Polarity) => queue(writes.addNote(text, { polarity }))}
          />
        ) : (
          <p className="card">
            You chose not to have your words kept, so you can follow and vote but not add notes.{' '}
            <button type="button" className="link" onClick={() => setStage('consent')}>
              Change your choices
            </button>
          </p>
        );
        return room ? (
          <RoomView
            room={room}
            composer={
              <>
                {composer}
                <MyNotes
                  notes={view.notes}
                  pending={outbox?.pending ?? []}
                  onEdit={(noteId, text) => queue(writes.editNote(noteId, text))}
                  onWithdraw={(noteId) => queue(writes.withdrawNote(noteId))}
                />
              </>
            }
            myVotes={votes}
            onVote={(cardId: string, vote: Vote) => {
              setVotes((v) => ({ ...v, [cardId]: vote }));
              queue(writes.vote(cardId, vote));
            }}
          />
        ) : (
          <>
            <p className="card">Connecting to the session&hellip;</p>
            {composer}
          </>
        );
      })()}
      <p className="hint">
        You are {view.descriptor}.{' '}
        <button type="button" className="link" onClick={() => setStage('consent')}>
          Your choices about your words
        </button>
      </p>
    </Page>
  );
}

function Page(props: { title?: string | undefined; online?: boolean; children: React.ReactNode }) {
  return (
    <>
      <header className="topbar">
        <span className="brand">Cohear</span>
        <span className="spacer" />
        {props.online !== undefined && (
          <span role="status">
            <span className={`status-dot${props.online ? ' online' : ''}`} aria-hidden="true" />{' '}
            {props.online ? 'Connected' : 'Reconnecting'}
          </span>
        )}
      </header>
      <main className="narrow">
        {props.title && <h1>{props.title}</h1>}
        {props.children}
      </main>
    </>
  );
}
