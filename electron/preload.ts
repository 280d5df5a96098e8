import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_CHANNELS, type DesktopBridge } from '../core/desktop/bridge.ts';

// The page gets these two functions and nothing else of Electron or Node.
const bridge = {
  serverInfo: () => ipcRenderer.invoke(DESKTOP_CHANNELS.serverInfo),
  saveFile: (suggestedName: string, bytes: Uint8Array) =>
    ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, suggestedName, bytes),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('cohearDesktop', bridge);
