import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WebSocketServer } from 'ws';

/** The reference y-websocket server (2.1.0's bin/utils.cjs), in memory, as its own server.cjs runs it. */
const require = createRequire(import.meta.url);
const { setupWSConnection } = require(
  path.resolve(import.meta.dirname, '../../../node_modules/y-websocket-ref/bin/utils.cjs'),
) as {
  setupWSConnection: (ws: unknown, req: unknown, opts?: { docName?: string }) => void;
};
const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
);
server.listen(0, '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ event: 'ready', url: `http://127.0.0.1:${port}` })}\n`);
});
process.once('SIGTERM', () => process.exit(0));
