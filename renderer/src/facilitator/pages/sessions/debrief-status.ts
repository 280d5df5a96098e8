import { daysUntil, debriefDueDate, type Programme } from '../../../../../core/index.ts';
import { formatSessionDate } from './session-labels.ts';

export interface DebriefStatus {
  due: string;
  tone: 'done' | 'overdue' | 'soon' | 'later' | 'not-yet';
  text: string;
}

/** Today as YYYY-MM-DD on the facilitator's own calendar. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The debrief countdown a facilitator sees on the overview and the debrief screen. */
export function debriefStatus(
  session: { date: string; debriefConfirmedAt?: string | null | undefined },
  programme: Pick<Programme, 'debriefDueDays'>,
  today = localToday(),
): DebriefStatus {
  const due = debriefDueDate(session.date, programme);
  if (session.debriefConfirmedAt)
    return {
      due,
      tone: 'done',
      text: `Debrief confirmed with the group on ${formatSessionDate(session.debriefConfirmedAt.slice(0, 10))}`,
    };
  if (session.date > today)
    return { due, tone: 'not-yet', text: `Debrief due ${formatSessionDate(due)}` };
  const days = daysUntil(due, today);
  if (days < 0)
    return {
      due,
      tone: 'overdue',
      text: `Debrief overdue by ${-days} ${days === -1 ? 'day' : 'days'} (due ${formatSessionDate(due)})`,
    };
  if (days === 0) return { due, tone: 'soon', text: 'Debrief due today' };
  return {
    due,
    tone: days <= 3 ? 'soon' : 'later',
    text: `Debrief due in ${days} ${days === 1 ? 'day' : 'days'} (${formatSessionDate(due)})`,
  };
}
