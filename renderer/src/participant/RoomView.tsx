import type { RoomCard, RoomProjection, Vote } from '../../../core/index.ts';
import { PARTICIPANT_POLARITY, polarityClass } from '../shared/labels.ts';

const VOTE_LABELS: Record<Vote, string> = {
  agree: 'Yes, that is right',
  'not-quite': 'Not quite',
  disagree: 'No',
};

/** What the room shows now: the question being discussed, the persona, shared words, cards. */
export function RoomView(props: {
  room: RoomProjection;
  /** Shown right under the question being discussed, where a participant looks first. */
  composer?: React.ReactNode;
  myVotes: Record<string, Vote>;
  onVote: (cardId: string, vote: Vote) => void;
}) {
  const { state, notes, cards, actions } = props.room;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="now-heading">
        <h2 id="now-heading">
          {state.step ? state.step.title : 'Waiting for the session to start'}
        </h2>
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
        {!state.step && (
          <p className="hint">
            The facilitator will start soon. You can already add your words below.
          </p>
        )}
      </section>
      {props.composer}
      {cards.length > 0 && (
        <section className="card" aria-labelledby="cards-heading">
          <h2 id="cards-heading">Did we hear you right?</h2>
          {cards.map((c) => (
            <CardVote
              key={c.id}
              card={c}
              mine={props.myVotes[c.id]}
              onVote={(v) => props.onVote(c.id, v)}
            />
          ))}
        </section>
      )}
      {notes.length > 0 && (
        <section className="card" aria-labelledby="shared-heading">
          <h2 id="shared-heading">What the group has said</h2>
          {notes.map((n) => (
            <div key={n.id} className={`note ${n.polarity}`}>
              <span className={`chip ${polarityClass(n.polarity)}`}>
                {PARTICIPANT_POLARITY[n.polarity]}
              </span>
              <p>{n.text}</p>
            </div>
          ))}
        </section>
      )}
      {actions.length > 0 && (
        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">You said, we did</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">You said</th>
                <th scope="col">We did</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.heard}</td>
                  <td>{a.done || (a.status === 'open' ? 'Planned' : a.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function CardVote(props: { card: RoomCard; mine: Vote | undefined; onVote: (v: Vote) => void }) {
  const { card } = props;
  return (
    <div className={`note ${card.polarity}`}>
      <p>
        <strong>{card.text}</strong>
        {card.theme && <span className="hint"> ({card.theme})</span>}
      </p>
      <div className="segmented" role="group" aria-label={`Your answer to: ${card.text}`}>
        {(['agree', 'not-quite', 'disagree'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="small"
            aria-pressed={props.mine === v}
            onClick={() => props.onVote(v)}
          >
            {VOTE_LABELS[v]}
          </button>
        ))}
      </div>
      {card.agree !== undefined && (
        <p className="hint counts">
          {card.agree} yes, {card.notQuite} not quite, {card.disagree} no
        </p>
      )}
    </div>
  );
}
