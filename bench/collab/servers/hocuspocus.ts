import { Server } from '@hocuspocus/server';

/** @hocuspocus/server with no extensions (in memory), quiet. */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
const port = (server.httpServer.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ event: 'ready', url: `http://127.0.0.1:${port}` })}\n`);
process.once('SIGTERM', () => process.exit(0));
