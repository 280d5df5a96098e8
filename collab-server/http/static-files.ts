import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Security decision: the pages load nothing from elsewhere and run no inline script, so the
 * policy names only our own origin (WebSockets included) and forbids framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const pagePolicies = new Map<string, { mtimeMs: number; policy: string }>();

/**
 * The policy for one file: the strict one, plus the hash of each `<style>` element the build put
 * into a page (the participant page carries its styles inline so it paints from its first
 * response; scripts/inline-page-css.ts). Only exactly that text is allowed: no other inline
 * style, and no inline script, ever.
 */
export function policyFor(file: string): string {
  if (!file.endsWith('.html')) return CONTENT_SECURITY_POLICY;
  const { mtimeMs } = statSync(file);
  const known = pagePolicies.get(file);
  if (known?.mtimeMs === mtimeMs) return known.policy;
  const html = readFileSync(file, 'utf8');
  const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
  const policy =
    hashes.length === 0
      ? CONTENT_SECURITY_POLICY
      : CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hashes.join(' ')}`);
  pagePolicies.set(file, { mtimeMs, policy });
  return policy;
}

/**
 * The precompressed copy to send, if the build made one (`.br`, `.gz` beside the file; see
 * scripts/precompress.ts) and the browser takes it. Brotli first: about 15% smaller than gzip on
 * our scripts, which is a second on Slow 3G.
 */
function precompressed(
  file: string,
  acceptEncoding: string,
): { file: string; encoding: string } | null {
  const accepts = (name: string) =>
    acceptEncoding
      .split(',')
      .map((p) => p.trim().split(';'))
      .some(([n, q]) => n?.trim() === name && !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''));
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const)
    if (accepts(encoding) && existsSync(file + ext)) return { file: file + ext, encoding };
  return null;
}

/**
 * Serves the built renderer. Paths that are not files fall back to index.html (the apps route
 * on the client); nothing outside the folder can be reached. Hashed files are cached for a
 * year (their name changes with their content); everything else is checked each time.
 */
export function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  head: boolean,
  acceptEncoding = '',
): boolean {
  const base = path.resolve(root);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (rel.includes('\0')) return false;
  let file = path.resolve(base, `.${path.posix.normalize(`/${rel}`)}`);
  if (file !== base && !file.startsWith(base + path.sep)) return false;
  // Clean URLs: /join serves join.html (the participant page), which join links point at.
  if (!path.extname(file) && existsSync(`${file}.html`)) file = `${file}.html`;
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (path.extname(rel)) return false;
    file = path.join(base, 'index.html');
    if (!existsSync(file)) return false;
  }
  const hashed =
    file.startsWith(path.join(base, 'assets') + path.sep) &&
    /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|svg|png)$/.test(file);
  const packed = precompressed(file, acceptEncoding);
  const sent = packed?.file ?? file;
  res.writeHead(200, {
    ...PAGE_HEADERS,
    'Content-Security-Policy': policyFor(file),
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': statSync(sent).size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches must keep the encodings apart, whether or not this answer was compressed.
    Vary: 'Accept-Encoding',
    ...(packed ? { 'Content-Encoding': packed.encoding } : {}),
  });
  if (head) res.end();
  else createReadStream(sent).pipe(res);
  return true;
}
