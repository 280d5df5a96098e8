import {
  answerGroup,
  type DemographicFieldDef,
  type ReferenceDimension,
  type ReferencePopulation,
} from '../model/index.ts';
import type { ProgrammeSnapshot } from '../snapshot/snapshot.ts';
import { census2021Reference } from './census-2021.ts';
import { peopleCounted, programmeFields } from './demographics.ts';

export interface RepresentationRow {
  id: string;
  label: string;
  /** People counted in this category. */
  count: number;
  /** Their share of everyone compared in this dimension, in percent (one decimal place). */
  percent: number;
  /** The category's share of the reference population, in percent. */
  referencePercent: number;
  /** percent - referencePercent, in percentage points: negative means under-represented. */
  gap: number;
  /**
   * How well the category took part relative to its size: percent / referencePercent (1 is in
   * proportion). Null when the reference has nobody in the category.
   */
  rate: number | null;
}

export interface DimensionRepresentation {
  fieldId: string;
  label: string;
  /** People whose answer falls in one of the reference's categories. */
  compared: number;
  /** People not compared: no answer, "prefer not to say" or an answer outside the categories. */
  notCompared: number;
  rows: RepresentationRow[];
  /** Lowest rate / highest rate, 0 to 1 (1: every category in proportion). Null if unknown. */
  score: number | null;
}

export interface Representation {
  reference: ReferencePopulation;
  /** Whether the reference is the facilitator's own (rather than the census default). */
  local: boolean;
  basis: string;
  n: number;
  dimensions: DimensionRepresentation[];
  /** Lowest category rate / highest, over every dimension: 0 to 1. Null when nothing compared. */
  score: number | null;
  /** What a reader should know about the comparison (census age bands estimated or left out). */
  notes: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function scoreOf(rates: readonly (number | null)[]): number | null {
  const known = rates.filter((r): r is number => r !== null);
  if (known.length < 2) return null;
  const max = Math.max(...known);
  return max === 0 ? null : Math.min(...known) / max;
}

function compare(
  dim: ReferenceDimension,
  field: DemographicFieldDef | undefined,
  answers: readonly (string | null)[],
): DimensionRepresentation {
  const counts = new Map<string, number>();
  let compared = 0;
  for (const raw of answers) {
    if (raw === null) continue;
    const group = field ? answerGroup(field, raw) : raw;
    const cat = dim.categories.find((c) => c.answers.includes(raw) || c.answers.includes(group));
    if (!cat) continue;
    counts.set(cat.id, (counts.get(cat.id) ?? 0) + 1);
    compared += 1;
  }
  const rows = dim.categories.map((c) => {
    const count = counts.get(c.id) ?? 0;
    const percent = compared === 0 ? 0 : (100 * count) / compared;
    return {
      id: c.id,
      label: c.label,
      count,
      percent: round1(percent),
      referencePercent: c.percent,
      gap: round1(percent - c.percent),
      rate: c.percent > 0 && compared > 0 ? percent / c.percent : null,
    };
  });
  return {
    fieldId: dim.fieldId,
    label: dim.label,
    compared,
    notCompared: answers.length - compared,
    rows,
    score: compared === 0 ? null : scoreOf(rows.map((r) => r.rate)),
  };
}

/**
 * Who took part against a reference population (the programme's own, or Census 2021 for England
 * and Wales): for each category its share, the gap in percentage points and its participation
 * rate relative to its size; each dimension's score and the overall score are the lowest rate
 * divided by the highest. The people are those the demographics describe (see peopleCounted).
 * Dimensions whose field the programme does not ask are left out.
 */
export function representation(snapshot: ProgrammeSnapshot, sessionId?: string): Representation {
  const local = snapshot.settings?.reference;
  const fields = programmeFields(snapshot);
  const { reference, notes } = local
    ? { reference: local, notes: [] }
    : census2021Reference(fields);
  const { people, basis } = peopleCounted(snapshot, sessionId);
  const dimensions = reference.dimensions
    .filter((d) => fields.some((f) => f.id === d.fieldId))
    .map((d) =>
      compare(
        d,
        fields.find((f) => f.id === d.fieldId),
        people.map((p) => p.demographics[d.fieldId] ?? null),
      ),
    );
  return {
    reference,
    local: local !== undefined,
    basis,
    n: people.length,
    dimensions,
    score: scoreOf(
      dimensions.filter((d) => d.compared > 0).flatMap((d) => d.rows.map((r) => r.rate)),
    ),
    notes,
  };
}

/** A score as the screen and the report print it: two decimal places, or "not known". */
export function formatRepresentationScore(score: number | null): string {
  return score === null ? 'not known' : score.toFixed(2);
}

/** A gap in percentage points with its sign ("+11.5", "-11.5", "0"). */
export function formatGap(gap: number): string {
  return `${gap > 0 ? '+' : ''}${gap}`;
}

/** A participation rate (share / reference share) to two decimal places, or a dash. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : rate.toFixed(2);
}
