import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/http.ts';
import { useProgrammes } from '../../use-programmes.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NewProgrammeForm } from './NewProgrammeForm.tsx';

/** Home: every programme, a new one from a template, and on a first start the demo. */
export function ProgrammesPage() {
  const { programmes, error } = useProgrammes();
  const navigate = useNavigate();
  const [demoError, setDemoError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const openDemo = async () => {
    setBusy(true);
    setDemoError(null);
    try {
      const { id } = await api<{ id: string }>('/api/programmes/demo', { body: {} });
      navigate(`/programmes/${encodeURIComponent(id)}`);
    } catch (e) {
      setDemoError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="page" tabIndex={-1}>
      <PageHeader title="Programmes" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {programmes === null && !error && <p role="status">Loading&hellip;</p>}
      {programmes?.length === 0 && (
        <section className="card welcome" aria-labelledby="welcome-heading">
          <h2 id="welcome-heading">Welcome to Cohear</h2>
          <p>
            There are no programmes here yet. Start your own below from a template, or open the demo
            programme to see a full workspace first: three focus groups and a persona walkthrough,
            with people, tagged notes, actions and reports, all fictional.
          </p>
          <div className="row">
            <a className="button secondary" href="#new-heading">
              Start a new programme
            </a>
            <button type="button" onClick={() => void openDemo()} disabled={busy}>
              Open the demo programme
            </button>
          </div>
          {demoError && (
            <p className="error" role="alert">
              {demoError}
            </p>
          )}
        </section>
      )}
      {programmes && programmes.length > 0 && (
        <ul className="grid plain-list" aria-label="Your programmes">
          {programmes.map((p) => (
            <li key={p.id} className="card programme-card">
              <h2>
                <Link to={`/programmes/${encodeURIComponent(p.id)}`}>{p.title}</Link>
              </h2>
              <p className="hint">{p.organisation}</p>
              <p>
                {p.sessionCount} {p.sessionCount === 1 ? 'session' : 'sessions'} ·{' '}
                {p.participantCount} {p.participantCount === 1 ? 'participant' : 'participants'}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewProgrammeForm />
    </main>
  );
}
