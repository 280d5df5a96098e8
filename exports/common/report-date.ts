import type { ProgrammeSnapshot } from '../../core/index.ts';

/**
 * The date a report carries when the caller gives none: the programme's end date, or else its
 * last session. Derived from the data rather than the clock, so the same snapshot always gives
 * the same file.
 */
export function defaultReportDate(snapshot: ProgrammeSnapshot): Date {
  const dates = [
    snapshot.programme.endDate,
    ...snapshot.sessions.map((s) => s.session.date),
  ].filter((d): d is string => d !== null);
  const latest = dates.sort().at(-1) ?? '2000-01-01';
  return new Date(`${latest}T12:00:00.000Z`);
}

/** "14 March 2026", as UK reports write dates. */
export function formatDate(date: Date | string): string {
  const d =
    typeof date === 'string' ? new Date(date.length === 10 ? `${date}T12:00:00Z` : date) : date;
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
