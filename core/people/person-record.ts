import type { Cohort, ConsentKind, Participant, Session } from '../model/index.ts';

/** One consent decision as it was recorded, oldest first in a history. */
export interface ConsentChange {
  kind: ConsentKind;
  given: boolean;
  at: string;
  /** 'participant' (their own phone), `paper:<account>` (from a paper form), `erasure:<account>`. */
  source: string;
}

/** A person as the facilitator's People screen holds them (contact details included). */
export interface PersonRecord extends Participant {
  consentHistory: ConsentChange[];
  hasPersonalLink: boolean;
}

/** What `GET /api/programmes/:id/people` answers. */
export interface PeopleListing {
  people: PersonRecord[];
  cohorts: Cohort[];
  sessions: Session[];
}

/** A note offered as evidence for an action or a recommendation. */
export interface EvidenceNote {
  id: string;
  text: string;
  sessionId: string;
  sessionTitle: string;
  themeIds: string[];
  polarity: string | null;
}

/** Who recorded a consent decision, in words for the history. */
export function consentSourceLabel(source: string): string {
  if (source === 'participant') return 'on their phone';
  if (source.startsWith('paper:')) return 'from a paper form';
  if (source.startsWith('erasure:')) return 'when their record was erased';
  return source;
}
