import type { CloudScope, KeyThemeTable } from '../../core/analysis/index.ts';
import { contributorsPhrase, selectQuotes, tallyDemographics } from '../../core/analysis/index.ts';
import { POLARITY_LABELS } from '../../core/index.ts';
import { attendanceChart, demographicCharts } from '../charts/index.ts';
import { formatDate } from '../common/report-date.ts';
import { type Block, bullets, heading, para, quote, table } from './blocks.ts';
import { chartBlocks, cloudBlocks } from './pictures.ts';
import { type ReportData, plural, themeQuestions, themeSummary } from './programme-context.ts';

/** Numbers figures in the order they appear. */
export class FigureCounter {
  private n = 0;
  next(): string {
    this.n += 1;
    return `Figure ${this.n}`;
  }
}

export function demographics(data: ReportData, figures: FigureCounter): Block[] {
  const tally = tallyDemographics(data.view.snapshot);
  const out: Block[] = [
    heading('Demographics', 1, true),
    para(
      `These figures describe ${tally.basis} (n = ${tally.n}). Percentages are rounded so that each question adds up to 100%.`,
    ),
  ];
  const charts = new Map(demographicCharts(tally).map((c) => [c.key, c]));
  for (const field of tally.fields) {
    out.push(heading(field.label, 2));
    const chart = charts.get(`chart-demographics-${field.field.toLowerCase()}`);
    if (chart) out.push(...chartBlocks(chart, figures.next()));
    out.push(
      table(
        ['Answer', 'People', 'Percent'],
        [
          ...field.rows.map((r) => [r.label, r.count, `${r.percent}%`]),
          ['Total', field.n, field.n > 0 ? '100%' : '0%'],
        ],
        [0.6, 0.2, 0.2],
      ),
    );
  }
  out.push(heading('Attendance', 2));
  out.push(...chartBlocks(attendanceChart(data.attendance), figures.next()));
  out.push(
    table(
      ['Session', 'Date', 'Registered', 'Attended', 'Came without registering'],
      data.attendance.map((a) => [
        a.session.title,
        formatDate(a.session.date),
        a.registered,
        a.attended,
        a.walkIns,
      ]),
      [0.36, 0.2, 0.14, 0.14, 0.16],
    ),
  );
  return out;
}

/** Findings: the overall clouds, then for each theme its questions, both columns, quotes and a summary. */
export function findings(
  data: ReportData,
  clouds: readonly CloudScope[],
  figures: FigureCounter,
  wordTables: Block[],
): Block[] {
  const { view, table: kt } = data;
  const out: Block[] = [
    heading('Findings', 1, true),
    para(
      `The findings follow the ${plural(kt.rows.length, 'theme')} notes were tagged into. For each theme: the questions people were asked, what they want to see, what they do NOT want to see, their own words, and a short summary. Identical notes are listed once.`,
    ),
  ];
  for (const scope of clouds) {
    const { picture, words } = cloudBlocks(scope, figures.next());
    out.push(...picture);
    if (words.length > 0) wordTables.push(heading(scope.title, 2), ...words);
  }
  for (const row of kt.rows) {
    out.push(heading(row.path, 2));
    const questions = themeQuestions(view, row.theme.id);
    if (questions.length > 0) out.push(heading('Questions asked', 3), ...bullets(questions));
    out.push(heading(POLARITY_LABELS.want, 3));
    out.push(...(row.want.length > 0 ? bullets(row.want) : [para('Nothing was recorded.')]));
    out.push(heading(POLARITY_LABELS['do-not-want'], 3));
    out.push(
      ...(row.doNotWant.length > 0 ? bullets(row.doNotWant) : [para('Nothing was recorded.')]),
    );
    if (row.other.length > 0) out.push(heading(POLARITY_LABELS.neutral, 3), ...bullets(row.other));
    const quotes = selectQuotes(view, { themeId: row.theme.id, limit: 4 });
    if (quotes.length > 0) {
      out.push(heading('In their words', 3));
      for (const q of quotes) out.push(...quote(q.text, q.attribution));
    }
    out.push(heading('Summary', 3), para(themeSummary(view, row)));
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
function cellStatements(list: readonly string[], perCell: number): string[] {
  const shown = list.slice(0, perCell);
  const more = list.length - perCell;
  return more > 0
    ? [...shown, `and ${more} more ${more === 1 ? 'statement' : 'statements'} in the findings`]
    : shown;
}

/** The key theme table as a Word table. */
export function keyThemeTableBlock(kt: KeyThemeTable, perCell = Number.POSITIVE_INFINITY): Block {
  return table(
    ['Theme', 'Notes', POLARITY_LABELS.want, POLARITY_LABELS['do-not-want']],
    kt.rows.map((r) => [
      r.path,
      `${r.counts.total} ${contributorsPhrase(r.contributors)}`,
      cellStatements(r.want, perCell),
      cellStatements(r.doNotWant, perCell),
    ]),
    [0.18, 0.12, 0.35, 0.35],
  );
}

export function summaryOfFindings(data: ReportData): Block[] {
  return [
    heading('Summary of findings', 1, true),
    para(
      'The key theme table puts what people want to see beside what they do NOT want to see, for every theme. Each cell shows the first three statements; the findings list them all.',
    ),
    keyThemeTableBlock(data.table, 3),
  ];
}

export function conclusions(data: ReportData): Block[] {
  const { view, table: kt } = data;
  const top = [...kt.rows].sort((a, b) => b.counts.total - a.counts.total).slice(0, 3);
  const confirmed = [...view.sessions.values()].filter((s) => s.debrief.confirmedWithGroup).length;
  const out: Block[] = [heading('Conclusions', 1, true)];
  if (top.length > 0) {
    out.push(
      para(
        `What people raised most was ${top.map((r) => r.theme.name).join(', ')}. ` +
          top
            .map((r) => {
              const first = r.doNotWant[0] ?? r.want[0];
              return first
                ? `On ${r.theme.name.toLowerCase()}, one note sums it up: “${first}”`
                : '';
            })
            .filter(Boolean)
            .join(' '),
      ),
    );
  }
  out.push(
    para(
      `What was heard was read back to the groups: ${confirmed} of ${plural(view.sessions.size, 'session')} confirmed with their group that the debrief reflected what they said.`,
    ),
  );
  const summaries = [...view.sessions.values()].filter((s) => s.debrief.summary.trim() !== '');
  for (const s of summaries)
    out.push(para({ bold: `${s.session.title}: ` }, s.debrief.summary.trim()));
  return out;
}

export function nextSteps(data: ReportData): Block[] {
  const open = data.view.snapshot.actions.filter(
    (a) => a.status !== 'done' && a.status !== 'not-doing',
  );
  const out: Block[] = [heading('Next steps', 1, true)];
  if (open.length === 0) return [...out, para('Every action recorded so far is complete.')];
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
  const out: Block[] = [heading('Appendix A: You said, we did', 1, true)];
  if (actions.length === 0) return [...out, para('No actions have been recorded yet.')];
  out.push(
    table(
      ['You said', 'We did', 'Status', 'Owner', 'Due'],
      actions.map((a) => [
        a.heard,
        a.done,
        statusLabel(a.status),
        a.owner,
        a.due ? formatDate(a.due) : '',
      ]),
      [0.3, 0.34, 0.12, 0.12, 0.12],
    ),
  );
  return out;
}
