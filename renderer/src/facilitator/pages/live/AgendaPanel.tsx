import { ListBox, ListBoxItem, type Key } from 'react-aria-components';
import { AGENDA_STEP_LABELS, stepQuestions, type SessionDoc } from '../../../../../core/index.ts';
import { useAnnounce } from '../../ui/announcer.tsx';

/**
 * The agenda as one list (one tab stop, arrow keys move, Enter or Space shows the step to the
 * room); focus stays on the step chosen.
 */
export function AgendaPanel(props: { session: SessionDoc }) {
  const agenda = props.session.agenda();
  const current = props.session.currentStepId();
  const persona = props.session.persona();
  const announce = useAnnounce();
  const choose = (keys: Set<Key> | 'all') => {
    if (keys === 'all') return;
    const id = [...keys][0];
    if (typeof id !== 'string' || id === current) return;
    props.session.setCurrentStep(id);
    announce(`The room now shows: ${agenda.find((s) => s.id === id)?.title ?? ''}`);
  };
  return (
    <section
      className="card stack"
      aria-labelledby="agenda-heading"
      id="agenda-panel"
      tabIndex={-1}
    >
      <h2 id="agenda-heading">Agenda</h2>
      {persona && (
        <p className="hint">
          Persona: <strong>{persona.name}</strong>
        </p>
      )}
      <p className="hint" id="agenda-hint">
        Choose the step the room shows (arrow keys, then Enter).
      </p>
      <ListBox
        aria-labelledby="agenda-heading"
        aria-describedby="agenda-hint"
        className="room-steps"
        selectionMode="single"
        disallowEmptySelection={false}
        selectedKeys={current ? [current] : []}
        onSelectionChange={choose}
        items={agenda}
      >
        {(step) => (
          <ListBoxItem id={step.id} textValue={step.title} className="room-step">
            {({ isSelected }) => (
              <>
                <span className="step-title">
                  {isSelected && <span className="visually-hidden">Showing now: </span>}
                  {step.title}
                </span>{' '}
                <span className="hint">
                  {AGENDA_STEP_LABELS[step.type]}, {step.minutes} min
                </span>
                {isSelected && (
                  <ul className="hint step-questions">
                    {stepQuestions(step, persona).map((q) => (
                      <li key={q}>{q}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </ListBoxItem>
        )}
      </ListBox>
      {current && (
        <button
          type="button"
          className="small secondary"
          onClick={() => {
            props.session.setCurrentStep(null);
            announce('The room shows no step');
          }}
        >
          Show no step
        </button>
      )}
    </section>
  );
}
