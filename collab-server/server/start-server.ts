import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthSessions } from '../auth/auth-sessions.ts';
import { JoinCodes, type JoinCodeOptions } from '../auth/join-codes.ts';
import { ParticipantTokens } from '../auth/participant-tokens.ts';
import { mayReachProgramme, programmeOfDoc } from '../auth/memberships.ts';
import type { Principal } from '../auth/principal.ts';
import { sameSecret } from '../auth/secrets.ts';
import { newSecret } from '../auth/secrets.ts';
import { JoinThrottle, type JoinThrottleOptions } from '../auth/throttle.ts';
import type { ApiContext } from '../http/api-context.ts';
import { BUILTIN_EXPORTERS, type ExporterRegistry } from '../http/exporters.ts';
import { HttpError, Router, clientAddress, sendError, sendJson } from '../http/http-kit.ts';
import { guardProgrammeScope } from '../http/programme-scope.ts';
import { addAdminRoutes } from '../http/routes-admin.ts';
import { addAnalysisRoutes } from '../http/routes-analysis.ts';
import { addAuthRoutes, sessionCookie } from '../http/routes-auth.ts';
import { addFacilitatorRoutes } from '../http/routes-facilitator.ts';
import { addHostingRoutes } from '../http/routes-hosting.ts';
import { addJoinFormRoutes } from '../http/routes-join-form.ts';
import { addLateRoutes } from '../http/routes-late.ts';
import { addImportRoutes } from '../http/routes-imports.ts';
import { addParticipantRoutes } from '../http/routes-participant.ts';
import { addPlanRoutes } from '../http/routes-plan.ts';
import { EditAudit } from '../sync/edit-audit.ts';
import { addPeopleRoutes } from '../http/routes-people.ts';
import { RetentionExpiryJob } from '../governance/expiry-job.ts';
import { addRoomRoutes } from '../http/routes-room.ts';
import { addReportRoutes, type ReportServices } from '../http/routes-reports.ts';
import { addCloudsRoutes } from '../http/routes-clouds.ts';
import { PAGE_HEADERS, serveStatic } from '../http/static-files.ts';
import { StoreScrubber } from '../participant-writes/erase-participant.ts';
import { ParticipantWriteService } from '../participant-writes/write-service.ts';
import { Store, prepareDataFolder } from '../store/index.ts';
import { Committer } from '../sync/committer.ts';
import { DocRegistry } from '../sync/doc-registry.ts';
import { WsGateway } from '../sync/ws-gateway.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { Logger, stdoutSink } from './logger.ts';
import { lanAddress, urlHost } from './addresses.ts';
import { TrustedProxies, hostAllowed, parsePublicUrl } from './proxy.ts';

export interface ServerOptions {
  dataDir: string;
  port: number;
  host: string;
  mode: 'desktop' | 'server';
  /** Built renderer, served at / if present. */
  staticDir?: string;
  /** Structured log sink (JSON lines on stdout by default). */
  log?: (entry: Record<string, unknown>) => void;
  limits?: Partial<Limits>;
  joinCodes?: Partial<JoinCodeOptions>;
  joinThrottle?: Partial<JoinThrottleOptions>;
  /** Base URL put in join links; by default this machine's LAN address when listening on all. */
  publicUrl?: string;
  /**
   * Addresses of the reverse proxies in front of the server: only requests from these have their
   * X-Forwarded-For believed. With `publicUrl` also set, requests naming another host are refused.
   */
  trustProxy?: readonly string[];
  /** Mark the sign-in cookie Secure; by default when `publicUrl` is https. */
  secureCookies?: boolean;
  /** Extra named exports (the exports module's documents) next to the built-in JSON ones. */
  exporters?: ExporterRegistry;
  /** The report editor's builds and pictures (the exports module's REPORT_SERVICES). */
  reports?: ReportServices;
  /** Compact a document's update log into a snapshot after this many updates (default 500). */
  compactEvery?: number;
  /** Unload a session's documents this long after everyone left (default 60 s). */
  idleUnloadMs?: number;
  /** Least time between two scrubs of the store after erasures (default 10 s; tests use 0). */
  scrubSpacingMs?: number;
  /** How long a facilitator stays signed in (default 12 hours). */
  sessionLifetimeMs?: number;
  /** Today, for retention (tests set their own). */
  clock?: () => Date;
  /** How often the retention expiry job runs (default hourly; also once at start). */
  retentionEveryMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Desktop mode: the per-launch secret the local app signs in with. */
  desktopSecret?: string;
  close(): Promise<void>;
}

