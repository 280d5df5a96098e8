import type { ExportView } from '../core/analysis/index.ts';
import {
  attendanceApplies,
  attendanceBySession,
  cloudScopes,
  sessionCloud,
  tallyDemographics,
} from '../core/analysis/index.ts';
import { attendanceChart, chartPng, demographicCharts } from './charts/index.ts';
import { cloudPng, cloudWordsCsv, renderCloud } from './cloud/index.ts';
import type { ProgressFn } from './common/progress.ts';
import { toCsv } from './tables/csv.ts';

export type ImageSelection = 'all' | 'clouds' | 'charts';

/** One file of an image export: a name inside the output folder and its bytes. */
export interface NamedFile {
  name: string;
  data: string | Buffer;
}

/**
 * Every word cloud (programme, session, theme, cohort, polarity) and chart (demographics,
 * attendance) as SVG or PNG, each with a CSV beside it holding the same numbers: the table
 * alternative for readers who cannot use the picture. With a session, only that session's
 * cloud and the demographics of the people who attended it.
 */
export function imageFiles(
  view: ExportView,
  options: {
    type: 'svg' | 'png';
    images?: ImageSelection;
    sessionId?: string;
    onProgress?: ProgressFn;
  },
): NamedFile[] {
  const which = options.images ?? 'all';
  const scopes =
    which === 'charts'
      ? []
      : options.sessionId !== undefined
        ? [sessionCloud(view, options.sessionId)]
        : cloudScopes(view);
  const tally = tallyDemographics(view.snapshot, options.sessionId);
  const charts =
    which === 'clouds'
      ? []
      : [
          ...demographicCharts(tally),
          ...(options.sessionId === undefined
            ? [
                attendanceChart(
                  attendanceBySession(view.snapshot).filter((a) => attendanceApplies(a.session)),
                ),
              ]
            : []),
        ];
  const total = scopes.length + charts.length;
  const files: NamedFile[] = [];
  let done = 0;
  for (const scope of scopes) {
    options.onProgress?.({ stage: `word cloud: ${scope.title}`, done, total });
    files.push({ name: `cloud-${scope.key}-words.csv`, data: cloudWordsCsv(scope) });
    if (scope.words.length === 0) {
      done += 1;
      continue;
    }
    const cloud = renderCloud(scope);
    files.push({
      name: `cloud-${scope.key}.${options.type}`,
      data: options.type === 'svg' ? cloud.svg : cloudPng(cloud),
    });
    done += 1;
  }
  for (const chart of charts) {
    options.onProgress?.({ stage: `chart: ${chart.title}`, done, total });
    files.push({
      name: `${chart.key}.${options.type}`,
      data: options.type === 'svg' ? chart.svg : chartPng(chart),
    });
    done += 1;
  }
  if (charts.length > 0) {
    files.push({
      name: 'chart-demographics.csv',
      data: toCsv(
        ['Field', 'Answer', 'People', 'Percent', 'n'],
        tally.fields.flatMap((f) => f.rows.map((r) => [f.label, r.label, r.count, r.percent, f.n])),
      ),
    });
    if (options.sessionId === undefined) {
      files.push({
        name: 'chart-attendance.csv',
        data: toCsv(
          ['Session', 'Date', 'Registered', 'Attended', 'Came without registering'],
          attendanceBySession(view.snapshot)
            .filter((a) => attendanceApplies(a.session))
            .map((a) => [a.session.title, a.session.date, a.registered, a.attended, a.walkIns]),
        ),
      });
    }
  }
  options.onProgress?.({ stage: 'done', done: total, total });
  return files;
}
