import { shell, type BrowserWindow, type Session } from 'electron';

/**
 * Keeps the window on the embedded server's pages: new windows are refused (web links open in
 * the user's browser instead), navigation elsewhere is blocked, and no permission (camera,
 * microphone, notifications, location) is granted to the page.
 */
export function hardenWindow(win: BrowserWindow, allowedOrigin: string): void {
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url) && new URL(url).origin !== allowedOrigin)
      void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== allowedOrigin) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
