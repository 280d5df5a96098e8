import type {
  CloudScope,
  ExportView,
  KeyThemeTable,
  Statement,
} from '../../core/analysis/index.ts';
import {
  selectQuotes,
  distinctWording,
  statementSource,
  themeFindings,
  themeReflectOutcomes,
} from '../../core/analysis/index.ts';
import { POLARITY_LABELS, writtenText } from '../../core/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, bullets, heading, leadIn, para, prose, quote, table } from './blocks.ts';
import { writtenSection } from './programme-front.ts';
import type { FigureCounter } from './programme-demographics.ts';
import { cloudBlocks } from './pictures.ts';
import { type ReportData, plural } from './programme-context.ts';

/** A merged statement as a line: its words, then who said it when that tells the reader something. */
export function statementLine(s: Statement): string {
  const source = statementSource(s);
  return source === null ? s.text : `${s.text} (${source})`;
}

/**
 * Findings: the overall clouds, then for each theme, in the reference report's order, the
 * questions asked about it, what people want, what they do NOT want, their own words, the
 * facilitator's summary and what the group confirmed or amended when it was read back.
 */
export function findings(
  data: ReportData,
  clouds: readonly CloudScope[],
  figures: FigureCounter,
  wordTables: Block[] | null,
): Block[] {
  const { view, table: kt } = data;
  const out: Block[] = [heading('Findings', 1, true)];
  for (const scope of clouds) {
    const { picture, words } = cloudBlocks(
      scope,
      figures.next(),
      wordTables !== null ? 'appendix' : null,
    );
    out.push(...picture);
    if (wordTables && words.length > 0) wordTables.push(heading(scope.title, 2), ...words);
  }
  for (const row of kt.rows) {
    const f = data.findings.get(row.theme.id);
    if (!f) continue;
    out.push(heading(row.path, 2));
    if (f.questions.length > 0) out.push(heading('Questions asked', 3), ...bullets(f.questions));
    const column = (title: string, list: readonly Statement[]) =>
      list.length > 0 ? [heading(title, 3), ...bullets(list.map(statementLine))] : [];
    out.push(...column(POLARITY_LABELS.want, f.want));
    out.push(...column(POLARITY_LABELS['do-not-want'], f.doNotWant));
    out.push(...column(POLARITY_LABELS.neutral, f.other));
    const quotes = distinctWording(selectQuotes(view, { themeId: row.theme.id, limit: 12 })).slice(
      0,
      4,
    );
    if (quotes.length > 0) {
      out.push(heading('In their words', 3));
      for (const q of quotes) out.push(...quote(q.text, q.attribution));
    }
    const summary = writtenText(data.text.themeSummaries[row.theme.id]);
    if (summary !== null) out.push(heading('Summary', 3), ...prose(summary));
    const outcomes = themeReflectOutcomes(view, row.theme.id);
    if (outcomes.length > 0) {
      out.push(heading('Read back to the group', 3));
      for (const o of outcomes) {
        out.push(
          o.status === 'confirmed'
            ? para(
                { bold: 'Confirmed: ' },
                `“${o.readBack}” (${o.sessionTitle}, ${formatDate(o.at)})`,
              )
            : para(
                { bold: 'Amended: ' },
                `“${o.readBack}” became “${o.wording}” (${o.sessionTitle}, ${formatDate(o.at)})`,
              ),
        );
      }
    }
  }
  if (kt.untagged > 0) {
    out.push(
      para(
        `${plural(kt.untagged, 'note')} had no theme; ${kt.untagged === 1 ? 'it is' : 'they are'} in the coded notes export.`,
      ),
    );
  }
  return out;
}

/** The cells of the key theme table: the first few statements, then how many more. */
function cellStatements(list: readonly Statement[], perCell: number): string[] {
  const shown = list.slice(0, perCell).map(statementLine);
  const more = list.length - perCell;
  return more > 0
    ? [...shown, `and ${more} more ${more === 1 ? 'statement' : 'statements'} in the findings`]
    : shown;
}

