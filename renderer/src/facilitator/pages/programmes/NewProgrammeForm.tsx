import { useState } from 'react';
import {
  PROGRAMME_TEMPLATES,
  PROGRAMME_TEMPLATE_LABELS,
  type ProgrammeTemplate,
} from '../../../../../core/index.ts';
import { useNavigate } from 'react-router';
import { createProgramme } from '../../facilitator-api.ts';

/** Start a programme from a template; the sessions, agendas and themes come ready to adjust. */
export function NewProgrammeForm() {
  const [template, setTemplate] = useState<ProgrammeTemplate>('focus-groups');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [commissioner, setCommissioner] = useState('');
  const [startDate, setStartDate] = useState('');
  const [cohorts, setCohorts] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  return (
    <form
      className="card stack"
      aria-labelledby="new-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const list = cohorts
            .split(/\n|,/)
            .map((c) => c.trim())
            .filter(Boolean);
          const { id } = await createProgramme({
            template,
            title,
            organisation,
            ...(commissioner.trim() ? { commissioner } : {}),
            startDate,
            ...(template === 'focus-groups' && list.length ? { cohorts: list } : {}),
          });
          navigate(`/programmes/${encodeURIComponent(id)}`);
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="new-heading">Start a new programme</h2>
      <fieldset>
        <legend>Start from</legend>
        {PROGRAMME_TEMPLATES.map((t) => (
          <label key={t} className="choice">
            <input
              type="radio"
              name="template"
              checked={template === t}
              onChange={() => setTemplate(t)}
            />
            <span>{PROGRAMME_TEMPLATE_LABELS[t]}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="new-title">Title</label>
        <input
          id="new-title"
          type="text"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="new-organisation">Organisation</label>
        <input
          id="new-organisation"
          type="text"
          required
          maxLength={200}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="new-commissioner">Commissioner (optional)</label>
        <input
          id="new-commissioner"
          type="text"
          maxLength={200}
          value={commissioner}
          onChange={(e) => setCommissioner(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="new-start">First session</label>
        <input
          id="new-start"
          type="date"
          required
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
        />
        <p className="hint">Later sessions are planned a week apart.</p>
      </div>
      {template === 'focus-groups' && (
        <div>
          <label htmlFor="new-cohorts">Cohorts, one group each (optional)</label>
          <textarea
            id="new-cohorts"
            value={cohorts}
            onChange={(e) => setCohorts(e.target.value)}
            aria-describedby="new-cohorts-hint"
          />
          <p id="new-cohorts-hint" className="hint">
            One per line, for example &ldquo;Parents and carers&rdquo;.
          </p>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Create programme
      </button>
    </form>
  );
}
