import { useEffect, useRef, useState, type ReactNode } from 'react';
import { writes, type JoinResponse } from '../../../core/client/index.ts';
import type { Polarity, RoomProjection } from '../../../core/index.ts';
import { useRoom } from '../shared/use-room.ts';
import { useT } from './i18n/i18n.tsx';
import { KeptWordsList } from './KeptWordsList.tsx';
import { MyNotes } from './MyNotes.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { Page } from './Page.tsx';
import { RoomView } from './RoomView.tsx';
import { SessionClosedNotice } from './SessionClosedNotice.tsx';
import type { useParticipant } from './use-participant.ts';
import { useRoomConnection } from './use-room-connection.ts';

/** The room: what the group sees now, the composer, your words, and the cards to check. */
export function RoomScreen(props: {
  joined: JoinResponse;
  me: ReturnType<typeof useParticipant>;
  announce: (m: string) => void;
  live: ReactNode;
  onChangeChoices: () => void;
}) {
  const { t } = useT();
  const { me, announce } = props;
  const view = me.view;
  const { doc, online, synced } = useRoomConnection(props.joined, true);
  const liveRoom = useRoom(doc);
  // The room as last seen, so a reload with no signal shows it rather than nothing.
  const [cachedRoom] = useState(() => me.store.loadRoom<RoomProjection>());
  const room = liveRoom && synced ? liveRoom : (cachedRoom ?? liveRoom);
  useEffect(() => {
    if (liveRoom && synced) me.store.saveRoom(liveRoom);
  }, [liveRoom, synced, me.store]);

  useEffect(() => {
    if (online) void me.outbox.flush();
    if (online) void me.refresh();
  }, [online, me.outbox, me.refresh]);

  // A new question is announced politely; the first one seen is not news.
  const stepTitle = room?.state.step?.title ?? null;
  const seenStep = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (seenStep.current !== undefined && stepTitle && stepTitle !== seenStep.current)
      announce(t('room.newQuestion', { title: stepTitle }));
    seenStep.current = stepTitle;
  }, [stepTitle, announce, t]);

  if (!view) return null;
  const canWrite = view.consent.storeWords.given;
  const closed = view.sessionStatus === 'closed';
  const composer = canWrite ? (
    <NoteComposer
      closed={closed}
      acceptsLate={view.lateUntil !== null && Date.parse(view.lateUntil) > Date.now()}
      online={online}
      onSend={(text: string, polarity: Polarity) => me.queue(writes.addNote(text, { polarity }))}
    />
  ) : (
    <p className="card">
      {t('room.noConsent')}{' '}
      <button type="button" className="link" onClick={props.onChangeChoices}>
        {t('room.changeChoices')}
      </button>
    </p>
  );
  const mine = (
    <>
      {closed && <SessionClosedNotice lateUntil={view.lateUntil} />}
      {composer}
      <KeptWordsList kept={me.kept} onForget={me.forget} />
      <MyNotes
        notes={view.notes}
        pending={me.pending}
        announce={announce}
        onEdit={(noteId, text) => me.queue(writes.editNote(noteId, text))}
        onWithdraw={(noteId) => me.queue(writes.withdrawNote(noteId))}
      />
    </>
  );
  return (
    <Page title={room?.state.title} online={online}>
      {props.live}
      {room ? (
        <RoomView
          room={room}
          closed={closed}
          composer={mine}
          myVotes={me.votes}
          myComments={view.comments}
          pending={me.pending}
          canComment={canWrite}
          onVote={(cardId, vote) => {
            me.vote(cardId, vote);
            me.queue(writes.vote(cardId, vote));
          }}
          onComment={(cardId, text) => me.queue(writes.comment(cardId, text))}
        />
      ) : (
        <>
          <p className="card">{t('room.connecting')}</p>
          {mine}
        </>
      )}
      <p className="hint">
        {t('room.youAre', { descriptor: view.descriptor })}{' '}
        <button type="button" className="link" onClick={props.onChangeChoices}>
          {t('room.yourChoices')}
        </button>
      </p>
    </Page>
  );
}
