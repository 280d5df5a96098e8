import { BrowserWindow, app, dialog, ipcMain, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DESKTOP_CHANNELS, type DesktopServerInfo } from '../core/desktop/bridge.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server.ts';
import { networkUrls } from './network.ts';
import { denyAllPermissions, hardenWindow } from './window-security.ts';

/**
 * The desktop app's main process is a supervisor: it starts the collaboration server in its own
 * process, opens one hardened window on it, and answers two typed IPC calls.
 */
const appRoot = path.resolve(import.meta.dirname, '..', '..');
let server: EmbeddedServer | null = null;

function registerIpc(info: DesktopServerInfo): void {
  ipcMain.handle(DESKTOP_CHANNELS.serverInfo, (event) => {
    // Only our own page may ask for the facilitator secret.
    if (new URL(event.senderFrame?.url ?? 'about:blank').origin !== new URL(info.url).origin)
      throw new Error('refused');
    return info;
  });
  ipcMain.handle(
    DESKTOP_CHANNELS.saveFile,
    async (event, suggestedName: unknown, bytes: unknown) => {
      if (new URL(event.senderFrame?.url ?? 'about:blank').origin !== new URL(info.url).origin)
        throw new Error('refused');
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

async function createWindow(info: DesktopServerInfo): Promise<void> {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Cohear',
    webPreferences: {
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  hardenWindow(win, new URL(info.url).origin);
  await win.loadURL(`${info.url}/`);
}

async function main(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  try {
    server = await startEmbeddedServer({
      appRoot,
      dataDir: path.join(app.getPath('userData'), 'data'),
      packaged: app.isPackaged,
      electronPath: process.execPath,
      log: (line) => console.log(`[server] ${line}`),
    });
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
  registerIpc(info);
  await createWindow(info);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow(info);
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
