import { Footer, PageNumber, Paragraph, AlignmentType, TextRun } from 'docx';
import type { ExportView } from '../../core/analysis/index.ts';
import { cloudScopes } from '../../core/analysis/index.ts';
import type { ProgressFn } from '../common/progress.ts';
import { progressTracker } from '../common/progress.ts';
import { type Block, heading, para } from './blocks.ts';
import { packDocument } from './document.ts';
import {
  contents,
  introduction,
  methodology,
  recommendations,
  titlePage,
  writtenSection,
} from './programme-front.ts';
import { reportData } from './programme-context.ts';
import { FigureCounter, demographics } from './programme-demographics.ts';
import { findings, nextSteps, summaryOfFindings, youSaidWeDid } from './programme-findings.ts';

export interface ProgrammeReportOptions {
  date: Date;
  onProgress?: ProgressFn;
  /** Appendix of every cloud's words with their counts; off unless asked for. */
  wordTables?: boolean;
}
function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${title}  ·  Page `, size: 18 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
        ],
      }),
    ],
  });
}

/**
 * The programme report for commissioners, as a .docx: title page, contents, introduction,
 * methodology, executive summary, recommendations, demographics, findings by theme, summary of
 * findings (the key theme table), conclusions, next steps and "you said, we did", with the
 * word tables that stand in for the clouds. Built from the export view, so already redacted.
 */
export async function programmeReportDocx(
  view: ExportView,
  options: ProgrammeReportOptions,
): Promise<Buffer> {
  const progress = progressTracker(6, options.onProgress);
  progress.step('analysing notes');
  const data = reportData(view);
  const clouds = cloudScopes(view).filter((c) => c.kind === 'programme' || c.kind === 'polarity');
  const figures = new FigureCounter();
  const wordTables: Block[] | null = options.wordTables === true ? [] : null;
  progress.step('drawing demographics and attendance charts');
  const demo = demographics(data, figures);
  progress.step('drawing word clouds and writing findings');
  const found = findings(data, clouds, figures, wordTables);
  progress.step('writing the rest of the report');
  const { text } = data;
  const body: Block[] = [
    ...introduction(data),
    ...methodology(data),
    ...writtenSection('Executive summary', text.executiveSummary),
    ...recommendations(data),
    ...demo,
    ...found,
    ...summaryOfFindings(data),
    ...writtenSection('Conclusions', text.conclusions),
    ...nextSteps(data),
    ...writtenSection('About us', text.aboutOrganisation),
    ...youSaidWeDid(data),
  ];
  if (wordTables && wordTables.length > 0) {
    body.push(
      heading(
        `Appendix ${data.view.snapshot.actions.length > 0 ? 'B' : 'A'}: Word tables`,
        1,
        true,
      ),
      para(
        'Every word in each word cloud, with how many times it was said: the same information as the pictures, for readers who cannot use them.',
      ),
      ...wordTables,
    );
  }
  progress.step('laying out pages');
  const title = view.snapshot.programme.title;
  const buffer = await packDocument(
    {
      title,
      subject: 'Engagement programme report',
      description: `Report of ${title} for ${view.snapshot.programme.commissioner || 'commissioners'}`,
      date: options.date,
    },
    [
      { children: [...titlePage(data, options.date)] },
      { children: [...contents(), ...body], footers: { default: footer(title) } },
    ],
    { pageNumbers: true },
  );
  progress.finish();
  return buffer;
}
