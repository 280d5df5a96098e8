import { z } from 'zod';
import { SESSION_COOKIE, credentialsOf, sameSecret } from '../auth/index.ts';
import { KeyedBuckets } from '../auth/throttle.ts';
import { checkLogin } from '../auth/users.ts';
import { principalOf, type ApiContext } from './api-context.ts';
import { HttpError, clientAddress, readJson, sendJson, type Router } from './http-kit.ts';

const loginSchema = z
  .object({ email: z.string().max(320), password: z.string().max(1000) })
  .strict();

/** The sign-in cookie: http-only (page scripts never see it) and SameSite=Strict (no CSRF). */
export function sessionCookie(ctx: ApiContext, token: string, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    ...(ctx.secureCookies ? ['Secure'] : []),
  ].join('; ');
}

export function addAuthRoutes(router: Router, ctx: ApiContext): void {
  // Wrong passwords: 10 at once per address, then one every 6 seconds.
  const failures = new KeyedBuckets(10, 1 / 6);

  router.add('POST', /^\/api\/auth\/login$/, async ({ req, res }) => {
    if (ctx.mode !== 'server')
      throw new HttpError(404, 'not-found', 'Accounts are used in server mode only.');
    const address = clientAddress(req, ctx.trustProxy);
    const wait = failures.waitMs(address, Date.now());
    if (wait > 0)
      throw new HttpError(429, 'rate-limited', 'Too many wrong passwords; wait a moment.', {
        'Retry-After': String(Math.ceil(wait / 1000)),
      });
    const body = loginSchema.safeParse(await readJson(req, ctx.limits.maxHttpBodyBytes));
    if (!body.success) throw new HttpError(400, 'invalid', 'Send an email and a password.');
    const user = await checkLogin(ctx.store, body.data.email, body.data.password);
    if (!user) {
      failures.take(address, Date.now());
      ctx.log.warn('auth.login-failed', { address });
      throw new HttpError(401, 'unauthorised', 'That email and password do not match an account.');
    }
    const { token } = ctx.auth.authSessions.create(user.id);
    ctx.store.audit(user.id, 'auth.login', user.id);
    sendJson(
      res,
      200,
      { ok: true, user: { name: user.name, email: user.email, role: user.role } },
      { 'Set-Cookie': sessionCookie(ctx, token, Math.floor(ctx.sessionLifetimeMs / 1000)) },
    );
  });

  router.add('POST', /^\/api\/auth\/logout$/, ({ req, res, url }) => {
    principalOf(ctx, req, url); // refuses a cross-site logout
    const creds = credentialsOf(req, url);
    if (creds) ctx.auth.authSessions.revoke(creds.token);
    sendJson(res, 200, { ok: true }, { 'Set-Cookie': sessionCookie(ctx, '', 0) });
  });

  // Desktop mode: the local app trades the per-launch secret for the same kind of cookie.
  router.add('POST', /^\/api\/auth\/desktop$/, async ({ req, res }) => {
    const secret = ctx.auth.desktopSecret;
    if (ctx.mode !== 'desktop' || !secret)
      throw new HttpError(404, 'not-found', 'Only the desktop app signs in this way.');
    const body = z
      .object({ secret: z.string().max(200) })
      .safeParse(await readJson(req, ctx.limits.maxHttpBodyBytes));
    if (!body.success || !sameSecret(body.data.secret, secret))
      throw new HttpError(401, 'unauthorised', 'That is not this launch’s secret.');
    sendJson(res, 200, { ok: true }, { 'Set-Cookie': sessionCookie(ctx, secret, 24 * 3600) });
  });

  // Which sign-in the app should offer: desktop mode never shows the account form.
  router.add('GET', /^\/api\/auth\/mode$/, ({ res }) => {
    sendJson(res, 200, { ok: true, mode: ctx.mode });
  });

  router.add('GET', /^\/api\/auth\/me$/, ({ req, res, url }) => {
    const p = principalOf(ctx, req, url);
    if (!p) throw new HttpError(401, 'unauthorised', 'Not signed in.');
    sendJson(res, 200, {
      ok: true,
      role: p.role,
      ...(p.role === 'participant'
        ? { sessionId: p.sessionId, participantId: p.participantId }
        : {
            name: p.name,
            ...(p.userId !== null ? { userId: p.userId } : {}),
            ...(p.role === 'facilitator' && p.admin ? { admin: true } : {}),
          }),
    });
  });
}
