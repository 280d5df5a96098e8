import type { ParticipantWrite } from '../../../core/client/messages.ts';
import type { RoomProjection, Vote } from '../../../core/index.ts';
import { polarityClass } from '../shared/labels.ts';
import { CardVote } from './CardVote.tsx';
import { useT } from './i18n/i18n.tsx';
import { usePolarityLabels } from './labels.ts';

/** What the room shows now: the question being discussed, the persona, shared words, cards. */
export function RoomView(props: {
  room: RoomProjection;
  closed: boolean;
  /** Shown right under the question being discussed, where a participant looks first. */
  composer?: React.ReactNode;
  myVotes: Record<string, Vote>;
  myComments: { id: string; cardId: string; text: string }[];
  pending: readonly ParticipantWrite[];
  canComment: boolean;
  onVote: (cardId: string, vote: Vote) => void;
  onComment: (cardId: string, text: string) => void;
}) {
  const { t } = useT();
  const polarity = usePolarityLabels();
  const { state, notes, cards, actions } = props.room;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="now-heading">
        <h2 id="now-heading">{state.step ? state.step.title : t('room.waitingStart')}</h2>
        {state.persona?.stage && (
          <div className="notice">
            <p>
              <strong>{state.persona.name}:</strong> {state.persona.stage.description}
            </p>
          </div>
        )}
        {state.step && state.step.questions.length > 0 && (
          <ul>
            {state.step.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
        {!state.step && !props.closed && <p className="hint">{t('room.startSoon')}</p>}
      </section>
      {props.composer}
      {cards.length > 0 && (
        <section className="card" aria-labelledby="cards-heading">
          <h2 id="cards-heading">{t('cards.heading')}</h2>
          <ul className="plain-list">
            {cards.map((c) => (
              <CardVote
                key={c.id}
                card={c}
                mine={props.myVotes[c.id]}
                myComments={[
                  ...props.myComments
                    .filter((m) => m.cardId === c.id)
                    .map((m) => ({ ...m, waiting: false })),
                  ...props.pending.flatMap((w) =>
                    w.type === 'card.comment' &&
                    w.cardId === c.id &&
                    !props.myComments.some((m) => m.id === w.comment.id)
                      ? [{ id: w.comment.id, cardId: c.id, text: w.comment.text, waiting: true }]
                      : [],
                  ),
                ]}
                canComment={props.canComment}
                onVote={(v) => props.onVote(c.id, v)}
                onComment={(text) => props.onComment(c.id, text)}
              />
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section className="card" aria-labelledby="shared-heading">
          <h2 id="shared-heading">{t('room.sharedHeading')}</h2>
          <ul className="plain-list">
            {notes.map((n) => (
              <li key={n.id} className={`note ${n.polarity}`}>
                <span className={`chip ${polarityClass(n.polarity)}`}>{polarity[n.polarity]}</span>
                <p>{n.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {actions.length > 0 && (
        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('actions.heading')}</h2>
          {/* A list, not a table: at 320 px or 200% zoom two columns of sentences do not fit. */}
          <ul className="plain-list actions-list">
            {actions.map((a) => (
              <li key={a.id} className="note">
                <p>
                  <strong>{t('actions.youSaid')}</strong> {a.heard}
                </p>
                <p>
                  <strong>{t('actions.weDid')}</strong>{' '}
                  {a.done ||
                    t(
                      a.status === 'open'
                        ? 'actions.planned'
                        : a.status === 'in-progress'
                          ? 'actions.inProgress'
                          : a.status === 'done'
                            ? 'actions.done'
                            : 'actions.notDoing',
                    )}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
