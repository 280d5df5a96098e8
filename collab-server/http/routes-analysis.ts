import { analysisPerson } from '../../core/analysis/live-analysis.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/**
 * What the analysis screens read beside the live documents. They rebuild the export view in the
 * page from the same code the exports use, and for that need each person's cohort and consents;
 * contact details and demographics are not sent.
 */
export function addAnalysisRoutes(router: Router, ctx: ApiContext): void {
  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/analysis/people$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      if (!ctx.store.records.hasProgramme(id))
        throw new HttpError(404, 'not-found', 'There is no such programme.');
      sendJson(res, 200, { ok: true, people: ctx.store.participants.list(id).map(analysisPerson) });
    },
  );
}
