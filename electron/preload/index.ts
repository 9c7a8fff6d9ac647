/**
 * Preload for the sandboxed renderer (bundled to CommonJS by electron-vite; a sandboxed preload can
 * require only 'electron' and the few modules Electron allows, so everything else is bundled in).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { AntalBridge } from '../../shared/ipc/contract';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer) satisfies AntalBridge;

contextBridge.exposeInMainWorld('antal', bridge);
