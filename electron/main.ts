import { BrowserWindow, app, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_CHANNELS, type DesktopServerInfo } from '../core/desktop/bridge.ts';
import { utilityServerChannel } from './embedded-server.ts';
import { parseKnownHosts, serialiseKnownHosts } from './link-policy.ts';
import { networkUrls } from './network.ts';
import {
  nodeServerChannel,
  superviseServer,
  type EmbeddedServer,
  type ServerChannel,
} from './server-supervisor.ts';
import { hardenWindow, lockDownSession, type LinkGuard } from './window-security.ts';

/**
 * The desktop app's main process is a supervisor: it starts the collaboration server in its own
 * process, opens hardened windows on it, and answers two typed IPC calls.
 */
// Every renderer sandboxed, whatever a window's own settings say (must precede 'ready').
app.enableSandbox();

// electron/dist/main.mjs -> the app's root (app.asar when packaged).
const appRoot = path.resolve(import.meta.dirname, '..', '..');
let server: EmbeddedServer | null = null;

function serverChannel(): ServerChannel {
  const entry = path.join(import.meta.dirname, 'server.mjs');
  const log = (line: string) => console.log(`[server] ${line}`);
  // Packaged, better-sqlite3 is rebuilt for Electron's Node, which the utility process runs.
  // In development it is built for the system's Node, so the same bundle runs there instead.
  return app.isPackaged
    ? utilityServerChannel({ entry, log })
    : nodeServerChannel({ entry, nodePath: process.env.COHEAR_NODE ?? 'node', log });
}

function fromOwnPage(event: IpcMainInvokeEvent, info: DesktopServerInfo): boolean {
  try {
    return new URL(event.senderFrame?.url ?? 'about:blank').origin === new URL(info.url).origin;
  } catch {
    return false;
  }
}

function registerIpc(info: DesktopServerInfo): void {
  ipcMain.handle(DESKTOP_CHANNELS.serverInfo, (event) => {
    // Only our own page may ask for the facilitator secret.
    if (!fromOwnPage(event, info)) throw new Error('refused');
    return info;
  });
  ipcMain.handle(
    DESKTOP_CHANNELS.saveFile,
    async (event, suggestedName: unknown, bytes: unknown) => {
      if (!fromOwnPage(event, info)) throw new Error('refused');
      if (typeof suggestedName !== 'string' || !(bytes instanceof Uint8Array))
        throw new Error('bad arguments');
      // The page suggests a name only; the user picks the folder, and path parts are stripped.
      const safeName =
        path
          .basename(suggestedName)
          .replace(/[^\w .()-]/g, '_')
          .slice(0, 120) || 'export';
      const win = BrowserWindow.fromWebContents(event.sender);
      const opts = { defaultPath: path.join(app.getPath('documents'), safeName) };
      const choice = win
        ? await dialog.showSaveDialog(win, opts)
        : await dialog.showSaveDialog(opts);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, bytes);
      return choice.filePath;
    },
  );
}

function linkGuard(appOrigin: string): LinkGuard {
  const file = path.join(app.getPath('userData'), 'opened-link-hosts.json');
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // First launch: no host agreed to yet.
  }
  return {
    appOrigin,
    knownHosts: parseKnownHosts(text),
    rememberHosts: (hosts) =>
      void writeFile(file, serialiseKnownHosts(hosts)).catch((e: unknown) =>
        console.error(`could not remember the opened hosts: ${String(e)}`),
      ),
  };
}

async function createWindow(info: DesktopServerInfo, guard: LinkGuard): Promise<void> {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Cohear',
    // Written out here, not built elsewhere, so electronegativity can check every setting.
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      // The page gets no Node and runs sandboxed, isolated from the preload's world.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // No page needs middle-click events, which have opened windows past the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWindow(win, guard);
  await win.loadURL(`${info.url}/`);
}

async function main(): Promise<void> {
  await app.whenReady();
  try {
    server = await superviseServer(
      serverChannel(),
      {
        type: 'start',
        dataDir: path.join(app.getPath('userData'), 'data'),
        // Inside app.asar when packaged: Electron's fs reads it there (static-files.ts).
        staticDir: path.join(appRoot, 'renderer', 'dist'),
        // Participants' phones on the same network connect to this machine.
        host: '0.0.0.0',
        port: 0,
      },
      {
        warn: (line) => console.error(line),
        onCrash: (code) => {
          // Participants lose their connection too; say so rather than leave a dead window.
          dialog.showErrorBox(
            'Cohear stopped',
            `The collaboration server stopped unexpectedly (exit ${code}). Everything it had ` +
              'confirmed is saved. Open Cohear again to carry on.',
          );
          app.exit(1);
        },
      },
    );
  } catch (e) {
    dialog.showErrorBox('Cohear could not start', (e as Error).message);
    app.exit(1);
    return;
  }
  const info: DesktopServerInfo = {
    url: server.url.replace('0.0.0.0', '127.0.0.1'),
    facilitatorSecret: server.facilitatorSecret,
    networkUrls: networkUrls(server.port),
  };
  const guard = linkGuard(new URL(info.url).origin);
  lockDownSession(session.defaultSession, guard.appOrigin);
  registerIpc(info);
  await createWindow(info, guard);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(info, guard);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !server) return;
  // Let the server flush every document before the app exits.
  event.preventDefault();
  quitting = true;
  void server.stop().finally(() => app.quit());
});

void main();
