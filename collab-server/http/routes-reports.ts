import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  buildExportView,
  draftReportSection,
  draftThemeSummary,
} from '../../core/analysis/index.ts';
import { REPORT_SECTIONS, type ProgrammeSnapshot } from '../../core/index.ts';
import { formatIssues } from '../../core/snapshot/programme-file.ts';
import { exportSnapshot } from '../store/index.ts';
import { type ApiContext, requireRole } from './api-context.ts';
import type { ExportFile } from './exporters.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/** One picture the report editor offers to download on its own. */
export interface PictureListing {
  key: string;
  title: string;
  kind: 'cloud' | 'chart';
}

export interface BuildProgress {
  stage: string;
  done: number;
  total: number;
}

/**
 * What the exports module does for the report editor, passed in by the composition root (the
 * CLI's serve) so that collab-server does not depend on exports/.
 */
export interface ReportServices {
  buildReport(
    snapshot: ProgrammeSnapshot,
    options: { wordTables: boolean },
    onProgress: (p: BuildProgress) => void,
  ): Promise<ExportFile>;
  listPictures(snapshot: ProgrammeSnapshot): PictureListing[];
  picture(
    snapshot: ProgrammeSnapshot,
    key: string,
    type: 'png' | 'svg',
  ): Promise<ExportFile | null>;
}

interface Build {
  id: string;
  programmeId: string;
  progress: BuildProgress;
  file: ExportFile | null;
  error: string | null;
  finishedAt: number | null;
}

/** Builds are kept this long after they finish, for the download that follows. */
const KEEP_MS = 10 * 60 * 1000;
const MAX_BUILDS = 20;

const buildRequestSchema = z.object({ wordTables: z.boolean().default(false) }).strict();

function sendFile(res: Parameters<typeof sendJson>[0], file: ExportFile): void {
  const body = typeof file.body === 'string' ? Buffer.from(file.body) : Buffer.from(file.body);
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': body.byteLength,
    'Content-Disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9_.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * The report editor's endpoints: drafts for empty sections, the programme report built in the
 * background with its progress to poll (a report with every cloud takes seconds), and each chart
 * and cloud on its own.
 */
export function addReportRoutes(router: Router, ctx: ApiContext, services?: ReportServices): void {
  const builds = new Map<string, Build>();
  const snapshotOf = async (id: string) => {
    if (!ctx.store.records.hasProgramme(id))
      throw new HttpError(404, 'not-found', 'There is no such programme.');
    const snapshot = exportSnapshot(ctx.store, id);
    // Nothing leaves the server before it is durable.
    await ctx.committer.synced();
    return snapshot;
  };
  const need = (): ReportServices => {
    if (!services)
      throw new HttpError(503, 'unavailable', 'This server was started without report exports.');
    return services;
  };
  const prune = () => {
    const now = Date.now();
    for (const [k, b] of builds) {
      if (b.finishedAt !== null && now - b.finishedAt > KEEP_MS) builds.delete(k);
    }
  };

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/report/drafts$`),
    async ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const view = buildExportView(await snapshotOf(params[0] as string));
      sendJson(res, 200, {
        sections: Object.fromEntries(REPORT_SECTIONS.map((k) => [k, draftReportSection(view, k)])),
        themes: Object.fromEntries(
          [...view.themes.keys()].map((id) => [id, draftThemeSummary(view, id)]),
        ),
      });
    },
  );

  router.add(
    'POST',
    new RegExp(`^/api/programmes/${ID}/report/builds$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const parsed = buildRequestSchema.safeParse(await readJson(req, ctx.limits.maxHttpBodyBytes));
      if (!parsed.success)
        throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
      const svc = need();
      const programmeId = params[0] as string;
      const snapshot = await snapshotOf(programmeId);
      prune();
      if ([...builds.values()].filter((b) => b.finishedAt === null).length >= MAX_BUILDS)
        throw new HttpError(429, 'busy', 'Too many reports are being built; try again shortly.');
      const build: Build = {
        id: randomUUID(),
        programmeId,
        progress: { stage: 'starting', done: 0, total: 1 },
        file: null,
        error: null,
        finishedAt: null,
      };
      builds.set(build.id, build);
      ctx.store.audit(who.userId ?? 'desktop', 'report.build', programmeId, parsed.data);
      // Started after the reply, so the page can show the bar from the first stage.
      setImmediate(() => {
        svc
          .buildReport(snapshot, parsed.data, (p) => {
            build.progress = p;
          })
          .then(
            (file) => {
              build.file = file;
            },
            (e: Error) => {
              build.error = e.message;
              ctx.log.error('report.build.failed', { message: e.message });
            },
          )
          .finally(() => {
            build.finishedAt = Date.now();
          });
      });
      sendJson(res, 202, { id: build.id });
    },
  );

  const buildOf = (programmeId: string, id: string) => {
    const b = builds.get(id);
    if (!b || b.programmeId !== programmeId)
      throw new HttpError(404, 'not-found', 'There is no such report build; start it again.');
    return b;
  };

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/report/builds/([0-9a-f-]{36})$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const b = buildOf(params[0] as string, params[1] as string);
      sendJson(res, 200, {
        ...b.progress,
        ready: b.file !== null,
        error: b.error,
        filename: b.file?.filename ?? null,
      });
    },
  );

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/report/builds/([0-9a-f-]{36})/file$`),
    ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const b = buildOf(params[0] as string, params[1] as string);
      if (!b.file) throw new HttpError(409, 'not-ready', 'The report is still being built.');
      ctx.store.audit(who.userId ?? 'desktop', 'export.download', b.programmeId, {
        name: 'programme-report.docx',
      });
      sendFile(res, b.file);
    },
  );

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/pictures$`),
    async ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator', 'observer');
      sendJson(res, 200, { pictures: need().listPictures(await snapshotOf(params[0] as string)) });
    },
  );

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/pictures/([a-z0-9-]{1,120})\\.(png|svg)$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator', 'observer');
      const [id, key, type] = params as [string, string, 'png' | 'svg'];
      const file = await need().picture(await snapshotOf(id), key, type);
      if (!file) throw new HttpError(404, 'not-found', `There is no picture called ${key}.`);
      ctx.store.audit(who.userId ?? 'desktop', 'export.download', id, { name: `${key}.${type}` });
      sendFile(res, file);
    },
  );
}
