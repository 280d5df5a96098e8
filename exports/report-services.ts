import {
  attendanceApplies,
  attendanceBySession,
  buildExportView,
  cloudScopes,
  tallyDemographics,
} from '../core/analysis/index.ts';
import type { ProgrammeSnapshot } from '../core/index.ts';
import {
  attendanceChart,
  chartPng,
  demographicCharts,
  type RenderedChart,
} from './charts/index.ts';
import { cloudPng, renderCloud } from './cloud/index.ts';
import type { DownloadFile } from './downloads.ts';
import { DOCX } from './report-build.ts';
import { buildInWorker } from './report-worker-pool.ts';

function charts(snapshot: ProgrammeSnapshot): RenderedChart[] {
  const attendance = attendanceBySession(snapshot).filter((a) => attendanceApplies(a.session));
  return [
    ...demographicCharts(tallyDemographics(snapshot)),
    ...(attendance.length > 0 ? [attendanceChart(attendance)] : []),
  ];
}

/**
 * The report editor's documents (the shape collab-server's ReportServices expects): the
 * programme report with its progress, built in a worker thread so the server stays responsive, and every chart and cloud one by one, drawn by the same
 * code as the image export, so a picture downloaded alone is the one in the folder export.
 */
export const REPORT_SERVICES = {
  async buildReport(
    snapshot: ProgrammeSnapshot,
    options: { wordTables: boolean },
    onProgress: (p: { stage: string; done: number; total: number }) => void,
  ): Promise<DownloadFile> {
    const file = await buildInWorker(
      snapshot,
      { format: 'docx', wordTables: options.wordTables },
      onProgress,
    );
    return { contentType: DOCX, filename: file.filename, body: file.data };
  },

  listPictures(snapshot: ProgrammeSnapshot) {
    const view = buildExportView(snapshot);
    return [
      ...cloudScopes(view)
        .filter((s) => s.words.length > 0)
        .map((s) => ({ key: `cloud-${s.key}`, title: s.title, kind: 'cloud' as const })),
      ...charts(view.snapshot).map((c) => ({ key: c.key, title: c.title, kind: 'chart' as const })),
    ];
  },

  async picture(
    snapshot: ProgrammeSnapshot,
    key: string,
    type: 'png' | 'svg',
  ): Promise<DownloadFile | null> {
    const view = buildExportView(snapshot);
    const file = (data: string | Buffer) => ({
      contentType: type === 'svg' ? 'image/svg+xml' : 'image/png',
      filename: `${key}.${type}`,
      body: data,
    });
    const scope = cloudScopes(view).find((s) => `cloud-${s.key}` === key && s.words.length > 0);
    if (scope) {
      const cloud = renderCloud(scope);
      return file(type === 'svg' ? cloud.svg : cloudPng(cloud));
    }
    const chart = charts(view.snapshot).find((c) => c.key === key);
    return chart ? file(type === 'svg' ? chart.svg : chartPng(chart)) : null;
  },
};
