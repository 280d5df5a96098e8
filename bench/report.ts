import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DOC = path.join(import.meta.dirname, '..', 'docs', 'benchmarks.md');

const HEADER = `# Benchmarks

Written by \`npm run bench\` (or one benchmark alone: \`npm run bench:collab\`, \`npm run bench:exports\`, \`npm run bench:participant\`).
Each section is replaced whole when its benchmark runs again; the machine line says where it ran.
These are measurements, never test assertions.
`;

/**
 * Replaces one benchmark's section of docs/benchmarks.md (between its own markers) and leaves the
 * others alone, so each benchmark can run by itself.
 */
export function writeBenchSection(name: string, markdown: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const stamp = `_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} x ${cpu}, Node ${process.version}._`;
  const block = `${begin}\n${markdown.trim()}\n\n${stamp}\n${end}`;
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, doc);
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
