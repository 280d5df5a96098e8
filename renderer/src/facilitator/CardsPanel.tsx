import { useState } from 'react';
import {
  newId,
  sortThemes,
  type Polarity,
  type SessionDoc,
  type Theme,
} from '../../../core/index.ts';

/** Reflect-back cards: statements read back to the group, who answer on their phones. */
export function CardsPanel(props: { session: SessionDoc; codebook: Theme[] }) {
  const cards = props.session.cards.all().sort((a, b) => a.order - b.order);
  const [text, setText] = useState('');
  const [themeId, setThemeId] = useState('');
  const [polarity, setPolarity] = useState<Polarity>('want');
  return (
    <section className="card stack" aria-labelledby="cards-heading">
      <h2 id="cards-heading">Reflect back</h2>
      {cards.map((c) => {
        const votes = Object.values(c.votes);
        return (
          <div key={c.id} className={`note ${c.polarity}`}>
            <p>{c.text}</p>
            <p className="hint counts">
              {votes.filter((v) => v === 'agree').length} yes ·{' '}
              {votes.filter((v) => v === 'not-quite').length} not quite ·{' '}
              {votes.filter((v) => v === 'disagree').length} no
            </p>
            {c.comments.map((m) => (
              <p key={m.id} className="meta">
                &ldquo;{m.text}&rdquo;
              </p>
            ))}
            <button
              type="button"
              className="small secondary"
              onClick={() => props.session.cards.remove(c.id)}
            >
              Remove
            </button>
          </div>
        );
      })}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          props.session.cards.put({
            id: newId('card'),
            text: text.trim(),
            themeId: themeId || null,
            polarity,
            order: cards.length,
            votes: {},
            comments: [],
          });
          setText('');
        }}
      >
        <label htmlFor="card-text">What we heard</label>
        <input
          id="card-text"
          type="text"
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor="card-theme">Theme</label>
        <select id="card-theme" value={themeId} onChange={(e) => setThemeId(e.target.value)}>
          <option value="">No theme</option>
          {sortThemes(props.codebook).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <label htmlFor="card-polarity">Kind</label>
        <select
          id="card-polarity"
          value={polarity}
          onChange={(e) => setPolarity(e.target.value as Polarity)}
        >
          <option value="want">What people want to see</option>
          <option value="do-not-want">What people do NOT want to see</option>
          <option value="neutral">Other</option>
        </select>
        <button type="submit" disabled={!text.trim()}>
          Add card
        </button>
      </form>
    </section>
  );
}
