import { AGENDA_STEP_LABELS, stepQuestions, type SessionDoc } from '../../../core/index.ts';

/** The agenda, with the step the room shows now; choosing a step changes every phone at once. */
export function AgendaPanel(props: { session: SessionDoc }) {
  const agenda = props.session.agenda();
  const current = props.session.currentStepId();
  const persona = props.session.persona();
  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      {persona && (
        <p className="hint">
          Persona: <strong>{persona.name}</strong>. {persona.story}
        </p>
      )}
      <ol className="steps">
        {agenda.map((step) => (
          <li
            key={step.id}
            className={step.id === current ? 'current' : undefined}
            aria-current={step.id === current ? 'step' : undefined}
          >
            <div className="row">
              <span>
                {step.title}{' '}
                <span className="hint">
                  ({AGENDA_STEP_LABELS[step.type]}, {step.minutes} min)
                </span>
              </span>
              {step.id !== current && (
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => props.session.setCurrentStep(step.id)}
                >
                  Show this step
                </button>
              )}
            </div>
            {step.id === current && (
              <ul className="hint">
                {stepQuestions(step, persona).map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {current && (
        <button
          type="button"
          className="small secondary"
          onClick={() => props.session.setCurrentStep(null)}
        >
          Pause (show no step)
        </button>
      )}
    </section>
  );
}
