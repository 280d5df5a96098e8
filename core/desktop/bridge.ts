/**
 * What the desktop app's preload exposes to the page as `window.cohearDesktop`. In a plain
 * browser (server mode) it is absent, and the page works without it.
 */
export interface DesktopBridge {
  /** The embedded server's address, the facilitator secret for this launch, and addresses
   *  participants on the same network can use. */
  serverInfo(): Promise<DesktopServerInfo>;
  /** Asks where to save a file (an export) and writes it; resolves to the path, or null if cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
}

export interface DesktopServerInfo {
  url: string;
  facilitatorSecret: string;
  networkUrls: string[];
}

/** IPC channel names: the one list both main and preload are typed against. */
export const DESKTOP_CHANNELS = {
  serverInfo: 'cohear:server-info',
  saveFile: 'cohear:save-file',
} as const;
