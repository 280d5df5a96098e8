import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CONTENT_SECURITY_POLICY, serveStatic } from './static-files.ts';

let dir: string;
let server: Server;
let base: string;
const style = '.card{border:1px solid #c9d1d9}';
const script = 'export const words = "' + 'kept on the phone '.repeat(200) + '";\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cohear-static-'));
  mkdirSync(path.join(dir, 'assets'));
  const file = path.join(dir, 'assets', 'participant-AbCdEf12.js');
  writeFileSync(file, script);
  writeFileSync(`${file}.br`, brotliCompressSync(script));
  writeFileSync(`${file}.gz`, gzipSync(script));
  writeFileSync(
    path.join(dir, 'join.html'),
    `<!doctype html><title>join</title><style>${style}</style>`,
  );
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!serveStatic(dir, url.pathname, res, false, String(req.headers['accept-encoding'] ?? '')))
      res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('sends the precompressed copy the browser takes, brotli first, and caches hashed files for a year', async () => {
    const br = await fetch(`${base}/assets/participant-AbCdEf12.js`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(await br.text()).toBe(script);
    const gz = await fetch(`${base}/assets/participant-AbCdEf12.js`, {
      headers: { 'accept-encoding': 'gzip, br;q=0' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(script);
  });

  it('sends the file as it is to a client that takes no encoding, and pages are checked each time', async () => {
    const plain = await fetch(`${base}/assets/participant-AbCdEf12.js`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(script));
    const page = await fetch(`${base}/join`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it("allows a page's own inline styles by hash, and nothing else inline", async () => {
    const page = await fetch(`${base}/join`);
    const hash = createHash('sha256').update(style).digest('base64');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    const app = await fetch(`${base}/index.html`);
    expect(app.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const asset = await fetch(`${base}/assets/participant-AbCdEf12.js`);
    expect(asset.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
