// Bundles the Electron main process, preload and the collaboration server's process. The preload
// must be CommonJS because sandboxed preloads cannot load ES modules; main and the server are ES
// modules like the rest of the project.
//
// The server is bundled (our TypeScript compiled in) so the packaged app runs it without tsx
// reading sources from disk, which is what lets the app live in an integrity-checked app.asar.
// npm packages stay outside the bundle: they load from node_modules inside the archive, and the
// native ones (better-sqlite3, the canvas and SVG renderers) from its unpacked copy.
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'main.ts')],
  outfile: path.join(root, 'electron', 'dist', 'main.mjs'),
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'preload.ts')],
  outfile: path.join(root, 'electron', 'dist', 'preload.cjs'),
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'server-process.ts')],
  outfile: path.join(root, 'electron', 'dist', 'server.mjs'),
  format: 'esm',
  packages: 'external',
});
console.log('built electron/dist/main.mjs, preload.cjs and server.mjs');
