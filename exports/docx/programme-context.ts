import type {
  ExportView,
  KeyThemeRow,
  KeyThemeTable,
  SessionAttendance,
} from '../../core/analysis/index.ts';
import {
  attendanceBySession,
  buildKeyThemeTable,
  countTerms,
  viewCloudTerms,
} from '../../core/analysis/index.ts';
import { stepQuestions } from '../../core/index.ts';

/** What the programme report's sections read, worked out once. */
export interface ReportData {
  view: ExportView;
  table: KeyThemeTable;
  attendance: SessionAttendance[];
  /** People who attended at least one session. */
  attendedCount: number;
  registeredTotal: number;
  cohorts: string[];
}

export function reportData(view: ExportView): ReportData {
  const attendance = attendanceBySession(view.snapshot);
  const cohorts = [
    ...new Set(
      [
        ...view.snapshot.sessions.map((s) => s.session.cohort),
        ...view.snapshot.participants.map((p) => p.cohort),
      ].filter((c) => c.trim() !== ''),
    ),
  ].sort();
  return {
    view,
    table: buildKeyThemeTable(view),
    attendance,
    attendedCount: view.snapshot.participants.filter((p) => p.attendance.some((a) => a.attended))
      .length,
    registeredTotal: attendance.reduce((a, r) => a + r.registered, 0),
    cohorts,
  };
}

/** The questions people were asked about a theme: its discussion steps, and the steps its notes answered. */
export function themeQuestions(view: ExportView, themeId: string): string[] {
  const out = new Set<string>();
  const stepIds = new Set(
    view.notes.filter((n) => n.note.themeIds.includes(themeId)).map((n) => n.note.stepId),
  );
  for (const rec of view.sessions.values()) {
    for (const step of rec.agenda) {
      const about = step.type === 'theme-discussion' && step.themeId === themeId;
      if (about || stepIds.has(step.id)) {
        for (const q of stepQuestions(step, rec.persona)) out.add(q);
      }
    }
  }
  return [...out];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A factual summary of one theme's row, written from the numbers. */
export function themeSummary(view: ExportView, row: KeyThemeRow): string {
  const { counts } = row;
  const model = viewCloudTerms(view);
  const indexes = view.notes.flatMap((n, i) => (n.note.themeIds.includes(row.theme.id) ? [i] : []));
  // The same words as the theme's cloud: the programme's phrases, less its stop list.
  const top = countTerms(model, indexes, { maxWords: 5, minCount: 2 }).map((w) => w.text);
  const parts = [
    `${plural(counts.total, 'note')} from ${plural(row.participants, 'person', 'people')} in ${plural(row.sessionIds.length, 'session')}:`,
    `${counts.want} about what people want to see, ${counts.doNotWant} about what they do not want to see` +
      (counts.other > 0 ? ` and ${plural(counts.other, 'other comment')}.` : '.'),
  ];
  if (top.length > 0) parts.push(`Words used most: ${top.join(', ')}.`);
  const description = row.theme.description.trim();
  return `${description ? `${description.replace(/\.?$/, '.')} ` : ''}${parts.join(' ')}`;
}

export { plural };
