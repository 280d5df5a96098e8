import {
  PREFER_NOT_TO_SAY_VALUE,
  answerGroup,
  answerLabel,
  fieldsOrLegacy,
  type DemographicFieldDef,
  type Participant,
} from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';
import { largestRemainderPercentages } from './percentages.ts';

export const NOT_RECORDED = 'not-recorded';

export interface TallyRow {
  value: string;
  label: string;
  count: number;
  /** Whole-number percentage; the rows of one field add up to exactly 100 (when n > 0). */
  percent: number;
}

export interface FieldTally {
  /** The field's id. */
  field: string;
  label: string;
  /** How many people the field counts. */
  n: number;
  /**
   * One row per answer in the field's order (per broad group where the field has groups), then
   * "prefer not to say" and "not recorded".
   */
  rows: TallyRow[];
  /** For a field with groups (ethnicity's 19 categories), one row per answer given. */
  detail: TallyRow[];
  /** Share who chose "prefer not to say", as a whole-number percentage. */
  preferNotToSayPercent: number;
}

export interface DemographicsTally {
  /** Who is counted, in words, for the report. */
  basis: string;
  n: number;
  fields: FieldTally[];
}

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

function rowsOf(
  order: readonly string[],
  counts: ReadonlyMap<string, number>,
  label: (value: string) => string,
): TallyRow[] {
  const tail = [PREFER_NOT_TO_SAY_VALUE, NOT_RECORDED];
  const values = order.filter((v) => !tail.includes(v) && counts.has(v));
  values.push(...tail.filter((v) => counts.has(v)));
  const percents = largestRemainderPercentages(values.map((v) => counts.get(v) ?? 0));
  return values.map((value, i) => ({
    value,
    label: value === NOT_RECORDED ? 'Not recorded' : label(value),
    count: counts.get(value) ?? 0,
    percent: percents[i] ?? 0,
  }));
}

/** Tallies one field over people, with "prefer not to say" and "not recorded" last. */
export function tallyField(people: readonly Participant[], field: DemographicFieldDef): FieldTally {
  const counts = new Map<string, number>();
  const groupCounts = new Map<string, number>();
  const townLabels = new Map<string, string>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of people) {
    const raw = p.demographics[field.id] ?? null;
    let key: string = raw ?? NOT_RECORDED;
    if (field.kind === 'text' && raw !== null && raw !== PREFER_NOT_TO_SAY_VALUE) {
      key = townKey(raw);
      if (!townLabels.has(key)) townLabels.set(key, raw.trim().replace(/\s+/g, ' '));
    }
    add(counts, key);
    add(groupCounts, raw === null ? NOT_RECORDED : answerGroup(field, raw));
  }
  const known = field.options.map((o) => o.id);
  // Answers the programme no longer offers still count, after the ones it does.
  const others = [...counts.keys()].filter((k) => !known.includes(k)).sort();
  let rows: TallyRow[];
  let detail: TallyRow[] = [];
  if (field.kind === 'text') {
    const order = [...counts.keys()].sort(
      (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
    );
    rows = rowsOf(order, counts, (v) => townLabels.get(v) ?? answerLabel(field, v));
  } else if (field.groups && field.groups.length > 0) {
    const groupOrder = [...field.groups.map((g) => g.id)];
    for (const k of groupCounts.keys()) if (!groupOrder.includes(k)) groupOrder.push(k);
    rows = rowsOf(
      groupOrder,
      groupCounts,
      (v) =>
        field.groups?.find((g) => g.id === v)?.label ??
        (v === PREFER_NOT_TO_SAY_VALUE ? 'Prefer not to say' : answerLabel(field, v)),
    );
    detail = rowsOf([...known, ...others], counts, (v) => answerLabel(field, v));
  } else {
    rows = rowsOf([...known, ...others], counts, (v) => answerLabel(field, v));
  }
  return {
    field: field.id,
    label: field.label,
    n: people.length,
    rows,
    detail,
    preferNotToSayPercent: rows.find((r) => r.value === PREFER_NOT_TO_SAY_VALUE)?.percent ?? 0,
  };
}

/** The demographic fields of a programme: its own choice, or the fields every programme had. */
export function programmeFields(snapshot: ProgrammeSnapshot): readonly DemographicFieldDef[] {
  return fieldsOrLegacy(snapshot.settings?.demographicFields);
}

/** Demographics of the people counted (see peopleCounted), one tally per programme field. */
export function tallyDemographics(
  snapshot: ProgrammeSnapshot,
  sessionId?: string,
): DemographicsTally {
  const { people, basis } = peopleCounted(snapshot, sessionId);
  return {
    basis,
    n: people.length,
    fields: programmeFields(snapshot).map((f) => tallyField(people, f)),
  };
}
