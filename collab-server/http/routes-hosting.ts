import { formatIssues, retentionPolicySchema } from '../../core/index.ts';
import { auditFilterSchema, queryAudit } from '../governance/audit-query.ts';
import { gatherSubjectAccess } from '../governance/subject-access.ts';
import { RetentionRecords } from '../governance/retention-records.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

export interface HostingRouteOptions {
  /** Today, for what expires when (the expiry job reads the same clock). */
  clock: () => Date;
}

/** Information governance endpoints: retention periods, what expires when, subject access. */
export function addHostingRoutes(
  router: Router,
  ctx: ApiContext,
  options: HostingRouteOptions,
): void {
  const retention = new RetentionRecords(ctx.store.db);
  const programmeOr404 = (id: string) => {
    if (!ctx.store.records.hasProgramme(id))
      throw new HttpError(404, 'not-found', 'There is no such programme.');
  };
  const view = (id: string) => ({
    ok: true,
    policy: retention.policy(id),
    schedule: retention.schedule(id, options.clock().toISOString().slice(0, 10)),
  });

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/retention$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(id);
      sendJson(res, 200, view(id));
    },
  );

  router.add(
    'PUT',
    new RegExp(`^/api/programmes/${ID}/retention$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(id);
      const parsed = retentionPolicySchema.safeParse(
        await readJson(req, ctx.limits.maxHttpBodyBytes),
      );
      if (!parsed.success)
        throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
      ctx.store.transaction(() => {
        retention.setPolicy(id, parsed.data, who.userId ?? 'desktop', options.clock());
        ctx.store.audit(who.userId ?? 'desktop', 'retention.set', id, parsed.data);
      });
      sendJson(res, 200, view(id));
    },
  );

  // A subject access request: everything held about one person, as one file. Exporting personal
  // data is itself written to the audit log.
  router.add(
    'GET',
    new RegExp(`^/api/participants/${ID}/export$`),
    async ({ req, res, url, params }) => {
      const who = requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      // Read once everything committed so far is on disk, as downloads are.
      await ctx.committer.synced();
      const report = gatherSubjectAccess(ctx.store, id, options.clock());
      if (!report) throw new HttpError(404, 'not-found', 'There is no such participant.');
      ctx.store.audit(who.userId ?? 'desktop', 'participant.export', id, {
        programme: report.programme.id,
      });
      sendJson(res, 200, report, {
        'Content-Disposition': `attachment; filename="subject-access-${id}.json"`,
      });
    },
  );

  // The audit log of one programme: what was done to it, its sessions and its people, by whom.
  router.add('GET', new RegExp(`^/api/programmes/${ID}/audit$`), ({ req, res, url, params }) => {
    requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    programmeOr404(id);
    const filter = auditFilterSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!filter.success) throw new HttpError(400, 'invalid', formatIssues(filter.error).join('; '));
    sendJson(res, 200, { ok: true, entries: queryAudit(ctx.store, filter.data, id) });
  });
}
