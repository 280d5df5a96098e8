import { startServer } from './start-server.ts';

/**
 * Runs the server without the CLI: `node --import tsx collab-server/server/main.ts --data DIR
 * --port 0 --host 127.0.0.1 --mode desktop`. Used by tests that must SIGKILL a real process.
 * Prints one JSON line `{"event":"ready",...}` once listening.
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const server = await startServer({
  dataDir: arg('data', '.'),
  port: Number(arg('port', '0')),
  host: arg('host', '127.0.0.1'),
  mode: arg('mode', 'desktop') === 'server' ? 'server' : 'desktop',
  log: () => {},
});
process.stdout.write(
  `${JSON.stringify({ event: 'ready', url: server.url, port: server.port, desktopSecret: server.desktopSecret })}\n`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
