import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { formatIssues } from '../../core/index.ts';
import {
  grantMembership,
  listMembers,
  revokeMembership,
  UnknownProgrammeError,
} from '../auth/memberships.ts';
import {
  addFacilitator,
  getAccount,
  LastAdminError,
  listAccounts,
  newUserSchema,
  setAccountDisabled,
  setAccountRole,
  USER_ROLES,
  UserExistsError,
} from '../auth/users.ts';
import { auditFilterSchema, queryAudit } from '../governance/audit-query.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

/**
 * Accounts, programme memberships and the whole audit log: the administrator's screen (server
 * mode). Every change is audited with the administrator as its actor. Not under
 * `/api/programmes/`, so membership does not gate it: an administrator manages programmes they
 * are not themselves a member of (and reaching one's data still needs a membership).
 */
export function addAdminRoutes(router: Router, ctx: ApiContext): void {
  const requireAdmin = (req: IncomingMessage, url: URL): string => {
    if (ctx.mode !== 'server')
      throw new HttpError(404, 'not-found', 'Accounts exist in server mode only.');
    const who = requireRole(ctx, req, url, 'facilitator');
    if (!who.admin || who.userId === null)
      throw new HttpError(403, 'forbidden', 'This needs an administrator.');
    return who.userId;
  };
  const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
    const r = schema.safeParse(body);
    if (!r.success) throw new HttpError(400, 'invalid', formatIssues(r.error).join('; '));
    return r.data;
  };
  const accountOr404 = (id: string) => {
    const a = getAccount(ctx.store, id);
    if (!a) throw new HttpError(404, 'not-found', 'There is no such account.');
    return a;
  };
  const state = () => ({
    ok: true,
    accounts: listAccounts(ctx.store),
    programmes: ctx.store.records.listProgrammes().map((p) => ({
      id: p.id,
      title: p.title,
      organisation: p.organisation,
      members: listMembers(ctx.store, p.id).map((m) => m.userId),
    })),
  });

  router.add('GET', /^\/api\/admin$/, ({ req, res, url }) => {
    requireAdmin(req, url);
    sendJson(res, 200, state());
  });

  router.add('POST', /^\/api\/admin\/accounts$/, async ({ req, res, url }) => {
    const actor = requireAdmin(req, url);
    const input = parse(newUserSchema, await readJson(req, ctx.limits.maxHttpBodyBytes));
    try {
      const user = await addFacilitator(ctx.store, input, actor);
      sendJson(res, 201, { ...state(), id: user.id });
    } catch (e) {
      if (e instanceof UserExistsError)
        throw new HttpError(409, 'exists', e.message, {}, { field: 'email' });
      if (e instanceof UnknownProgrammeError) throw new HttpError(404, 'not-found', e.message);
      throw e;
    }
  });

  const accountChange = z
    .object({ role: z.enum(USER_ROLES).optional(), disabled: z.boolean().optional() })
    .strict()
    .refine((v) => v.role !== undefined || v.disabled !== undefined, 'send a role or disabled');
  router.add(
    'PATCH',
    new RegExp(`^/api/admin/accounts/${ID}$`),
    async ({ req, res, url, params }) => {
      const actor = requireAdmin(req, url);
      const id = params[0] as string;
      accountOr404(id);
      const change = parse(accountChange, await readJson(req, ctx.limits.maxHttpBodyBytes));
      try {
        if (change.role !== undefined) setAccountRole(ctx.store, id, change.role, actor);
        if (change.disabled !== undefined)
          setAccountDisabled(ctx.store, id, change.disabled, actor);
      } catch (e) {
        if (e instanceof LastAdminError) throw new HttpError(409, 'last-admin', e.message);
        throw e;
      }
      // Their open documents were allowed at the upgrade under the old account.
      ctx.gateway.recheckAccess();
      sendJson(res, 200, state());
    },
  );

  const memberPath = new RegExp(`^/api/admin/programmes/${ID}/members/${ID}$`);
  router.add('PUT', memberPath, ({ req, res, url, params }) => {
    const actor = requireAdmin(req, url);
    const [programmeId, userId] = params as [string, string];
    accountOr404(userId);
    try {
      grantMembership(ctx.store, programmeId, userId, actor);
    } catch (e) {
      if (e instanceof UnknownProgrammeError) throw new HttpError(404, 'not-found', e.message);
      throw e;
    }
    sendJson(res, 200, state());
  });
  router.add('DELETE', memberPath, ({ req, res, url, params }) => {
    const actor = requireAdmin(req, url);
    const [programmeId, userId] = params as [string, string];
    revokeMembership(ctx.store, programmeId, userId, actor);
    ctx.gateway.recheckAccess();
    sendJson(res, 200, state());
  });

  // The whole audit log, with the same filters as a programme's.
  router.add('GET', /^\/api\/admin\/audit$/, ({ req, res, url }) => {
    requireAdmin(req, url);
    const filter = auditFilterSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!filter.success) throw new HttpError(400, 'invalid', formatIssues(filter.error).join('; '));
    sendJson(res, 200, { ok: true, entries: queryAudit(ctx.store, filter.data) });
  });
}
