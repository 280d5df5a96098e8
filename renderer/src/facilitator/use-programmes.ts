import { useEffect, useState } from 'react';
import { listProgrammes } from './facilitator-api.ts';
import type { ProgrammeSummary } from './types.ts';

/** The programmes the signed-in person may see, loaded once; null until they arrive. */
export function useProgrammes(): { programmes: ProgrammeSummary[] | null; error: string | null } {
  const [programmes, setProgrammes] = useState<ProgrammeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listProgrammes().then(
      (r) => setProgrammes(r.programmes),
      (e: Error) => setError(e.message),
    );
  }, []);
  return { programmes, error };
}
