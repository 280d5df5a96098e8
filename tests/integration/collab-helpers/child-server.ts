import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(import.meta.dirname, '../../../collab-server/server/main.ts');

export interface ChildServer {
  url: string;
  desktopSecret: string;
  child: ChildProcess;
}

/** The real server in its own process (so a test can SIGKILL it), on a port the OS picks. */
export function spawnServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--data', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buf = '';
    const t = setTimeout(() => reject(new Error('server did not start')), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"ready"'));
      if (!line) return;
      clearTimeout(t);
      const ready = JSON.parse(line) as { url: string; desktopSecret: string };
      resolve({ url: ready.url, desktopSecret: ready.desktopSecret, child });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
