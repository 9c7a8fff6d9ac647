/**
 * Electron main process: wiring only. Every decision (what may load, navigate, be asked over IPC, where the
 * window goes, how files are written) lives in a module beside this one and is unit-tested there with the
 * Electron objects passed in.
 */
import nodeFs, { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME, IPC_CHANNELS, type MenuCommand } from '../../shared/ipc/contract';
import { collectAppInfo } from './app-info';
import {
  AUTO_BACKUP_DIRECTORY,
  createBackupRequester,
  createCloseGuard,
  isDailyBackupDue,
  listAutoBackups,
  QUIT_BACKUP_TIMEOUT_MS,
  writeAutoBackup,
} from './backup';
import { atomicWriteFile, describeError, openFileWithDialog, saveFileWithDialog } from './files';
import { pickInitialLanguage, translate } from './i18n';
import { createSenderCheck, registerIpcHandlers, type Handlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createNavigationPolicy, hardenSession, hardenWebContents } from './security';
import { HOMEPAGE_URL, openExternalSafely } from './trusted-url';
import { mainWindowOptions } from './window-options';
import { loadWindowState, serializeWindowState, trackWindowState, WINDOW_STATE_FILE, type WindowStateTracker } from './window-state';
import type { Language } from '../../shared/text/language';

/** Must equal `appId` in build/electron-builder.yml (Windows taskbar grouping, installer identity). */
const APP_ID = 'se.antal.desktop';
const PRODUCT_NAME = 'Antal';
const isDev = !app.isPackaged;

// The dev server only when unpackaged: an installed Antal ignores the variable, so nobody can point it at
// another origin through the environment.
const devServerUrl = isDev ? process.env['ELECTRON_RENDERER_URL'] : undefined;

const log = (message: string, error?: unknown): void => {
  console.error(`[antal] ${message}${error === undefined ? '' : `: ${describeError(error)}`}`);
};

// userData holds IndexedDB (all datasets and assessments). Electron derives it from the product name; pin it
// so that a rename can never make an update start with an empty database. Development gets its own folder,
// so experiments never touch a real installation's data. Must be set before the single-instance lock
// (which lives in userData) and before `ready`.
app.setPath('userData', join(app.getPath('appData'), isDev ? `${PRODUCT_NAME}-dev` : PRODUCT_NAME));

// Checklist #4: sandbox every renderer, whatever a window's options say.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first over the same IndexedDB files.
  app.quit();
} else {
  start();
}

