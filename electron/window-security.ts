import { dialog, shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../collab-server/http/static-files.ts';
import { decideLink, navigationAllowed, type LinkContext } from './link-policy.ts';

export interface LinkGuard {
  /** The embedded server's origin: the only one the window may show. */
  appOrigin: string;
  knownHosts: Set<string>;
  /** Called after the user agrees to a new host, so the choice outlives this launch. */
  rememberHosts(hosts: ReadonlySet<string>): void;
}

/**
 * Keeps every window on the embedded server's pages (link-policy.ts decides; this file only
 * carries the decision out): other addresses open outside the app after the user agrees, and
 * anything else is refused.
 */
export function hardenWindow(win: BrowserWindow, guard: LinkGuard): void {
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideLink(url, context(guard));
    // A window the page opens inherits its opener's settings (and preload); the safety ones are
    // restated so they cannot be lost.
    if (decision.action === 'open-in-app')
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          webPreferences: {
            contextIsolation: true,
            sandbox: true,
            nodeIntegration: false,
            webviewTag: false,
            disableBlinkFeatures: 'Auxclick',
          },
        },
      };
    followLink(win, url, guard);
    return { action: 'deny' };
  });
  // The projector window is the page's own; it gets the same guards.
  contents.on('did-create-window', (child) => hardenWindow(child, guard));
  contents.on('will-navigate', (event, url) => {
    if (navigationAllowed(url, guard.appOrigin)) return;
    event.preventDefault();
    followLink(win, url, guard);
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url, guard.appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Carries out a link decision; a failure (no browser, no mail program) is logged, never thrown. */
function followLink(win: BrowserWindow, url: string, guard: LinkGuard): void {
  carryOut(win, url, guard).catch((e: unknown) =>
    console.error(`could not open a link outside the app: ${String(e)}`),
  );
}

function context(guard: LinkGuard): LinkContext {
  return { appOrigin: guard.appOrigin, knownHosts: guard.knownHosts };
}

async function carryOut(win: BrowserWindow, url: string, guard: LinkGuard): Promise<void> {
  const decision = decideLink(url, context(guard));
  if (decision.action === 'open-external') return shell.openExternal(url);
  if (decision.action !== 'confirm-external') return;
  // A page (or a participant's pasted link in it) asked to leave the app: the user sees where.
  const choice = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open a web page?',
    message: `Open ${decision.host} in your web browser?`,
    detail: `${url}\n\nCohear has not opened this site before. Open it only if you expected this link.`,
    checkboxLabel: `Do not ask again for ${decision.host}`,
  });
  if (choice.response !== 0) return;
  if (choice.checkboxChecked) {
    guard.knownHosts.add(decision.host);
    guard.rememberHosts(guard.knownHosts);
  }
  return shell.openExternal(url);
}

/**
 * No permission (camera, microphone, notifications, location, clipboard reading, ...) is ever
 * granted: no page of Cohear needs one. Responses from our origin also carry the server's CSP
 * here, so the window is protected even if a page were served without its header.
 */
export function lockDownSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, _item, wc: WebContents) => {
    // Downloads (an export link) come from our own pages only; Electron asks where to save them.
    if (!navigationAllowed(wc.getURL(), appOrigin)) event.preventDefault();
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!navigationAllowed(details.url, appOrigin)) return callback({});
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
