import type {
  ExportView,
  KeyThemeRow,
  KeyThemeTable,
  SessionAttendance,
  ThemeFindings,
} from '../../core/analysis/index.ts';
import {
  attendanceApplies,
  attendanceBySession,
  buildKeyThemeTable,
  themeFindings,
} from '../../core/analysis/index.ts';
import { type ReportText, emptyReportText } from '../../core/index.ts';

/** What the programme report's sections read, worked out once. */
export interface ReportData {
  view: ExportView;
  table: KeyThemeTable;
  /** Every session, in date order. */
  sessions: SessionAttendance[];
  /** Sessions where registered and attended mean something (not planning meetings). */
  attendance: SessionAttendance[];
  /** People who attended at least one session. */
  attendedCount: number;
  registeredTotal: number;
  cohorts: string[];
  /** The facilitator's own words (redacted like all text); empty strings where none were written. */
  text: ReportText;
  findings: Map<string, ThemeFindings>;
}

export interface ReportRow {
  row: KeyThemeRow;
  findings: ThemeFindings;
}

export function reportData(view: ExportView): ReportData {
  const sessions = attendanceBySession(view.snapshot);
  const attendance = sessions.filter((a) => attendanceApplies(a.session));
  const cohorts = [
    ...new Set(
      [
        ...view.snapshot.sessions.map((s) => s.session.cohort),
        ...view.snapshot.participants.map((p) => p.cohort),
      ].filter((c) => c.trim() !== ''),
    ),
  ].sort();
  const table = buildKeyThemeTable(view);
  return {
    view,
    table,
    sessions,
    attendance,
    attendedCount: view.snapshot.participants.filter((p) => p.attendance.some((a) => a.attended))
      .length,
    registeredTotal: attendance.reduce((a, r) => a + r.registered, 0),
    cohorts,
    text: view.snapshot.report ?? emptyReportText(),
    findings: new Map(table.rows.map((r) => [r.theme.id, themeFindings(view, r.theme.id)])),
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