/** The key theme table as a Word table, counting the group's words as the group's. */
export function keyThemeTableBlock(
  view: ExportView,
  kt: KeyThemeTable,
  options: { perCell?: number; sessionId?: string; width?: number } = {},
): Block {
  const perCell = options.perCell ?? Number.POSITIVE_INFINITY;
  return table(
    ['Theme', 'Statements', POLARITY_LABELS.want, POLARITY_LABELS['do-not-want']],
    kt.rows.map((r) => {
      const f = themeFindings(view, r.theme.id, options.sessionId);
      return [
        r.path,
        voicesCell(f.voices),
        cellStatements(f.want, perCell),
        cellStatements(f.doNotWant, perCell),
      ];
    }),
    [0.18, 0.14, 0.34, 0.34],
    options.width,
  );
}

function voicesCell(v: { statements: number; groupStatements: number; people: number }): string {
  const own = v.statements - v.groupStatements;
  const lines = [`${v.statements}`];
  if (v.groupStatements > 0) lines.push(`${v.groupStatements} from the group`);
  if (own > 0) lines.push(`${own} from ${plural(v.people, 'person', 'people')}`);
  return lines.join('\n');
}

export function summaryOfFindings(data: ReportData): Block[] {
  const out: Block[] = [heading('Summary of findings', 1, true)];
  const words = writtenText(data.text.summaryOfFindings);
  if (words !== null) out.push(...prose(words));
  if (data.table.rows.length > 0) {
    out.push(
      heading('Key theme table', 2),
      leadIn(
        'What people want to see beside what they do NOT want to see, for every theme; each cell shows the first three statements and the findings list them all.',
      ),
      keyThemeTableBlock(data.view, data.table, { perCell: 3 }),
    );
  }
  const debriefs = [...data.view.sessions.values()].filter(
    (s) => s.debrief.summary.trim() !== '' || s.debrief.keyMessages.length > 0,
  );
  if (debriefs.length > 0) {
    out.push(heading('From the session debriefs', 2));
    for (const s of debriefs) {
      out.push(heading(s.session.title, 3));
      if (s.debrief.summary.trim() !== '') out.push(...prose(s.debrief.summary));
      out.push(...bullets(s.debrief.keyMessages));
    }
  }
  return out.length === 1 ? [] : out;
}

/** Next steps: the facilitator's words, then the actions still open, short and long term. */
export function nextSteps(data: ReportData): Block[] {
  const out: Block[] = [...writtenSection('Next steps', data.text.nextSteps)];
  const open = data.view.snapshot.actions.filter(
    (a) => a.status !== 'done' && a.status !== 'not-doing',
  );
  if (open.length === 0) return out;
  if (out.length === 0) out.push(heading('Next steps', 1, true));
  for (const term of ['short', 'long'] as const) {
    const list = open.filter((a) => a.term === term);
    if (list.length === 0) continue;
    out.push(heading(term === 'short' ? 'Short term' : 'Long term', 2));
    out.push(
      table(
        ['What we will do', 'Owner', 'Due', 'Status'],
        list.map((a) => [
          a.done || a.heard,
          a.owner || 'Not assigned',
          a.due ? formatDate(a.due) : 'Not set',
          statusLabel(a.status),
        ]),
        [0.52, 0.18, 0.15, 0.15],
      ),
    );
  }
  return out;
}

export function statusLabel(status: string): string {
  return (
    { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'not-doing': 'Not doing' }[
      status
    ] ?? status
  );
}

export function youSaidWeDid(data: ReportData): Block[] {
  const actions = data.view.snapshot.actions;
  if (actions.length === 0) return [];
  return [
    heading('Appendix A: You said, we did', 1, true),
    table(
      ['You said', 'We did', 'Status', 'Owner', 'Due'],
      actions.map((a) => [
        a.heard,
        a.done,
        statusLabel(a.status),
        a.owner,
        a.due ? formatDate(a.due) : '',
      ]),
      [0.3, 0.32, 0.12, 0.14, 0.12],
    ),
  ];
}
