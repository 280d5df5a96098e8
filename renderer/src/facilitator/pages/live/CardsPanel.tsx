import { useEffect, useRef, useState } from 'react';
import {
  CARD_OUTCOME_LABELS,
  themeStatements,
} from '../../../../../core/analysis/reflect-outcomes.ts';
import {
  cardStage,
  newId,
  type Note,
  type Polarity,
  type ReflectCard,
  type SessionDoc,
  type Theme,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { PolarityRadios } from './TagPickers.tsx';

const STAGE_LABELS = { draft: 'Draft', sent: 'Sent, results hidden', revealed: 'Results shown' };

/**
 * Reflect-back cards: built from a theme's statements, kept as drafts, sent to the room with
 * results hidden, revealed when the facilitator chooses, and the group's decision recorded.
 */
export function CardsPanel(props: { session: SessionDoc; themes: Theme[]; notes: Note[] }) {
  const cards = props.session.cards
    .all()
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return (
    <section className="card stack" aria-labelledby="cards-heading" id="cards-panel" tabIndex={-1}>
      <h2 id="cards-heading">Reflect back</h2>
      <NewCard {...props} nextOrder={cards.reduce((m, c) => Math.max(m, c.order + 1), 0)} />
      {cards.length > 0 && (
        <ul className="cards-list" aria-label="Cards">
          {cards.map((c) => (
            <li key={c.id}>
              <CardItem card={c} session={props.session} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NewCard(props: {
  session: SessionDoc;
  themes: Theme[];
  notes: Note[];
  nextOrder: number;
}) {
  const [themeId, setThemeId] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('want');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const announce = useAnnounce();
  const offered = themeId ? themeStatements(props.notes, themeId, polarity) : [];
  const keep = () => {
    if (!text.trim()) return setError('Write the statement to read back.');
    props.session.cards.put({
      id: newId('card'),
      text: text.trim().slice(0, 1000),
      themeId: themeId || null,
      polarity,
      order: props.nextOrder,
      votes: {},
      comments: [],
      stage: 'draft',
    });
    setText('');
    setError(null);
    announce('Card kept as a draft');
    box.current?.focus();
  };
  return (
    <div className="stack new-card">
      <div className="field">
        <label htmlFor="card-theme">From theme</label>
        <select id="card-theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
          <option value="">No theme</option>
          {props.themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <PolarityRadios label="Kind" value={polarity} onChange={setPolarity} />
      {offered.length > 0 && (
        <div className="field">
          <label htmlFor="card-offer">Use a top statement as the wording</label>
          <select
            id="card-offer"
            value=""
            onChange={(e) => {
              setText(e.target.value);
              box.current?.focus();
            }}
          >
            <option value="">Choose a statement…</option>
            {offered.map((s) => (
              <option key={s} value={s}>
                {s.length > 90 ? `${s.slice(0, 90)}…` : s}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="card-text">What we heard</label>
        {error && (
          <p id="card-text-error" className="field-message" role="alert">
            {error}
          </p>
        )}
        <textarea
          ref={box}
          id="card-text"
          rows={2}
          maxLength={1000}
          value={text}
          aria-describedby={error ? 'card-text-error' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="button" onClick={keep}>
        Keep as a draft
      </button>
    </div>
  );
}

function CardItem(props: { card: ReflectCard; session: SessionDoc }) {
  const { card, session } = props;
  const stage = cardStage(card);
  const announce = useAnnounce();
  const votes = Object.values(card.votes);
  const [wording, setWording] = useState(card.text);
  const [error, setError] = useState<string | null>(null);
  const focusAfter = useRef<HTMLElement>(null);
  // The button pressed is replaced by the next stage's: focus moves to that one, not the page.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    focusAfter.current?.querySelector<HTMLElement>('button')?.focus();
  }, [stage]);
  const decide = (outcome: 'confirmed' | 'amended' | 'rejected') => {
    const at = new Date().toISOString();
    if (outcome === 'amended') {
      if (!wording.trim() || wording.trim() === card.text)
        return setError('Write the new wording the group agreed.');
      session.decideCard(card.id, { outcome, wording: wording.trim().slice(0, 1000), at });
    } else session.decideCard(card.id, { outcome, at });
    setError(null);
    announce(CARD_OUTCOME_LABELS[outcome]);
  };
  const id = card.id;
  return (
    <article className={`note ${card.polarity}`} aria-labelledby={`${id}-text`} ref={focusAfter}>
      <p id={`${id}-text`}>
        <strong>{card.text}</strong>
      </p>
      <p className="meta">
        {STAGE_LABELS[stage]} · {votes.filter((v) => v === 'agree').length} yes,{' '}
        {votes.filter((v) => v === 'not-quite').length} not quite,{' '}
        {votes.filter((v) => v === 'disagree').length} no
        {stage === 'sent' && ' (only you see these until you reveal them)'}
      </p>
      {card.comments.length > 0 && (
        <ul className="comments" aria-label="Comments">
          {card.comments.map((m) => (
            <li key={m.id}>
              &ldquo;{m.text}&rdquo;
              {m.late && <span className="hint"> (sent after the session closed)</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {stage === 'draft' && (
          <>
            <button
              type="button"
              className="small"
              onClick={() => {
                refocus.current = true;
                session.sendCard(id, Date.now());
                announce('Card sent to the room; results hidden');
              }}
            >
              Send to the room
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() => {
                session.cards.remove(id);
                announce('Draft removed');
                document.getElementById('card-text')?.focus();
              }}
            >
              Remove draft
            </button>
          </>
        )}
        {stage === 'sent' && (
          <button
            type="button"
            className="small"
            onClick={() => {
              refocus.current = true;
              session.revealCard(id, Date.now());
              announce('Results shown to the room');
            }}
          >
            Reveal results
          </button>
        )}
      </div>
      {stage !== 'draft' && (
        <fieldset className="stack decision">
          <legend>What the group decided</legend>
          {card.decision && (
            <p role="status">
              {CARD_OUTCOME_LABELS[card.decision.outcome]} at{' '}
              {new Date(card.decision.at).toLocaleTimeString('en-GB', {
                hour: '2-digit',
                minute: '2-digit',
              })}
              {card.decision.outcome === 'amended' && <>: &ldquo;{card.decision.wording}&rdquo;</>}
            </p>
          )}
          <div className={`field${error ? ' field-error' : ''}`}>
            <label htmlFor={`${id}-wording`}>New wording (for amended)</label>
            {error && (
              <p id={`${id}-wording-error`} className="field-message" role="alert">
                {error}
              </p>
            )}
            <textarea
              id={`${id}-wording`}
              rows={2}
              maxLength={1000}
              value={wording}
              aria-describedby={error ? `${id}-wording-error` : undefined}
              onChange={(e) => setWording(e.target.value)}
            />
          </div>
          <div className="row">
            <button type="button" className="small secondary" onClick={() => decide('confirmed')}>
              Confirmed
            </button>
            <button type="button" className="small secondary" onClick={() => decide('amended')}>
              Amended
            </button>
            <button type="button" className="small secondary" onClick={() => decide('rejected')}>
              Rejected
            </button>
          </div>
        </fieldset>
      )}
    </article>
  );
}
