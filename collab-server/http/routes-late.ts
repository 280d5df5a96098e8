import { z } from 'zod';
import { LatePolicies, MAX_LATE_DAYS } from '../store/late-policy.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

export const latePolicyRequestSchema = z
  .object({
    days: z
      .number({ error: 'Give a whole number of days.' })
      .int('Give a whole number of days.')
      .min(0, 'Give 0 or more days.')
      .max(MAX_LATE_DAYS, `At most ${MAX_LATE_DAYS} days.`),
  })
  .strict();

/**
 * A session's late-contributions setting: how many days after close participants may still
 * send words (they arrive marked late). Facilitators only; every change is audited.
 */
export function addLateRoutes(router: Router, ctx: ApiContext): void {
  const policies = new LatePolicies(ctx.store.db);
  const path = new RegExp(`^/api/sessions/${ID}/late$`);
  const exists = (id: string) => {
    if (!ctx.store.records.getSession(id))
      throw new HttpError(404, 'not-found', 'There is no such session.');
  };

  router.add('GET', path, ({ req, res, url, params }) => {
    requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    exists(id);
    sendJson(res, 200, { ok: true, ...policies.get(id) });
  });

  router.add('PUT', path, async ({ req, res, url, params }) => {
    const who = requireRole(ctx, req, url, 'facilitator');
    const id = params[0] as string;
    exists(id);
    const parsed = latePolicyRequestSchema.safeParse(
      await readJson(req, ctx.limits.maxHttpBodyBytes),
    );
    if (!parsed.success)
      throw new HttpError(
        400,
        'invalid',
        parsed.error.issues[0]?.message ?? 'Give a number.',
        {},
        {
          path: 'days',
        },
      );
    ctx.store.transaction(() => {
      policies.setDays(id, parsed.data.days);
      ctx.store.audit(who.userId ?? 'desktop', 'session.late-policy', id, {
        days: parsed.data.days,
      });
    });
    sendJson(res, 200, { ok: true, ...policies.get(id) });
  });
}
