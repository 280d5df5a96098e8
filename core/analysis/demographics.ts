import type { DemographicField, Participant } from '../model/index.ts';
import {
  AGE_BANDS,
  DEMOGRAPHIC_LABELS,
  ETHNICITIES,
  GENDERS,
  PREFER_NOT_TO_SAY,
} from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';
import { largestRemainderPercentages } from './percentages.ts';

export const NOT_RECORDED = 'not-recorded';

export const DEMOGRAPHIC_FIELD_LABELS: Record<DemographicField, string> = {
  gender: 'Gender',
  ageBand: 'Age',
  ethnicity: 'Ethnicity',
  town: 'Town',
};

export interface TallyRow {
  value: string;
  label: string;
  count: number;
  /** Whole-number percentage; the rows of one field add up to exactly 100 (when n > 0). */
  percent: number;
}

export interface FieldTally {
  field: DemographicField;
  label: string;
  /** How many people the field counts. */
  n: number;
  rows: TallyRow[];
}

export interface DemographicsTally {
  /** Who is counted, in words, for the report. */
  basis: string;
  n: number;
  fields: FieldTally[];
}

const ORDER: Record<Exclude<DemographicField, 'town'>, readonly string[]> = {
  gender: GENDERS,
  ageBand: AGE_BANDS,
  ethnicity: ETHNICITIES,
};

function townKey(town: string): string {
  return town.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The people a demographics section describes: those who attended (the session given, or any
 * session), leaving out anyone whose record was erased. When nobody's attendance was recorded at all, everyone registered is counted, and
 * the basis says so.
 */
export function peopleCounted(
  snapshot: ProgrammeSnapshot,
  sessionId?: string,
): { people: Participant[]; basis: string } {
  // Erased records are counted in attendance totals only, never described.
  const kept = snapshot.participants.filter((p) => p.erasedAt === undefined);
  const attended = kept.filter((p) =>
    p.attendance.some((a) => a.attended && (sessionId === undefined || a.sessionId === sessionId)),
  );
  if (attended.length > 0 || sessionId !== undefined) {
    return {
      people: attended,
      basis:
        sessionId === undefined
          ? 'people who attended at least one session'
          : 'people who attended this session',
    };
  }
  return {
    people: kept,
    basis: 'everyone who registered (attendance was not recorded)',
  };
}

/** Tallies one field over people, with "prefer not to say" and "not recorded" last. */
export function tallyField(people: readonly Participant[], field: DemographicField): FieldTally {
  const counts = new Map<string, number>();
  const townLabels = new Map<string, string>();
  for (const p of people) {
    const raw = p.demographics[field];
    let key: string = raw ?? NOT_RECORDED;
    if (field === 'town' && raw !== null && raw !== PREFER_NOT_TO_SAY) {
      key = townKey(raw);
      if (!townLabels.has(key)) townLabels.set(key, raw.trim().replace(/\s+/g, ' '));
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const tail = [PREFER_NOT_TO_SAY, NOT_RECORDED];
  let values: string[];
  if (field === 'town') {
    values = [...counts.keys()]
      .filter((k) => !tail.includes(k))
      .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
  } else {
    values = ORDER[field].filter((v) => v !== PREFER_NOT_TO_SAY && counts.has(v));
  }
  values.push(...tail.filter((v) => counts.has(v)));
  const percents = largestRemainderPercentages(values.map((v) => counts.get(v) ?? 0));
  return {
    field,
    label: DEMOGRAPHIC_FIELD_LABELS[field],
    n: people.length,
    rows: values.map((value, i) => ({
      value,
      label:
        value === NOT_RECORDED
          ? 'Not recorded'
          : (townLabels.get(value) ?? DEMOGRAPHIC_LABELS[value] ?? value),
      count: counts.get(value) ?? 0,
      percent: percents[i] ?? 0,
    })),
  };
}

/** Demographics of the people counted (see peopleCounted), one tally per field. */
export function tallyDemographics(
  snapshot: ProgrammeSnapshot,
  sessionId?: string,
): DemographicsTally {
  const { people, basis } = peopleCounted(snapshot, sessionId);
  const fields: DemographicField[] = ['gender', 'ageBand', 'ethnicity', 'town'];
  return { basis, n: people.length, fields: fields.map((f) => tallyField(people, f)) };
}
