import type { TrustedProxies } from '../server/proxy.ts';
import type { IncomingMessage } from 'node:http';
import type { AuthSessions } from '../auth/auth-sessions.ts';
import type { JoinCodes } from '../auth/join-codes.ts';
import type { ParticipantTokens } from '../auth/participant-tokens.ts';
import {
  credentialsOf,
  resolvePrincipal,
  sameOrigin,
  type Principal,
  type PrincipalResolverDeps,
} from '../auth/principal.ts';
import type { JoinThrottle } from '../auth/throttle.ts';
import type { ParticipantWriteService } from '../participant-writes/write-service.ts';
import type { Store } from '../store/index.ts';
import type { Limits } from '../server/limits.ts';
import type { Logger } from '../server/logger.ts';
import type { Committer } from '../sync/committer.ts';
import type { DocRegistry } from '../sync/doc-registry.ts';
import type { WsGateway } from '../sync/ws-gateway.ts';
import type { ExporterRegistry } from './exporters.ts';
import { HttpError } from './http-kit.ts';

/** Everything the HTTP routes use, passed in once. */
export interface ApiContext {
  mode: 'desktop' | 'server';
  store: Store;
  registry: DocRegistry;
  committer: Committer;
  gateway: WsGateway;
  auth: PrincipalResolverDeps & {
    authSessions: AuthSessions;
    participantTokens: ParticipantTokens;
  };
  codes: JoinCodes;
  joinThrottle: JoinThrottle;
  writes: ParticipantWriteService;
  exporters: ExporterRegistry;
  limits: Limits;
  log: Logger;
  /** The reverse proxies whose forwarded headers are believed. */
  trustProxy: TrustedProxies;
  secureCookies: boolean;
  sessionLifetimeMs: number;
  /** Base URL for join links (what participants' phones can reach). */
  publicUrl: () => string;
  startedAt: number;
}

/** The principal of an HTTP request, or null. Cookie-carried writes must come from our origin. */
export function principalOf(ctx: ApiContext, req: IncomingMessage, url: URL): Principal | null {
  const creds = credentialsOf(req, url);
  if (!creds) return null;
  if (creds.viaCookie && req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req))
    throw new HttpError(403, 'forbidden', 'Cross-site request refused.');
  return resolvePrincipal(ctx.auth, creds.token);
}

export function requireRole<R extends Principal['role']>(
  ctx: ApiContext,
  req: IncomingMessage,
  url: URL,
  ...roles: R[]
): Extract<Principal, { role: R }> {
  const p = principalOf(ctx, req, url);
  if (!p) throw new HttpError(401, 'unauthorised', 'Sign in first.');
  if (!(roles as string[]).includes(p.role))
    throw new HttpError(
      403,
      'forbidden',
      `This needs a ${roles.join(' or ')}; you are signed in as a ${p.role}.`,
    );
  return p as Extract<Principal, { role: R }>;
}
