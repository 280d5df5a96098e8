import { useRef, useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import {
  currentSpeaker,
  newId,
  roundFinished,
  startStoryRound,
  turnSecondsLeft,
  type AgendaStep,
  type SessionDoc,
} from '../../../../../core/index.ts';
import { ApiError } from '../../../shared/http.ts';
import type { PersonListing } from '../../facilitator-api.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { endStoryTurn } from './live-api.ts';
import type { PresentPerson } from './use-presence.ts';
import { useNow } from './use-now.ts';

/**
 * A story round: each person present in turn tells their own story for a set time, captured as a
 * long note of kind story against them, or passes. Turns go through the server, which refuses
 * them while the session is not open.
 */
export function StoryRoundPanel(props: {
  sessionId: string;
  session: SessionDoc;
  step: AgendaStep;
  present: PresentPerson[];
  registered: PersonListing[];
}) {
  const round = props.session.storyRound();
  const active = round?.stepId === props.step.id ? round : null;
  const descriptor = (id: string) =>
    props.present.find((p) => p.participantId === id)?.descriptor ??
    props.registered.find((p) => p.id === id)?.descriptor ??
    'A participant';
  return (
    <section className="card stack" aria-labelledby="story-heading" id="story-panel" tabIndex={-1}>
      <h2 id="story-heading">Story round</h2>
      {active && !roundFinished(active) ? (
        <Turn {...props} round={active} descriptor={descriptor} />
      ) : (
        <>
          {active && (
            <ol className="turns" aria-label="Turns taken">
              {active.turns.map((t) => (
                <li key={t.participantId}>
                  {descriptor(t.participantId)}:{' '}
                  {t.outcome === 'passed' ? 'passed' : 'told their story'}
                </li>
              ))}
            </ol>
          )}
          <Setup {...props} />
        </>
      )}
    </section>
  );
}

function Setup(props: { session: SessionDoc; step: AgendaStep; present: PresentPerson[] }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [minutes, setMinutes] = useState('3');
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const people = props.present;
  const order = people.map((p) => p.participantId).filter((id) => chosen.includes(id));
  const start = () => {
    const m = Number(minutes);
    if (!Number.isFinite(m) || m < 0.5 || m > 60)
      return setError('Give a time between 0.5 and 60 minutes.');
    if (order.length === 0) return setError('Choose at least one person to speak.');
    setError(null);
    props.session.setStoryRound(
      startStoryRound(props.step.id, order, Math.round(m * 60), Date.now()),
    );
    announce(`Story round started with ${order.length} people`);
  };
  return (
    <div className="stack">
      {people.length === 0 ? (
        <p className="hint">When people connect, they appear here to take their turn.</p>
      ) : (
        <CheckboxGroup value={chosen} onChange={setChosen} className="stack">
          <Label className="field-label">Who speaks, in this order</Label>
          {people.map((p) => (
            <Checkbox key={p.participantId} value={p.participantId} className="choice-box">
              <span className="box" aria-hidden="true" /> {p.descriptor}
            </Checkbox>
          ))}
        </CheckboxGroup>
      )}
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="story-minutes">Minutes each</label>
        {error && (
          <p id="story-error" className="field-message" role="alert">
            {error}
          </p>
        )}
        <input
          id="story-minutes"
          inputMode="decimal"
          value={minutes}
          aria-describedby={error ? 'story-error' : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <button type="button" onClick={start}>
        Start the round
      </button>
    </div>
  );
}

function Turn(props: {
  sessionId: string;
  round: NonNullable<ReturnType<SessionDoc['storyRound']>>;
  descriptor: (id: string) => string;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const announce = useAnnounce();
  const now = useNow(true);
  const speaker = currentSpeaker(props.round) as string;
  const left = turnSecondsLeft(props.round, now);
  const end = async (told: boolean) => {
    if (busy) return;
    if (told && !text.trim()) return setError('Type the story before saving, or choose Pass.');
    setBusy(true);
    try {
      const r = await endStoryTurn(
        props.sessionId,
        told ? { outcome: 'told', id: newId('n'), text: text.trim() } : { outcome: 'passed' },
      );
      setText('');
      setError(null);
      announce(
        `${told ? 'Story saved' : 'Pass recorded'}. ${r.current < r.of ? `Turn ${r.current + 1} of ${r.of}` : 'The round is over'}`,
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Not sent; the story is still in the box.');
    } finally {
      setBusy(false);
      box.current?.focus();
    }
  };
  return (
    <div className="stack">
      <p className="story-speaker" data-testid="story-speaker">
        Turn {props.round.current + 1} of {props.round.order.length}:{' '}
        <strong>{props.descriptor(speaker)}</strong>{' '}
        <span className={`counts${left === 0 ? ' timer-signal' : ''}`}>
          ({Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')} left)
        </span>
      </p>
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor="story-text">Their story</label>
        {error && (
          <p id="story-text-error" className="field-message" role="alert">
            {error}
          </p>
        )}
        <textarea
          ref={box}
          id="story-text"
          rows={6}
          value={text}
          aria-describedby={error ? 'story-text-error' : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="row">
        <button type="button" onClick={() => void end(true)}>
          Save story, next person
        </button>
        <button type="button" className="secondary" onClick={() => void end(false)}>
          Pass
        </button>
      </div>
    </div>
  );
}
