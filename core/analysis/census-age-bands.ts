import {
  OPEN_AGE_END,
  ageBandYears,
  type DemographicFieldDef,
  type ReferenceDimension,
} from '../model/index.ts';
import { largestRemainderPercentages } from './percentages.ts';

/** People by five-year age group, youngest first; the last group is open ("85 and over"). */
export type FiveYearCounts = readonly number[];

/** Where the last, open group starts. */
const OPEN_GROUP_FROM = 85;

/** The people of the given ages, or null when the ages cut the open last group in two. */
function peopleAged(counts: FiveYearCounts, lo: number, hi: number): number | null {
  let total = 0;
  for (let g = 0; g < counts.length - 1; g += 1) {
    const overlap = Math.min(hi, 5 * g + 4) - Math.max(lo, 5 * g) + 1;
    // A band that starts or ends inside a five-year group takes its share of the group's
    // people year by year, as if each year of age held as many as the next.
    if (overlap > 0) total += (counts[g]! * overlap) / 5;
  }
  if (hi < OPEN_GROUP_FROM) return total;
  if (lo > OPEN_GROUP_FROM || hi < OPEN_AGE_END) return null;
  return total + counts[counts.length - 1]!;
}

const agesText = (lo: number, hi: number) =>
  hi >= OPEN_AGE_END
    ? lo === 0
      ? ''
      : ` (people aged ${lo} and over)`
    : ` (people aged ${lo} to ${hi})`;

export interface AgeComparison {
  /** The programme's bands against the census; null when age cannot be compared. */
  dimension: ReferenceDimension | null;
  /** What a reader should know: bands estimated, left out, or why age is not compared. */
  notes: string[];
}

/**
 * The census's age groups gathered into the programme's own bands (read from each answer's id
 * or label, such as "25-49" or "80 and over"), each as a share of everyone in the bands
 * compared. Bands that cannot be read are left out and named; overlapping bands, or bands that
 * divide the census's open last group, leave age out of the comparison with the reason.
 */
export function censusAgeDimension(
  field: DemographicFieldDef,
  counts: FiveYearCounts,
): AgeComparison {
  const notes: string[] = [];
  const bands: { id: string; label: string; lo: number; hi: number }[] = [];
  for (const o of field.options) {
    const years = ageBandYears(o);
    if (years) bands.push({ id: o.id, label: o.label, lo: years[0], hi: years[1] });
    else
      notes.push(
        `"${o.label}" is not a range of ages (such as "25-49" or "80 and over"), so the people who chose it are not compared with the census.`,
      );
  }
  const sorted = [...bands].sort((a, b) => a.lo - b.lo);
  for (let i = 1; i < sorted.length; i += 1) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.lo <= a.hi)
      return {
        dimension: null,
        notes: [
          ...notes,
          `Age is not compared with the census: "${a.label}" and "${b.label}" overlap.`,
        ],
      };
  }
  const people = bands.map((b) => peopleAged(counts, b.lo, b.hi));
  const cut = bands.filter((_, i) => people[i] === null);
  if (cut.length > 0)
    return {
      dimension: null,
      notes: [
        ...notes,
        `Age is not compared with the census: its five-year table ends with one group, "85 and over", which ${cut.map((b) => `"${b.label}"`).join(' and ')} would divide. A local reference can hold these bands.`,
      ],
    };
  if (bands.length < 2)
    return {
      dimension: null,
      notes: [
        ...notes,
        'Age is not compared with the census: fewer than two bands are ranges of ages.',
      ],
    };
  const split = bands.filter(
    (b) => b.lo % 5 !== 0 || (b.hi < OPEN_GROUP_FROM && (b.hi + 1) % 5 !== 0),
  );
  if (split.length > 0)
    notes.push(
      `The census counts ages in five-year groups, so ${split.map((b) => `"${b.label}"`).join(' and ')} ${split.length === 1 ? 'is' : 'are'} estimated by sharing a group evenly between its years.`,
    );
  // Tenths of a percent that add up to exactly 100.0.
  const percents = largestRemainderPercentages(people as number[], 1000).map((t) => t / 10);
  const lo = sorted[0]!.lo;
  const hi = sorted[sorted.length - 1]!.hi;
  return {
    dimension: {
      fieldId: field.id,
      label: `${field.label}${agesText(lo, hi)}`.slice(0, 80),
      categories: bands.map((b, i) => ({
        id: b.id,
        label: b.label,
        percent: percents[i]!,
        answers: [b.id],
      })),
    },
    notes,
  };
}
