// The desktop app's three bundles, shared by scripts/build-electron.mjs and the packaging test
// (which checks that every npm package the bundles load at runtime ships in the app).
//
// The preload must be CommonJS because sandboxed preloads cannot load ES modules; main and the
// server are ES modules like the rest of the project. The server is bundled (our TypeScript
// compiled in) so the packaged app runs it without tsx reading sources from disk, which is what
// lets the app live in an integrity-checked app.asar. npm packages stay outside the bundles: they
// load from node_modules inside the archive, and the native ones from its unpacked copy.
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
};

export const ELECTRON_BUNDLES = [
  {
    ...common,
    entryPoints: [path.join(root, 'electron', 'main.ts')],
    outfile: path.join(root, 'electron', 'dist', 'main.mjs'),
    format: 'esm',
    packages: 'external',
  },
  {
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload.ts')],
    outfile: path.join(root, 'electron', 'dist', 'preload.cjs'),
    format: 'cjs',
  },
  {
    ...common,
    entryPoints: [path.join(root, 'electron', 'server-process.ts')],
    outfile: path.join(root, 'electron', 'dist', 'server.mjs'),
    format: 'esm',
    packages: 'external',
  },
  // Report builds run in a worker thread that the server starts from
  // `new URL('./report-worker-entry.mjs', import.meta.url)`: beside the bundled server that is
  // this file, compiled, where from sources it is exports/report-worker-entry.mjs registering tsx.
  {
    ...common,
    entryPoints: [path.join(root, 'exports', 'report-worker.ts')],
    outfile: path.join(root, 'electron', 'dist', 'report-worker-entry.mjs'),
    format: 'esm',
    packages: 'external',
  },
];
