// Bundles the Electron main process, preload and the collaboration server's process
// (definitions and reasons in electron-bundles.mjs).
import { build } from 'esbuild';
import { ELECTRON_BUNDLES } from './electron-bundles.mjs';

for (const options of ELECTRON_BUNDLES) await build(options);
console.log('built electron/dist/main.mjs, preload.cjs and server.mjs');
