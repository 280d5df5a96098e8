import { NewProgrammeForm } from './NewProgrammeForm.tsx';
import { useProgrammes } from './use-programmes.ts';

export function ProgrammeList() {
  const { programmes, error } = useProgrammes();
  return (
    <main>
      <h1>Programmes</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {programmes?.length === 0 && (
        <div className="card">
          <p>There are no programmes yet.</p>
          <p className="hint">
            Start one below from a template, or see a full example first: run{' '}
            <code>npx cohear demo</code> and reload this page.
          </p>
        </div>
      )}
      <div className="grid">
        {programmes?.map((p) => (
          <a key={p.id} className="card" href={`#/programme/${encodeURIComponent(p.id)}`}>
            <h2>{p.title}</h2>
            <p className="hint">{p.organisation}</p>
            <p>
              {p.sessionCount} sessions · {p.participantCount} participants
            </p>
          </a>
        ))}
      </div>
      <NewProgrammeForm />
    </main>
  );
}
