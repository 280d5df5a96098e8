import { fork } from 'node:child_process';
import { parseFromServer, type StartMessage, type ToServerMessage } from './server-messages.ts';

/**
 * The main process's side of the server process, written against a small channel so the same
 * handshake runs over Electron's utilityProcess (packaged) and a Node child (development,
 * tests). Nothing here imports Electron.
 */
export interface ServerChannel {
  post(message: ToServerMessage): void;
  onMessage(listener: (data: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process without waiting; used only when a graceful stop did not finish. */
  kill(): void;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  facilitatorSecret: string;
  /** Asks the server to flush and close; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** How long a graceful stop may take before the process is ended (default 30 s: a large
   *  programme's documents are flushed within a second or two, so this only catches a hang). */
  stopTimeoutMs?: number;
  /** Messages the server sent that the app could not read. */
  warn?: (line: string) => void;
  /** The server exited after it was ready without being asked to (a crash, or killed). */
  onCrash?: (code: number | null) => void;
}

/** Sends `start`, waits for `ready` (or `failed`, or an early exit), and hands back the server. */
export function superviseServer(
  channel: ServerChannel,
  start: StartMessage,
  options: SuperviseOptions = {},
): Promise<EmbeddedServer> {
  const warn = options.warn ?? (() => {});
  let exited = false;
  let ready = false;
  let stopRequested = false;
  const exitWaiters: Array<() => void> = [];
  let settle: { resolve(s: EmbeddedServer): void; reject(e: Error): void } | null = null;

  const stop = (): Promise<void> =>
    new Promise<void>((done) => {
      if (exited) return done();
      exitWaiters.push(done);
      stopRequested = true;
      channel.post({ type: 'stop' });
      const timer = setTimeout(() => {
        warn('The collaboration server did not stop in time; ending it.');
        channel.kill();
      }, options.stopTimeoutMs ?? 30_000);
      exitWaiters.push(() => clearTimeout(timer));
    });

  channel.onExit((code) => {
    exited = true;
    settle?.reject(
      new Error(`The collaboration server stopped before it was ready (exit ${code}).`),
    );
    settle = null;
    if (ready && !stopRequested) options.onCrash?.(code);
    for (const w of exitWaiters.splice(0)) w();
  });
  channel.onMessage((data) => {
    const msg = parseFromServer(data);
    if (!msg) return warn('The collaboration server sent a message the app does not understand.');
    if (msg.type === 'ready') {
      ready = true;
      settle?.resolve({
        url: msg.url,
        port: msg.port,
        facilitatorSecret: msg.desktopSecret,
        stop,
      });
      settle = null;
    } else if (msg.type === 'failed') {
      settle?.reject(new Error(`The collaboration server could not start: ${msg.message}`));
      settle = null;
    }
  });
  return new Promise<EmbeddedServer>((resolve, reject) => {
    settle = { resolve, reject };
    channel.post(start);
  });
}

/**
 * A server process under the system's Node, for development (where better-sqlite3 is built for
 * Node, not Electron) and for tests. `entry` is electron/server-process.ts (run through tsx) or
 * the bundled electron/dist/server.mjs.
 */
export function nodeServerChannel(options: {
  entry: string;
  nodePath?: string;
  execArgv?: string[];
  log?: (line: string) => void;
}): ServerChannel {
  const child = fork(options.entry, [], {
    // Never Electron's own binary: that would need ELECTRON_RUN_AS_NODE, which the fuse forbids.
    execPath: options.nodePath ?? 'node',
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  const log = options.log ?? (() => {});
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  return {
    post: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (l) => child.on('message', l),
    onExit: (l) => {
      child.once('exit', (code) => l(code));
      child.once('error', () => l(null));
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
