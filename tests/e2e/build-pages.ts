import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
export const RENDERER_DIST = path.join(root, 'renderer', 'dist');

/**
 * `npm run test:e2e` builds the pages before vitest starts; this builds them only when a single
 * file is run by hand without that step.
 */
export function ensurePagesBuilt(): string {
  if (
    !existsSync(path.join(RENDERER_DIST, 'index.html')) ||
    !existsSync(path.join(RENDERER_DIST, 'join.html'))
  ) {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  return RENDERER_DIST;
}
