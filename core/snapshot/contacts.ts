import type { ProgrammeSnapshot } from './snapshot.ts';

/**
 * The snapshot without anyone's name, email or phone: what a programme file carries unless the
 * facilitator asks for contacts (`cohear export --format json --include-contacts`). Personal data
 * stays out of exports by default, and a programme file is sent and stored like any other file.
 * Everything else is untouched, so importing the file and exporting it again gives the same bytes.
 */
export function withoutContacts(snapshot: ProgrammeSnapshot): ProgrammeSnapshot {
  if (snapshot.participants.every((p) => p.contact === null)) return snapshot;
  return {
    ...snapshot,
    participants: snapshot.participants.map((p) => ({ ...p, contact: null })),
  };
}
