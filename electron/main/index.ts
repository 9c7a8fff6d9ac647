/**
 * Electron main process entry: hands Electron's modules and the real process (environment, file system, clock,
 * timers) to the wiring in main-process.ts, where every rule is tested with fakes.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import nodeFs from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { startMainProcess } from './main-process';

startMainProcess(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell },
  {
    env: process.env,
    platform: process.platform,
    versions: process.versions,
    mainDir: __dirname,
    fs: nodeFs,
    exists: existsSync,
    readText: (path) => nodeFs.readFile(path, 'utf8'),
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    now: () => new Date(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    setInterval: (callback, ms) => setInterval(callback, ms),
    log: (message) => console.error(message),
  },
);
