import { useId, useRef, useState } from 'react';
import type { RoomCard, Vote } from '../../../core/index.ts';
import { useT } from './i18n/i18n.tsx';
import { useVoteLabels } from './labels.ts';

const COMMENT_MAX = 1000;

/**
 * One reflect-back card: "did we hear you right?", your answer (kept after a reload), a box to
 * say more, and the group's tally only when the room carries it (after the facilitator
 * reveals it).
 */
export function CardVote(props: {
  card: RoomCard;
  mine: Vote | undefined;
  myComments: { id: string; text: string; waiting: boolean }[];
  canComment: boolean;
  onVote: (v: Vote) => void;
  onComment: (text: string) => void;
}) {
  const { t } = useT();
  const labels = useVoteLabels();
  const { card } = props;
  const id = useId();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<'empty' | 'long' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Optional fields: a room that has not revealed the tally does not carry it.
  const tally = card as Partial<Pick<RoomCard, 'agree' | 'notQuite' | 'disagree'>>;
  const revealed =
    typeof tally.agree === 'number' &&
    typeof tally.notQuite === 'number' &&
    typeof tally.disagree === 'number';
  return (
    <li className={`note ${card.polarity}`}>
      <p id={`${id}-text`}>
        <strong>{card.text}</strong>
        {card.theme && <span className="hint"> ({card.theme})</span>}
      </p>
      <div className="segmented" role="group" aria-labelledby={`${id}-q ${id}-text`}>
        <span id={`${id}-q`} className="visually-hidden">
          {t('cards.yourAnswer')}
        </span>
        {(['agree', 'not-quite', 'disagree'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="small"
            aria-pressed={props.mine === v}
            onClick={() => props.onVote(v)}
          >
            {labels[v]}
          </button>
        ))}
      </div>
      {revealed && (
        <p className="hint counts">
          {t('cards.tally', {
            agree: tally.agree ?? 0,
            notQuite: tally.notQuite ?? 0,
            disagree: tally.disagree ?? 0,
          })}
        </p>
      )}
      {props.myComments.length > 0 && (
        <ul className="plain-list my-comments" aria-label={t('cards.yourComments')}>
          {props.myComments.map((c) => (
            <li key={c.id}>
              <p>{c.text}</p>
              <p className="meta">{c.waiting ? t('notes.waiting') : t('notes.sent')}</p>
            </li>
          ))}
        </ul>
      )}
      {props.canComment && (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const text = comment.trim();
            if (!text || text.length > COMMENT_MAX) {
              setProblem(text ? 'long' : 'empty');
              box.current?.focus();
              return;
            }
            props.onComment(text);
            setComment('');
            setProblem(null);
            box.current?.focus();
          }}
        >
          <label htmlFor={`${id}-comment`}>{t('cards.commentLabel')}</label>
          <textarea
            ref={box}
            id={`${id}-comment`}
            className="short"
            value={comment}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `${id}-comment-error` : undefined}
            onChange={(e) => {
              setComment(e.target.value);
              setProblem(null);
            }}
          />
          {problem && (
            <p id={`${id}-comment-error`} className="error" role="alert">
              {problem === 'empty'
                ? t('cards.commentEmpty')
                : t('cards.commentLong', { max: COMMENT_MAX })}
            </p>
          )}
          <button type="submit" className="small secondary">
            {t('cards.commentSend')}
          </button>
        </form>
      )}
    </li>
  );
}
