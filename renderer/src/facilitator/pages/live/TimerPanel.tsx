import {
  addMinute,
  newStepTimer,
  pauseTimer,
  resetTimer,
  startTimer,
  timerView,
  type AgendaStep,
  type SessionDoc,
} from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';
import { useNow } from './use-now.ts';

/**
 * The current step's timer: start, pause, add a minute, reset. It is written to the session only
 * when pressed; every screen counts down from its own clock.
 */
export function TimerPanel(props: { session: SessionDoc; step: AgendaStep | null }) {
  const announce = useAnnounce();
  const { step } = props;
  const stored = props.session.timer();
  const timer =
    step && stored?.stepId === step.id ? stored : step ? newStepTimer(step.id, step.minutes) : null;
  const now = useNow(Boolean(timer?.startedAt));
  if (!step || !timer)
    return (
      <section className="card" aria-labelledby="timer-heading" id="timer-panel" tabIndex={-1}>
        <h2 id="timer-heading">Timer</h2>
        <p className="hint">Show a step to time it.</p>
      </section>
    );
  const view = timerView(timer, now);
  const set = (t: typeof timer, said: string) => {
    props.session.setTimer(t);
    announce(said);
  };
  return (
    <section
      className={`card stack timer${view.ended ? ' timer-ended' : ''}`}
      aria-labelledby="timer-heading"
      id="timer-panel"
      tabIndex={-1}
    >
      <h2 id="timer-heading">Timer: {step.title}</h2>
      <p className="timer-clock" aria-hidden="true" data-testid="timer-clock">
        {view.clock}
      </p>
      <p className="visually-hidden">{view.spoken}</p>
      {view.ended && <p className="timer-signal">Time is up</p>}
      <div className="row" role="group" aria-label="Timer controls">
        {view.running ? (
          <button type="button" onClick={() => set(pauseTimer(timer, Date.now()), 'Timer paused')}>
            Pause
          </button>
        ) : (
          <button
            type="button"
            disabled={view.ended}
            onClick={() => set(startTimer(timer, Date.now()), 'Timer started')}
          >
            Start
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => set(addMinute(timer), 'One minute added')}
        >
          Add a minute
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => set(resetTimer(timer, step.minutes), 'Timer reset')}
        >
          Reset
        </button>
      </div>
    </section>
  );
}
