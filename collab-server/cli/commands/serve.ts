import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { parsePublicUrl } from '../../server/proxy.ts';
import { UsageError } from '../errors.ts';
import { dataFolderOf, type DataOption } from '../data-option.ts';

export interface ServeOptions extends DataOption {
  port: string;
  host: string;
  mode?: 'server' | 'desktop';
  /** For a supervising process (the desktop app): one JSON line on stdout once listening. */
  readyJson?: boolean;
  /** Comma-separated addresses of trusted reverse proxies. */
  trustProxy?: string;
  publicUrl?: string;
}

/** `--trust-proxy` and `--public-url`, checked so a mistyped value stops before anything opens. */
export function proxyOptions(opts: Pick<ServeOptions, 'trustProxy' | 'publicUrl'>): {
  trustProxy?: string[];
  publicUrl?: string;
} {
  const out: { trustProxy?: string[]; publicUrl?: string } = {};
  if (opts.trustProxy !== undefined) {
    const list = opts.trustProxy
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const bad = list.find((a) => isIP(a) === 0);
    if (list.length === 0 || bad !== undefined)
      throw new UsageError(
        `--trust-proxy takes IP addresses separated by commas; "${bad ?? opts.trustProxy}" is not one.`,
      );
    out.trustProxy = list;
  }
  if (opts.publicUrl !== undefined) {
    try {
      out.publicUrl = parsePublicUrl(opts.publicUrl).origin;
    } catch (e) {
      throw new UsageError(`--public-url: ${(e as Error).message}.`);
    }
  }
  return out;
}

/** The built facilitator and participant pages, if `npm run build` has made them. */
export function rendererDist(): string | undefined {
  const dist = path.resolve(import.meta.dirname, '..', '..', '..', 'renderer', 'dist');
  return existsSync(path.join(dist, 'index.html')) ? dist : undefined;
}

/** Runs the collaboration server until SIGINT or SIGTERM, then flushes and closes. */
export async function serveCommand(
  opts: ServeOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${opts.port}".`);
  const proxy = proxyOptions(opts);
  const dataDir = dataFolderOf(opts);
  const { startServer } = await import('../../server/start-server.ts');
  // The report and table downloads the facilitator app and observers fetch from the server.
  const { DOWNLOADS, SESSION_DOWNLOADS } = await import('../../../exports/downloads.ts');
  const { REPORT_SERVICES } = await import('../../../exports/report-services.ts');
  const staticDir = rendererDist();
  if (!staticDir)
    err('The web pages are not built yet (run `npm run build`); serving the API only.');
  const server = await startServer({
    dataDir,
    port,
    host: opts.host,
    mode: opts.mode ?? 'server',
    exporters: { ...DOWNLOADS, ...SESSION_DOWNLOADS },
    reports: REPORT_SERVICES,
    ...proxy,
    ...(staticDir ? { staticDir } : {}),
  });
  if (opts.readyJson) {
    out(
      JSON.stringify({
        event: 'ready',
        url: server.url,
        port: server.port,
        desktopSecret: server.desktopSecret ?? null,
        dataDir,
      }),
    );
  } else {
    out(`Cohear is running at ${server.url}`);
    out(`Data folder: ${dataDir}`);
    // The secret rides in the fragment: browsers never send it to a server, a log or a Referer.
    if (server.desktopSecret)
      out(`Facilitator link (keep it private): ${server.url}/#secret=${server.desktopSecret}`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      err('Stopping: saving everything...');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
