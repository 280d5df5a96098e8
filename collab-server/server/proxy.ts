import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) and `10.0.0.1` are one address. */
export function normaliseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

/**
 * The reverse proxies whose forwarded headers are believed (`cohear serve --trust-proxy`).
 *
 * Security decision: `X-Forwarded-For` is written by whoever sends the request, so it is read
 * only when the connection itself comes from a trusted proxy, and then from the right: each
 * trusted hop is skipped and the first address no trusted proxy vouches for is the client. A
 * client that sends its own `X-Forwarded-For` through the proxy only adds entries to the left,
 * which are never reached.
 */
export class TrustedProxies {
  private readonly addresses: ReadonlySet<string>;

  constructor(addresses: readonly string[] = []) {
    for (const a of addresses)
      if (isIP(normaliseAddress(a)) === 0) throw new Error(`not an IP address: "${a}"`);
    this.addresses = new Set(addresses.map(normaliseAddress));
  }

  get any(): boolean {
    return this.addresses.size > 0;
  }

  trusts(address: string | undefined): boolean {
    return address !== undefined && this.addresses.has(normaliseAddress(address));
  }

  /** The address limits and throttles apply to. */
  clientAddress(req: IncomingMessage): string {
    const peer = normaliseAddress(req.socket.remoteAddress ?? 'unknown');
    if (!this.trusts(peer)) return peer;
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((h) => normaliseAddress(h))
      .filter((h) => h.length > 0);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      if (!this.trusts(hop)) return isIP(hop) ? hop : peer;
    }
    return peer;
  }
}

/**
 * `--public-url`: where people reach the server. With it, join links use it, and a request
 * naming another host in `Host` is refused (a stray DNS name or a DNS-rebinding page must not
 * reach the API through this server).
 */
export function parsePublicUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a URL: "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`the public URL must start with https:// (or http://), not "${url.protocol}"`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new Error('the public URL is an origin only: no path, query, fragment or user');
  return url;
}

/** Whether a request's `Host` header names the public URL's host (always true without one). */
export function hostAllowed(req: IncomingMessage, publicUrl: URL | null): boolean {
  if (!publicUrl) return true;
  return (req.headers.host ?? '').toLowerCase() === publicUrl.host;
}
