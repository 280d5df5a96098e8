import http from 'node:http';
import type { FetchLike } from '../../core/client/index.ts';

/**
 * The participants' HTTP client in the benchmark: node:http over kept-alive sockets, in the shape
 * the participant page's transport takes (status and json()). Node's built-in fetch spends about
 * a millisecond of the load core per request before a byte leaves; on a phone that time is the
 * phone's, so here it would be charged to the server in "participant write → facilitator".
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export const leanFetch: FetchLike = (url, init) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(text) as unknown });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
