// Bundles the Electron main process and preload. The preload must be CommonJS because sandboxed
// preloads cannot load ES modules; main is an ES module like the rest of the project.
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
});
await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'preload.ts')],
  outfile: path.join(root, 'electron', 'dist', 'preload.cjs'),
  format: 'cjs',
});
console.log('built electron/dist/main.mjs and electron/dist/preload.cjs');
