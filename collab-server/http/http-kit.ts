import type { TrustedProxies } from '../server/proxy.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error with the HTTP status and the stable code the client sees. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Headers every API answer carries: nothing cached, nothing sniffed, nothing framed. */
const API_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...API_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(
    res,
    e.status,
    { ok: false, error: { code: e.code, message: e.message, ...e.extra } },
    e.headers,
  );
}

/** Reads a JSON body, refusing a wrong content type, an oversized body or broken JSON. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  // Requiring JSON also forces a CORS preflight for any cross-site script (CSRF defence).
  if (!type.toLowerCase().startsWith('application/json'))
    throw new HttpError(415, 'invalid', 'Send the request as application/json.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // Listeners rather than `for await`: the async iterator costs several extra turns of the event
  // loop per request, which showed in the latency of every participant's note.
  const chunks: Buffer[] = [];
  const size = await new Promise<number>((resolve, reject) => {
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        req.off('data', onData);
        req.resume();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(total));
    req.once('error', reject);
  });
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid', 'The request body is not valid JSON.');
  }
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, 'too-large', `The request is larger than ${max} bytes.`);
}

/** The client's address: the peer's, or behind a trusted proxy the one it forwards for. */
export function clientAddress(req: IncomingMessage, proxies: TrustedProxies): string {
  return proxies.clientAddress(req);
}

export type Handler = (ctx: {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  url: URL;
}) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A small router: method plus a path pattern whose groups become `params`. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  /** Runs the matching route; false if none matched the path. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== req.method) continue;
      await r.handler({ req, res, params: m.slice(1).map((p) => decodeURIComponent(p)), url });
      return true;
    }
    if (pathMatched)
      throw new HttpError(405, 'method-not-allowed', `${req.method} is not allowed here.`);
    return false;
  }
}
