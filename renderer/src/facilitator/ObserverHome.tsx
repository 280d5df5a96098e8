import { useEffect, useState } from 'react';
import { Downloads } from './Downloads.tsx';
import { listProgrammes } from './facilitator-api.ts';
import type { ProgrammeSummary } from './types.ts';

/** Observers (commissioners, boards) may download reports and nothing else. */
export function ObserverHome() {
  const [programmes, setProgrammes] = useState<ProgrammeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listProgrammes().then(
      (r) => setProgrammes(r.programmes),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <main>
      <h1>Reports</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {programmes?.map((p) => (
        <Downloads key={p.id} programmeId={p.id} title={p.title} />
      ))}
    </main>
  );
}
