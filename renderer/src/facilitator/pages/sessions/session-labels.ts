import type { Session } from '../../../../../core/index.ts';

export const STATUS_LABELS: Record<Session['status'], string> = {
  planned: 'Planned',
  open: 'Open for joining',
  closed: 'Closed',
};

/** "Tue 12 Jan 2027": read at a glance, and unambiguous in every English locale. */
export function formatSessionDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
