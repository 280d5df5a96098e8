import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { addFacilitator } from '../../collab-server/auth/users.ts';
import { Store } from '../../collab-server/store/index.ts';
import { runCli } from '../../collab-server/cli/program.ts';
import { demoDataDir, startTestServer, type TestServer } from './collab-helpers/harness.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A request with headers fetch will not let us set (Host). */
function request(
  server: TestServer,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = { raw: text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const data = demoDataDir();
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  data.cleanup();
});

async function withAccount(): Promise<void> {
  const store = Store.openFolder(data.dir);
  await addFacilitator(store, {
    email: 'lead@example.org',
    name: 'Lead',
    password: 'a long pass phrase',
    // Server mode shows an account only the programmes it is a member of.
    programmes: store.records.listProgrammes().map((p) => p.id),
  });
  store.close();
}

/**
 * Issue #20, finding 3: `cohear serve` did not know it sat behind a proxy: no Secure cookies,
 * every limit applied to the proxy's one address (or, trusting every sender, to whatever a client
 * wrote in X-Forwarded-For), join links named the wrong host, and any Host was answered.
 */
describe('behind a trusted reverse proxy', () => {
  const login = { email: 'lead@example.org', password: 'a long pass phrase' };
  const host = { host: 'cohear.example.org' };

  it('marks cookies Secure only behind a trusted proxy with an https public URL', async () => {
    await withAccount();
    const plain = await startTestServer(data.dir, { mode: 'server' });
    servers.push(plain);
    const a = await request(plain, 'POST', '/api/auth/login', { body: login });
    expect(a.status).toBe(200);
    expect(String(a.headers['set-cookie'])).not.toMatch(/Secure/);
    await plain.close();

    const proxied = await startTestServer(data.dir, {
      mode: 'server',
      trustProxy: ['127.0.0.1'],
      publicUrl: 'https://cohear.example.org',
    });
    servers.push(proxied);
    const b = await request(proxied, 'POST', '/api/auth/login', { body: login, headers: host });
    expect(b.status).toBe(200);
    expect(String(b.headers['set-cookie'])).toMatch(/; Secure/);
    await proxied.close();
  });

  it('refuses other host names, uses the public URL in join links, answers health under any name', async () => {
    const server = await startTestServer(data.dir, {
      trustProxy: ['127.0.0.1'],
      publicUrl: 'https://cohear.example.org/',
    });
    servers.push(server);
    const auth = { authorization: `Bearer ${server.desktopSecret as string}` };
    const wrong = await request(server, 'GET', '/api/programmes', {
      headers: { ...auth, host: 'evil.example' },
    });
    expect(wrong.status).toBe(421);
    const open = await request(server, 'POST', `/api/sessions/${data.sessionIds[0]}/open`, {
      headers: { ...auth, ...host },
      body: {},
    });
    expect(open.status).toBe(200);
    expect(String(open.body.link)).toMatch(/^https:\/\/cohear\.example\.org\/join#/);
    const health = await request(server, 'GET', '/api/health', {
      headers: { host: '127.0.0.1:1234' },
    });
    expect(health.status).toBe(200);
    await server.close();
  });

  it('believes X-Forwarded-For from a trusted proxy only: a spoofed one is ignored', async () => {
    const throttle = {
      perAddressBurst: 2,
      perAddressPerSecond: 0.01,
      totalBurst: 1000,
      totalPerSecond: 1000,
    };
    const wrongCode = (server: TestServer, forwarded: string) =>
      request(server, 'POST', '/api/join', {
        headers: { 'x-forwarded-for': forwarded },
        body: { code: '111122223333' },
      }).then((r) => r.status);

    // Not from a trusted proxy: every guess counts against the one real address.
    const untrusted = await startTestServer(data.dir, {
      trustProxy: ['10.9.9.9'],
      joinThrottle: throttle,
    });
    servers.push(untrusted);
    const spoofed: number[] = [];
    for (let i = 0; i < 4; i++) spoofed.push(await wrongCode(untrusted, `192.0.2.${i}`));
    expect(spoofed).toEqual([404, 404, 429, 429]);
    await untrusted.close();

    // From the trusted proxy: the client is the address it forwards for, read from the right,
    // so an entry the client wrote itself (to the left) changes nothing.
    const trusted = await startTestServer(data.dir, {
      trustProxy: ['127.0.0.1'],
      joinThrottle: throttle,
    });
    servers.push(trusted);
    const forwarded: number[] = [];
    for (let i = 0; i < 4; i++)
      forwarded.push(await wrongCode(trusted, `198.51.100.${i}, 192.0.2.7`));
    expect(forwarded).toEqual([404, 404, 429, 429]);
    const others: number[] = [];
    for (let i = 0; i < 4; i++) others.push(await wrongCode(trusted, `192.0.2.${20 + i}`));
    expect(others).toEqual([404, 404, 404, 404]);
    await trusted.close();
  });

  it('cohear serve refuses a malformed --trust-proxy or --public-url before opening anything', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const bad = await runCli(
      ['serve', '--data', data.dir, '--port', '0', '--trust-proxy', 'proxy.local'],
      io,
    );
    expect(bad).toBe(2);
    expect(lines.join('\n')).toMatch(/--trust-proxy/);
    const badUrl = await runCli(
      ['serve', '--data', data.dir, '--port', '0', '--public-url', 'https://x.example/app'],
      io,
    );
    expect(badUrl).toBe(2);
    expect(lines.join('\n')).toMatch(/--public-url/);
  });
});
