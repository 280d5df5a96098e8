import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ready } from './targets.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  ready: Ready;
  child: ChildProcess;
}

/** Starts a server script on core 0 (taskset), and waits for its ready line. */
export function startOnCore0(script: string): Promise<ServerProcess> {
  const child = spawn(
    'taskset',
    [
      '-c',
      '0',
      process.execPath,
      // For looking inside a server while working, e.g. "--cpu-prof --cpu-prof-dir=bench/out".
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(ROOT, script),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: ROOT,
    },
  );
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"ready"'));
      if (line) resolve({ ready: JSON.parse(line) as Ready, child });
    });
    child.once('exit', (c) => reject(new Error(`${script} exited (${c})`)));
  });
}

/** CPU seconds (user + system) a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds (user, system) of each thread of this process, by thread id, from /proc. For
 * BENCH_DEBUG: which of the load generator's threads (facilitators, phones, their documents, V8's
 * helpers) its time goes to, and how much of it the kernel spends.
 */
export function threadCpuSeconds(): Map<number, { user: number; system: number }> {
  const out = new Map<number, { user: number; system: number }>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function stop(p: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null) return resolve();
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
    setTimeout(() => p.child.kill('SIGKILL'), 3000).unref();
  });
}