function start(): void {
  const rendererRoot = join(__dirname, '../renderer');
  const preloadPath = join(__dirname, '../preload/index.js');
  const stateFile = (): string => join(app.getPath('userData'), WINDOW_STATE_FILE);

  let mainWindow: BrowserWindow | null = null;
  let creatingWindow: Promise<BrowserWindow> | null = null;
  let windowState: WindowStateTracker | null = null;
  let language: Language = 'en';
  let stateFlushed = false;
  let quitting = false;

  // Automatic backups (backup.ts): the renderer makes the file when asked; we write and rotate it.
  const backupDirectory = (): string => join(app.getPath('userData'), AUTO_BACKUP_DIRECTORY);
  const backupRequester = createBackupRequester({
    send: () => {
      const win = liveWindow();
      if (!win || win.webContents.isLoading() || win.webContents.isCrashed()) return false;
      win.webContents.send(IPC_CHANNELS.autoBackupRequest);
      return true;
    },
    timeoutMs: QUIT_BACKUP_TIMEOUT_MS,
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  });
  const requestDailyBackupIfDue = (): void => {
    listAutoBackups(nodeFs, backupDirectory())
      .then((entries) => (isDailyBackupDue(entries.at(-1)?.at ?? null, new Date()) ? backupRequester.request() : null))
      .then((outcome) => {
        if (outcome && outcome !== 'written') log(`daily backup ${outcome}`);
      })
      .catch((error: unknown) => log('could not check the automatic backups', error));
  };

  const openHomepage = (): void => {
    openExternalSafely(shell, HOMEPAGE_URL).catch((error: unknown) => log('could not open the homepage', error));
  };

  const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

  function sendMenuCommand(command: MenuCommand): void {
    const win = liveWindow();
    if (win) {
      win.webContents.send(IPC_CHANNELS.menuCommand, command);
      return;
    }
    // macOS keeps the menu with no window open: open one, then deliver the command once the page has loaded.
    ensureMainWindow()
      .then((created) => created.webContents.once('did-finish-load', () => created.webContents.send(IPC_CHANNELS.menuCommand, command)))
      .catch((error: unknown) => log('could not open the window', error));
  }

  function rebuildMenu(): void {
    const template = buildMenuTemplate(language, process.platform, sendMenuCommand, { isDev, openHomepage });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async function createMainWindow(): Promise<BrowserWindow> {
    const state = await loadWindowState(() => readFile(stateFile(), 'utf8'), screen);
    const win = new BrowserWindow(mainWindowOptions(state.bounds, preloadPath, PRODUCT_NAME, { devTools: isDev }));
    mainWindow = win;
    windowState = trackWindowState(win, (next) => atomicWriteFile(stateFile(), new TextEncoder().encode(serializeWindowState(next))), {
      onError: (error) => log('could not save the window state', error),
    });
    win.once('ready-to-show', () => {
      if (state.isMaximized) win.maximize();
      win.show();
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    // Hold the first close until the renderer's backup is written (or failed, or timed out), then go on.
    const closeGuard = createCloseGuard(backupRequester, (outcome) => {
      if (outcome !== 'written') log(`backup on quit ${outcome}`);
    });
    win.on('close', (event) => closeGuard(event, () => (quitting ? app.quit() : win.close())));
    // A minute after start-up, when the page has opened its database and listens for requests.
    win.webContents.once('did-finish-load', () => setTimeout(requestDailyBackupIfDue, 60_000).unref());
    win.loadURL(devServerUrl ?? `${APP_ORIGIN}/`).catch((error: unknown) => log('could not load the app', error));
    return win;
  }

  function ensureMainWindow(): Promise<BrowserWindow> {
    const win = liveWindow();
    if (win) return Promise.resolve(win);
    creatingWindow ??= createMainWindow().finally(() => {
      creatingWindow = null;
    });
    return creatingWindow;
  }

  const senderCheck = createSenderCheck(devServerUrl);
  // Also require the message to come from *our* window's contents, not merely from a page on our origin.
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => senderCheck(event) && event.sender === liveWindow()?.webContents;

  const windowOf = (sender: WebContents): BrowserWindow | null => BrowserWindow.fromWebContents(sender);
  const handlers: Handlers<WebContents> = {
    getAppInfo: async () => ({ ok: true, value: collectAppInfo(app, process.versions, process.platform) }),
    openFile: async (request, { sender }) => {
      const win = windowOf(sender);
      if (!win) return { ok: false, error: { code: 'internal', detail: 'the sender has no window' } };
      return openFileWithDialog(dialog, win, request, { language });
    },
    saveFile: async (request, { sender }) => {
      const win = windowOf(sender);
      if (!win) return { ok: false, error: { code: 'internal', detail: 'the sender has no window' } };
      return saveFileWithDialog(dialog, win, request, { language, defaultDirectory: app.getPath('documents') });
    },
    setLanguage: async (next) => {
      language = next;
      rebuildMenu();
      return { ok: true, value: null };
    },
    writeAutoBackup: async (bytes) => {
      try {
        const written = await writeAutoBackup(bytes, {
          fs: nodeFs,
          directory: backupDirectory(),
          now: () => new Date(),
          onRotationError: (name, error) => log(`could not remove the old backup ${name}`, error),
        });
        backupRequester.fulfil(true);
        return { ok: true, value: written };
      } catch (error) {
        backupRequester.fulfil(false);
        throw error;
      }
    },
  };

  const isAllowedNavigation = createNavigationPolicy({ devServerUrl, allowDevTools: isDev });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      isAllowedNavigation,
      onBlockedExternalUrl: (url) => {
        openExternalSafely(shell, url).catch((error: unknown) => log('could not open a link', error));
      },
    });
  });

  app.on('second-instance', () => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  // Once a day while the app stays open (the check is cheap: one directory listing).
  setInterval(requestDailyBackupIfDue, 60 * 60 * 1000).unref();

  app.on('window-all-closed', () => {
    // macOS apps stay running with no window until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      ensureMainWindow().catch((error: unknown) => log('could not open the window', error));
    }
  });

  // Let the last window-state save finish (it is written on close), but never hang the quit on a slow disk.
  app.on('will-quit', (event) => {
    if (stateFlushed || !windowState) return;
    event.preventDefault();
    stateFlushed = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 2000));
    void Promise.race([windowState.flush(), timeout]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
      language = pickInitialLanguage(app.getPreferredSystemLanguages());
      hardenSession(session.defaultSession, {
        devServerUrl,
        onBlockedRequest: (url) => log(`blocked a request to ${url}`),
      });
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (path) => readFile(path)));
      registerIpcHandlers(ipcMain, handlers, isTrustedSender, {
        onHandlerError: (method, error) => log(`IPC ${method} failed`, error),
      });
      rebuildMenu();
      await ensureMainWindow();
    })
    .catch((error: unknown) => {
      log('start-up failed', error);
      dialog.showErrorBox(PRODUCT_NAME, `${translate(language, 'errors.startup')}\n\n${describeError(error)}`);
      app.exit(1);
    });
}
