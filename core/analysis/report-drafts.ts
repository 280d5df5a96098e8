import type { ReportSection } from '../model/index.ts';
import { sortThemes } from '../model/index.ts';
import { attendanceApplies, attendanceBySession } from './attendance.ts';
import type { ExportView } from './export-view.ts';
import { type Statement, themeFindings, voicesLabel } from './report-findings.ts';

/*
 * Drafts a facilitator may start from when a section of the report is empty. They are built
 * from the data (counts, the statements said most) and offered in the report editor only: the
 * report itself never prints a draft, so nothing generated reads as if a person wrote it.
 */

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Statements said by the most people first, then the group's, then in the order said. */
function mostSaid(list: readonly Statement[], limit: number): Statement[] {
  return [...list]
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        b.s.people - a.s.people ||
        Number(b.s.fromGroup) - Number(a.s.fromGroup) ||
        b.s.noteIds.length - a.s.noteIds.length ||
        a.i - b.i,
    )
    .slice(0, limit)
    .map((x) => x.s);
}

function themesByWeight(view: ExportView) {
  return sortThemes([...view.themes.values()])
    .map((t) => ({ theme: t, f: themeFindings(view, t.id) }))
    .filter((x) => x.f.voices.statements > 0)
    .sort((a, b) => b.f.voices.statements - a.f.voices.statements);
}

function facts(view: ExportView) {
  const attendance = attendanceBySession(view.snapshot).filter((a) => attendanceApplies(a.session));
  const people = view.snapshot.participants.filter((p) => p.attendance.some((a) => a.attended));
  const cohorts = [...new Set(attendance.map((a) => a.session.cohort).filter((c) => c !== ''))];
  return {
    attendance,
    people: people.length,
    quotable: people.filter((p) => p.consent.quoteAnonymously.given).length,
    registered: attendance.reduce((a, r) => a + r.registered, 0),
    cohorts,
  };
}

/** A draft of one theme's summary: how much was said, and what was said most. */
export function draftThemeSummary(view: ExportView, themeId: string): string {
  const f = themeFindings(view, themeId);
  if (f.voices.statements === 0) return '';
  const lines = [`${voicesLabel(f.voices)}.`];
  const want = mostSaid(f.want, 2).map((s) => s.text);
  const not = mostSaid(f.doNotWant, 2).map((s) => s.text);
  if (want.length > 0) lines.push(`People want: ${want.join('; ')}.`);
  if (not.length > 0) lines.push(`People do not want: ${not.join('; ')}.`);
  return lines.join(' ');
}

/** A draft of one section of the report, or '' when the data has nothing to offer for it. */
export function draftReportSection(view: ExportView, key: ReportSection): string {
  const p = view.snapshot.programme;
  const x = facts(view);
  switch (key) {
    case 'introduction': {
      const who =
        x.cohorts.length > 0 ? ` with ${listWords(x.cohorts.map((c) => c.toLowerCase()))}` : '';
      const forWhom = p.commissioner ? ` for ${p.commissioner}` : '';
      return `${p.organisation} held ${n(x.attendance.length, 'session')}${who}${forWhom}.`;
    }
    case 'methodology':
      return [
        `We held ${n(x.attendance.length, 'session')}: ${x.attendance.map((a) => `${a.session.title} (${a.registered} registered, ${a.attended} attended)`).join('; ')}.`,
        `Everyone gave consent before taking part; ${x.quotable} of the ${n(x.people, 'person', 'people')} who attended agreed to be quoted without their name.`,
        'Recruitment: [how people heard about the sessions]. Incentives: [what was offered]. Consent: [how it was taken].',
      ].join('\n\n');
    case 'executiveSummary': {
      const top = themesByWeight(view).slice(0, 3);
      const lines = [
        `${n(x.people, 'person', 'people')} took part in ${n(x.attendance.length, 'session')}.${top.length > 0 ? ` The themes discussed most were ${listWords(top.map((t) => t.theme.name.toLowerCase()))}.` : ''}`,
      ];
      const points = top.flatMap((t) => mostSaid([...t.f.want, ...t.f.doNotWant], 1));
      if (points.length > 0) lines.push(points.map((s) => `- ${s.text}`).join('\n'));
      return lines.join('\n\n');
    }
    case 'summaryOfFindings':
      return themesByWeight(view)
        .map(({ theme, f }) => {
          const want = mostSaid(f.want, 1)[0]?.text;
          const not = mostSaid(f.doNotWant, 1)[0]?.text;
          const parts = [
            want ? `people want ${want.replace(/[.!]$/, '')}` : '',
            not ? `they do not want ${not.replace(/[.!]$/, '')}` : '',
          ].filter(Boolean);
          return parts.length > 0 ? `- ${theme.name}: ${parts.join('; ')}.` : '';
        })
        .filter(Boolean)
        .join('\n');
    case 'conclusions': {
      const top = themesByWeight(view).slice(0, 3);
      return top.length === 0
        ? ''
        : `What people raised most was ${listWords(top.map((t) => t.theme.name.toLowerCase()))}.`;
    }
    case 'nextSteps': {
      const open = view.snapshot.actions.filter(
        (a) => a.status === 'open' || a.status === 'in-progress',
      );
      return open.map((a) => `- ${a.done || a.heard}${a.owner ? ` (${a.owner})` : ''}`).join('\n');
    }
    case 'aboutOrganisation':
      return `${p.organisation}${p.region ? `, ${p.region}` : ''}. [What you do, and how to contact you.]`;
  }
}
