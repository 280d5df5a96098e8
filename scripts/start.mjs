// `npm start`: the desktop app where Electron can run; otherwise server mode in desktop
// style (one private facilitator link), with the reason said plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Why Electron cannot start here, or null if it can. */
function electronUnavailable() {
  let binary;
  try {
    binary = require('electron');
  } catch {
    return 'the Electron binary is not installed (for example because ELECTRON_SKIP_BINARY_DOWNLOAD was set)';
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return 'the Electron binary is missing';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (no DISPLAY or WAYLAND_DISPLAY): this looks like a headless machine';
  }
  return null;
}

run(process.execPath, [
  path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
  'build',
  '--logLevel',
  'warn',
]);

const reason = electronUnavailable();
if (reason === null) {
  run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')]);
  const child = spawn(require('electron'), [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const port = process.env.PORT ?? '8080';
  console.log(`Cohear cannot open its desktop window: ${reason}.`);
  console.log('Starting server mode instead: open the facilitator link below in a browser.');
  console.log('Participants on the same network join at the address shown in the app.\n');
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'bin', 'cohear.mjs'),
      'serve',
      '--mode',
      'desktop',
      '--host',
      '0.0.0.0',
      '--port',
      port,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
