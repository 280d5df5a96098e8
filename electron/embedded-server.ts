import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface EmbeddedServer {
  url: string;
  port: number;
  facilitatorSecret: string;
  stop(): Promise<void>;
}

interface ReadyLine {
  event: 'ready';
  url: string;
  port: number;
  desktopSecret: string | null;
}

/**
 * Starts the collaboration server in its own process, so a slow export or a burst of
 * participants never freezes the window, and a crash of one does not take down the other.
 *
 * The child runs under the system's Node during development and under Electron's bundled Node
 * (ELECTRON_RUN_AS_NODE) when packaged, where electron-builder has rebuilt better-sqlite3 for
 * Electron's ABI.
 */
export function startEmbeddedServer(options: {
  appRoot: string;
  dataDir: string;
  packaged: boolean;
  electronPath: string;
  log: (line: string) => void;
}): Promise<EmbeddedServer> {
  const cli = path.join(options.appRoot, 'bin', 'cohear.mjs');
  const args = [
    cli,
    'serve',
    '--mode',
    'desktop',
    '--port',
    '0',
    '--host',
    '0.0.0.0',
    '--data',
    options.dataDir,
    '--ready-json',
  ];
  const child: ChildProcess = options.packaged
    ? spawn(options.electronPath, args, {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.env.COHEAR_NODE ?? 'node', args, { stdio: ['ignore', 'pipe', 'pipe'] });

  return new Promise((resolve, reject) => {
    let ready = false;
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (ready) return options.log(line);
      try {
        const msg = JSON.parse(line) as ReadyLine;
        if (msg.event !== 'ready' || !msg.desktopSecret) return;
        ready = true;
        resolve({
          url: msg.url,
          port: msg.port,
          facilitatorSecret: msg.desktopSecret,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              // SIGTERM lets the server flush every document before it exits.
              child.kill('SIGTERM');
            }),
        });
      } catch {
        options.log(line);
      }
    });
    child.stderr?.on('data', (d: Buffer) => options.log(d.toString().trimEnd()));
    child.once('exit', (code) => {
      if (!ready)
        reject(new Error(`The collaboration server stopped before it was ready (exit ${code}).`));
    });
    child.once('error', (e) => reject(e));
  });
}
