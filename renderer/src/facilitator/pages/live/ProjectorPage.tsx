import { useEffect, useState } from 'react';
import { timerView, type StepTimer } from '../../../../../core/index.ts';
import { roomDocName } from '../../../../../core/index.ts';
import { useRoom } from '../../../shared/use-room.ts';
import { useSession } from '../../app/session-context.tsx';
import { useLiveYDoc } from '../../app/use-live-doc.ts';
import { joinDetails, type JoinDetails } from '../../facilitator-api.ts';
import { useNow } from './use-now.ts';
import { usePresence } from './use-presence.ts';
import { useQrSvg } from './use-qr.ts';
import './live.css';

/**
 * The projector: what the whole room may see, from the room document itself (so it can show no
 * more than the phones do): the join code and a large QR code, the question or persona stage,
 * how many are connected, the timer, shared notes, and cards with results only once revealed.
 */
export function ProjectorPage() {
  const listing = useSession();
  const live = useLiveYDoc(roomDocName(listing.id));
  const room = useRoom(live.ydoc);
  const presence = usePresence(live.provider);
  const [join, setJoin] = useState<JoinDetails | null>(null);
  const status = room?.state.status ?? listing.status;
  useEffect(() => {
    if (status !== 'open') return setJoin(null);
    joinDetails(listing.id).then(setJoin, () => setJoin(null));
  }, [listing.id, status]);
  useEffect(() => {
    document.title = `Projector · ${listing.title} · Cohear`;
  }, [listing.title]);
  const qr = useQrSvg(join?.link ?? null);
  const timer = room?.state.timer ?? null;
  const step = room?.state.step ?? null;
  const stage = room?.state.persona?.stage ?? null;
  const turn = room?.state.storyTurn ?? null;
  const count = presence.count ?? 0;
  return (
    <main id="main" className="projector" tabIndex={-1}>
      <h1 className="visually-hidden">Projector: {listing.title}</h1>
      <section className="projector-join" aria-label="How to join">
        {join ? (
          <p className="projector-code-line">
            <span className="projector-lead">Join with the code </span>
            <span className="projector-code" data-testid="projector-code">
              {join.codeDisplay}
            </span>
          </p>
        ) : (
          <p className="projector-lead">
            {status === 'closed' ? 'This session has closed.' : 'This session is not open yet.'}
          </p>
        )}
      </section>
      <div className="projector-side">
        {join && (
          <div
            className="projector-qr"
            role="img"
            aria-label="QR code for the join link"
            // Made in this page by the qrcode library from our own link.
            dangerouslySetInnerHTML={{ __html: qr }}
          />
        )}
        <p className="projector-count" data-testid="projector-count" role="status">
          {count} {count === 1 ? 'person' : 'people'} connected
        </p>
      </div>
      <section className="projector-main" aria-label="Now">
        <h2 className="projector-title">{room?.state.title ?? listing.title}</h2>
        {step ? (
          <>
            <p className="projector-step">{step.title}</p>
            {stage && (
              <p className="projector-stage">
                {stage.title}: {stage.description}
              </p>
            )}
            {step.questions.map((q) => (
              <p key={q} className="projector-question">
                {q}
              </p>
            ))}
          </>
        ) : (
          <p className="projector-step">Welcome</p>
        )}
        {timer && <ProjectorTimer timer={timer} />}
        {turn && (
          <p className="projector-turn">
            Story {turn.number} of {turn.of}
          </p>
        )}
        {room && room.cards.length > 0 && (
          <ul className="projector-cards" aria-label="Read back to you">
            {room.cards.map((c) => (
              <li key={c.id} className={`note ${c.polarity}`}>
                <p className="projector-card-text">{c.wording ?? c.text}</p>
                {c.agree !== undefined ? (
                  <p className="counts">
                    {c.agree} yes · {c.notQuite} not quite · {c.disagree} no
                  </p>
                ) : (
                  <p className="hint">Answer on your phone: results are shown later.</p>
                )}
                {c.outcome && <p className="projector-outcome">{OUTCOMES[c.outcome]}</p>}
              </li>
            ))}
          </ul>
        )}
        {room && room.notes.length > 0 && (
          <ul className="projector-notes" aria-label="Shared with the room">
            {room.notes.slice(-6).map((n) => (
              <li key={n.id} className={`note ${n.polarity}`}>
                {n.text}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

const OUTCOMES = {
  confirmed: 'Confirmed by the group',
  amended: 'Amended by the group',
  rejected: 'Not agreed by the group',
};

function ProjectorTimer(props: { timer: Omit<StepTimer, 'stepId'> }) {
  const t = { ...props.timer, stepId: 'x' };
  const now = useNow(t.startedAt !== null);
  const view = timerView(t, now);
  return (
    <p className={`projector-timer${view.ended ? ' timer-ended' : ''}`} aria-label={view.spoken}>
      {view.ended ? 'Time is up' : view.clock}
    </p>
  );
}
