import { Downloads } from './Downloads.tsx';
import { useProgrammes } from './use-programmes.ts';

/** Observers (commissioners, boards) may download reports and nothing else. */
export function ObserverHome() {
  const { programmes, error } = useProgrammes();
  return (
    <main id="main" className="page">
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
