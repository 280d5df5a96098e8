import { utilityProcess } from 'electron';
import type { ToServerMessage } from './server-messages.ts';
import type { ServerChannel } from './server-supervisor.ts';

/**
 * The packaged app's server process: an Electron utility process. It runs Electron's own Node
 * (for which electron-builder rebuilt better-sqlite3) without the RunAsNode fuse, and its only
 * line to the main process is the message port (server-messages.ts). A crash of either does not
 * take down the other, and a slow export never freezes the window.
 */
export function utilityServerChannel(options: {
  entry: string;
  log: (line: string) => void;
}): ServerChannel {
  const child = utilityProcess.fork(options.entry, [], {
    serviceName: 'Cohear collaboration server',
    stdio: 'pipe',
  });
  child.stdout?.on('data', (d: Buffer) => options.log(d.toString().trimEnd()));
  child.stderr?.on('data', (d: Buffer) => options.log(d.toString().trimEnd()));
  // Messages wait for the process to exist, so the start message cannot go missing.
  let spawned = false;
  const queue: ToServerMessage[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const m of queue.splice(0)) child.postMessage(m);
  });
  return {
    post: (m) => (spawned ? child.postMessage(m) : void queue.push(m)),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.once('exit', (code) => l(code)),
    kill: () => void child.kill(),
  };
}
