import type { RunningServer } from '../collab-server/server/start-server.ts';
import { parseToServer, type FromServerMessage, type StartMessage } from './server-messages.ts';

/**
 * The collaboration server's process in the desktop app. Packaged, Electron starts it with
 * `utilityProcess.fork` (so the RunAsNode fuse can stay off) and talks over
 * `process.parentPort`; in development and in tests it is a Node child with an IPC channel
 * (`child_process.fork`). Both carry the same messages (server-messages.ts).
 */
interface Channel {
  post(message: FromServerMessage): void;
  onMessage(listener: (data: unknown) => void): void;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function channel(): Channel {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort)
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', (e) => l(e.data)),
    };
  if (process.send)
    return {
      post: (m) => {
        if (process.connected) process.send?.(m);
      },
      onMessage: (l) => process.on('message', l),
    };
  throw new Error('server-process must be started by the desktop app (no parent channel).');
}

async function start(msg: StartMessage): Promise<RunningServer> {
  // Imported here, not at the top, so a failure to load (a native module built for the wrong
  // ABI, say) is caught below and reported to the app instead of killing the process silently.
  const { startServer } = await import('../collab-server/server/start-server.ts');
  const { DOWNLOADS, SESSION_DOWNLOADS } = await import('../exports/downloads.ts');
  const { REPORT_SERVICES } = await import('../exports/report-services.ts');
  return startServer({
    dataDir: msg.dataDir,
    port: msg.port,
    host: msg.host,
    mode: 'desktop',
    exporters: { ...DOWNLOADS, ...SESSION_DOWNLOADS },
    reports: REPORT_SERVICES,
    ...(msg.staticDir ? { staticDir: msg.staticDir } : {}),
  });
}

const parent = channel();
let server: Promise<RunningServer> | null = null;
let stopping = false;

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    // close() flushes every loaded document and checkpoints the store before it resolves.
    await (await server)?.close();
  } catch {
    // A server that never started has nothing to flush.
  }
  parent.post({ type: 'stopped' });
  // Let the message leave before the process goes.
  setImmediate(() => process.exit(0));
}

parent.onMessage((data) => {
  const msg = parseToServer(data);
  if (!msg) {
    console.error('server-process: ignored a message of unknown shape');
    return;
  }
  if (msg.type === 'stop') return void stop();
  if (server) return console.error('server-process: ignored a second start');
  server = start(msg);
  server.then(
    (s) => {
      if (!s.desktopSecret) throw new Error('desktop mode always has a secret');
      parent.post({ type: 'ready', url: s.url, port: s.port, desktopSecret: s.desktopSecret });
    },
    (e: unknown) => {
      parent.post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
      setImmediate(() => process.exit(1));
    },
  );
});

// A Node parent that goes away (development, tests) closes the IPC channel: flush and leave.
process.on('disconnect', () => void stop());
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