/** Join codes: 12 digits, at most 50 open sessions. Arithmetic in docs/security.md. */
export const DEFAULT_JOIN_CODES: JoinCodeOptions = { digits: 12, maxLiveCodes: 50 };
/**
 * Wrong guesses: 100 per address then 1 a second (a venue's Wi-Fi puts a whole room behind one
 * address: 50 people who each mistype twice must all get in); 200 in total then 1.5 a second,
 * which is what bounds guessing (docs/security.md: below one in a million in three hours).
 */
export const DEFAULT_JOIN_THROTTLE: JoinThrottleOptions = {
  perAddressBurst: 100,
  perAddressPerSecond: 1,
  totalBurst: 200,
  totalPerSecond: 1.5,
};

/**
 * Starts the collaboration server: HTTP API, WebSocket sync (y-websocket protocol) under
 * `/collab/<doc>`, and the built pages if `staticDir` is given.
 *
 * @example
 *   const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', mode: 'desktop' });
 *   // ... server.url, server.desktopSecret
 *   await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = new Logger(options.log ?? stdoutSink);
  // Checked before anything is opened, so a mistyped flag changes nothing.
  const proxies = new TrustedProxies(options.trustProxy);
  const publicOrigin = options.publicUrl ? parsePublicUrl(options.publicUrl) : null;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const dataDir = prepareDataFolder(options.dataDir);
  const store = Store.openFolder(dataDir);
  // Crash-only: after a failed sync the disk may not hold what it said it wrote, so nothing more
  // may be acknowledged; a restart reads back what is really there.
  store.onSyncFailure = (error) => {
    log.error('store.sync-failed', { error: error.message });
    process.exit(70);
  };
  store.onCheckpointFailure = (error) =>
    log.warn('store.checkpoint-failed', { error: error.message });
  const committer = new Committer(store);
  const registry = new DocRegistry(
    store,
    committer,
    {
      compactEvery: options.compactEvery ?? 500,
      maxDocBytes: limits.maxDocBytes,
      idleUnloadMs: options.idleUnloadMs ?? 60_000,
      presencePerSecond: limits.presencePerSecond,
    },
    log,
  );
  const scrubber = new StoreScrubber(store, registry, log, options.scrubSpacingMs);
  // Before anyone is served: an erasure a crash interrupted is finished first.
  scrubber.recover();
  const desktopSecret = options.mode === 'desktop' ? newSecret(32) : null;
  const auth = {
    desktopSecret,
    authSessions: new AuthSessions(store, options.sessionLifetimeMs ?? 12 * 3600 * 1000),
    participantTokens: new ParticipantTokens(store),
  };
  const editAudit = new EditAudit((actor, doc, detail) =>
    committer.run(() => store.audit(actor, 'doc.edit', doc, detail)),
  );
  const gateway = new WsGateway({
    registry,
    auth,
    limits,
    log,
    ...(options.mode === 'server'
      ? {
          mayReach: (principal: Principal, doc: { kind: string; id: string }) => {
            // A participant's token is already scoped to one session's room (accessFor).
            if (principal.role === 'participant') return true;
            const programmeId = programmeOfDoc(store, doc.kind, doc.id);
            // A document of no programme is the registry's 404 to give.
            return programmeId === null || mayReachProgramme(store, principal, programmeId);
          },
        }
      : {}),
    onEdit: (principal, doc, bytes) => editAudit.note(principal, doc, bytes),
  });
  let publicUrl = '';
  const ctx: ApiContext = {
    mode: options.mode,
    store,
    registry,
    committer,
    gateway,
    auth,
    codes: new JoinCodes(store, { ...DEFAULT_JOIN_CODES, ...options.joinCodes }),
    joinThrottle: new JoinThrottle({ ...DEFAULT_JOIN_THROTTLE, ...options.joinThrottle }),
    writes: new ParticipantWriteService(store, registry, committer, limits, log, scrubber),
    exporters: { ...BUILTIN_EXPORTERS, ...options.exporters },
    limits,
    log,
    trustProxy: proxies,
    secureCookies: options.secureCookies ?? publicOrigin?.protocol === 'https:',
    sessionLifetimeMs: options.sessionLifetimeMs ?? 12 * 3600 * 1000,
    publicUrl: () => publicUrl,
    startedAt: Date.now(),
  };
  const clock = options.clock ?? (() => new Date());
  const retention = new RetentionExpiryJob(store, ctx.writes, scrubber, log, clock);
  const router = new Router();
  router.add('GET', /^\/api\/health$/, ({ res }) =>
    sendJson(res, 200, {
      ok: true,
      mode: options.mode,
      uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
      connections: gateway.connections,
      docsLoaded: registry.loadedDocs,
    }),
  );
  addAuthRoutes(router, ctx);
  addAdminRoutes(router, ctx);
  addFacilitatorRoutes(router, ctx);
  addImportRoutes(router, ctx);
  addParticipantRoutes(router, ctx);
  addPlanRoutes(router, ctx);
  addPeopleRoutes(router, ctx);
  addHostingRoutes(router, ctx, { clock });
  addRoomRoutes(router, ctx);
  addReportRoutes(router, ctx, options.reports);
  addAnalysisRoutes(router, ctx);
  addLateRoutes(router, ctx);
  addJoinFormRoutes(router, ctx);
  addCloudsRoutes(router, ctx);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      // The health check comes from inside the container or the proxy, under any name.
      if (!hostAllowed(req, publicOrigin) && url.pathname !== '/api/health')
        throw new HttpError(421, 'wrong-host', 'This server does not answer for that host name.');
      guardProgrammeScope(ctx, req, url);
      if (await router.handle(req, res, url)) return;
      if (url.pathname.startsWith('/api/'))
        throw new HttpError(404, 'not-found', 'No such API endpoint.');
      if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
        // Desktop: the app opens `/?secret=...`; trade it for a cookie and drop it from the URL.
        const secret = url.searchParams.get('secret');
        if (secret !== null && desktopSecret && sameSecret(secret, desktopSecret)) {
          res.writeHead(303, {
            ...PAGE_HEADERS,
            Location: '/',
            'Set-Cookie': sessionCookie(ctx, desktopSecret, 24 * 3600),
          });
          res.end();
          return;
        }
        if (
          serveStatic(
            options.staticDir,
            url.pathname,
            res,
            req.method === 'HEAD',
            String(req.headers['accept-encoding'] ?? ''),
          )
        )
          return;
      }
      throw new HttpError(404, 'not-found', 'Not found.');
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) return sendError(res, e);
      log.error('http.failed', { method: req.method, path: url.pathname, error: String(e) });
      sendError(res, new HttpError(500, 'server-error', 'Something went wrong on the server.'));
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req, publicOrigin)) {
      socket.end(
        'HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    gateway.handleUpgrade(req, socket, head, clientAddress(req, ctx.trustProxy));
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A room told "scan the code now" connects all at once. Node's default queue of 511
      // waiting connections overflowed at 1,000 phones, and a dropped connection attempt is
      // only retried after a second; the kernel caps this at net.core.somaxconn.
      server.listen({ port: options.port, host: options.host, backlog: 4096 }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    registry.close();
    store.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(options.host)}:${port}`;
  publicUrl = publicOrigin?.origin ?? lanUrl(options.host, port) ?? url;
  retention.start(options.retentionEveryMs ?? 3600_000);
  log.info('server.listening', {
    url,
    port,
    host: options.host,
    mode: options.mode,
    joinBase: publicUrl,
    dataDir,
  });

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    ...(desktopSecret ? { desktopSecret } : {}),
    close: () => {
      closing ??= (async () => {
        log.info('server.stopping', {});
        retention.stop();
        await gateway.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        scrubber.flush();
        // Everything accepted was committed as it happened; this compacts and releases.
        registry.close();
        store.close();
        log.info('server.stopped', {});
      })();
      return closing;
    },
  };
}

function lanUrl(host: string, port: number): string | null {
  if (host !== '0.0.0.0' && host !== '::') return null;
  const ip = lanAddress();
  return ip ? `http://${ip}:${port}` : null;
}
