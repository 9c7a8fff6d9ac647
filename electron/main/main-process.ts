/**
 * The main process's wiring: which guard goes on which Electron object, in which order. Every decision lives in a
 * module beside this one; this function only connects them. It takes Electron's modules and the process's
 * environment as arguments (index.ts passes the real ones), so the wiring itself is tested with fakes: that the
 * sandbox is switched on for every renderer, that a packaged app ignores ELECTRON_RENDERER_URL, that only our own
 * window may call the bridge, and that automatic backups are accepted only when asked for.
 */
import { join } from 'node:path';
import type { MenuItemConstructorOptions, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue, Shell } from 'electron';
import { APP_ORIGIN, APP_SCHEME, IPC_CHANNELS, type MenuCommand } from '../../shared/ipc/contract';
import type { Language } from '../../shared/text/language';
import { collectAppInfo, type RuntimeVersions } from './app-info';
import {
  AUTO_BACKUP_DIRECTORY,
  AutoBackupRefused,
  type BackupFs,
  createBackupRequester,
  createCloseGuard,
  isDailyBackupDue,
  listAutoBackups,
  QUIT_BACKUP_TIMEOUT_MS,
  writeAutoBackup,
} from './backup';
import { atomicWriteFile, describeError, openFileWithDialog, saveFileWithDialog } from './files';
import { pickInitialLanguage, translate } from './i18n';
import { createSenderCheck, registerIpcHandlers, type Handlers, type IpcInvokeEventLike } from './ipc';
import { buildMenuTemplate } from './menu';
import { createAppProtocolHandler, registerAppScheme, type APP_SCHEME_PRIVILEGES } from './protocol';
import { createNavigationPolicy, type GuardedSession, type GuardedWebContents, hardenSession, hardenWebContents, type PreventableEvent } from './security';
import { HOMEPAGE_URL, openExternalSafely } from './trusted-url';
import { chooseUserDataPath } from './user-data';
import { mainWindowOptions } from './window-options';
import { loadWindowState, type ScreenLike, serializeWindowState, trackWindowState, type TrackedWindow, WINDOW_STATE_FILE, type WindowStateTracker } from './window-state';

/** Must equal `appId` in the electron-builder configuration (Windows taskbar grouping, installer identity). */
export const APP_ID = 'se.antal.desktop';
export const PRODUCT_NAME = 'Antal';
/** How long after the page has loaded the first daily-backup check runs (the page has opened its database by then). */
export const DAILY_BACKUP_FIRST_CHECK_MS = 60_000;
export const DAILY_BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** A quit waits at most this long for the window state to be saved. */
export const WINDOW_STATE_FLUSH_TIMEOUT_MS = 2000;

// ---------------------------------------------------------------------------------------------------------
// The parts of Electron the wiring uses. Electron's own objects satisfy these (index.ts passes them in, so the
// compiler checks that); tests pass fakes.

export interface MainWebContents extends GuardedWebContents {
  send(channel: string, ...args: unknown[]): void;
  isLoading(): boolean;
  isCrashed(): boolean;
  once(event: 'did-finish-load', listener: () => void): unknown;
}

export interface MainWindow extends TrackedWindow {
  readonly webContents: MainWebContents;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  maximize(): void;
  restore(): void;
  focus(): void;
  close(): void;
}

export interface BrowserWindowStatic<W extends MainWindow> {
  new (options: ReturnType<typeof mainWindowOptions>): W;
  fromWebContents(contents: MainWebContents): W | null;
  getAllWindows(): W[];
}

type PathName = 'appData' | 'home' | 'userData' | 'documents';

export interface MainApp {
  readonly isPackaged: boolean;
  getPath(name: PathName): string;
  setPath(name: 'userData', path: string): void;
  getName(): string;
  getVersion(): string;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code: number): void;
  setAppUserModelId(id: string): void;
  getPreferredSystemLanguages(): string[];
  on(event: 'web-contents-created', listener: (event: unknown, contents: MainWebContents) => void): unknown;
  on(event: 'second-instance' | 'before-quit' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface MainDialog<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showErrorBox(title: string, content: string): void;
}

export interface MainIpc<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

export interface MainMenu<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
  setApplicationMenu(menu: M | null): void;
}

export interface MainProtocol {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { -readonly [K in keyof typeof APP_SCHEME_PRIVILEGES]?: boolean } }[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface ElectronModules<W extends MainWindow, E extends IpcInvokeEventLike<MainWebContents>, M> {
  app: MainApp;
  BrowserWindow: BrowserWindowStatic<W>;
  dialog: MainDialog<W>;
  ipcMain: MainIpc<E>;
  Menu: MainMenu<M>;
  protocol: MainProtocol;
  screen: ScreenLike;
  /** Read only after `ready` (Electron throws before). */
  session: { readonly defaultSession: GuardedSession };
  /** Used only through openExternalSafely (the https allow-list). */
  shell: Pick<Shell, 'openExternal'>;
}

/** What the process gives the wiring besides Electron: environment, file system, clock, timers, log. */
export interface MainProcessHost {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  versions: RuntimeVersions;
  /** The folder of the built main bundle (out/main): the renderer and the preload are beside it. */
  mainDir: string;
  fs: BackupFs & {
    readFile(path: string): Promise<Uint8Array>;
  };
  /** Synchronous existence check, for choosing the data folder before anything else runs. */
  exists(path: string): boolean;
  readText(path: string): Promise<string>;
  sha256(bytes: Uint8Array): string;
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  /** Where the wiring's log lines go (stderr in the app). */
  log: (message: string) => void;
}

export interface MainProcess {
  /** Resolves when start-up has finished (the window exists), or at once when another instance already runs. */
  ready: Promise<void>;
  /** The dev server the app loads, if any: undefined in a packaged app, whatever the environment says. */
  devServerUrl: string | undefined;
}

export function startMainProcess<W extends MainWindow, E extends IpcInvokeEventLike<MainWebContents>, M>(
  electron: ElectronModules<W, E, M>,
  host: MainProcessHost,
): MainProcess {
  const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, shell } = electron;
  const isDev = !app.isPackaged;

  // The dev server only when unpackaged: an installed Antal ignores the variable, so nobody can point it at
  // another origin through the environment.
  const devServerUrl = isDev ? host.env['ELECTRON_RENDERER_URL'] : undefined;

  const log = (message: string, error?: unknown): void => {
    host.log(`[antal] ${message}${error === undefined ? '' : `: ${describeError(error)}`}`);
  };

  // userData holds IndexedDB (all datasets and assessments): see user-data.ts for where and why. Must be set
  // before the single-instance lock (which lives in userData) and before `ready`.
  const dataFolder = chooseUserDataPath({
    platform: host.platform,
    isPackaged: app.isPackaged,
    env: host.env,
    appData: app.getPath('appData'),
    home: app.getPath('home'),
    exists: host.exists,
  });
  if (dataFolder.ignored) log('ANTAL_DATA_DIR is not an absolute path: it was ignored and the default data folder is used');
  app.setPath('userData', dataFolder.path);

  // Security checklist #4: sandbox every renderer, whatever a window's options say.
  app.enableSandbox();
  registerAppScheme(protocol);

  if (!app.requestSingleInstanceLock()) {
    // A second copy would fight the first over the same IndexedDB files.
    app.quit();
    return { ready: Promise.resolve(), devServerUrl };
  }

  const rendererRoot = join(host.mainDir, '../renderer');
  const preloadPath = join(host.mainDir, '../preload/index.js');
  const stateFile = (): string => join(app.getPath('userData'), WINDOW_STATE_FILE);

  let mainWindow: W | null = null;
  let creatingWindow: Promise<W> | null = null;
  let windowState: WindowStateTracker | null = null;
  let language: Language = 'en';
  let stateFlushed = false;
  let quitting = false;

  const liveWindow = (): W | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

  // Automatic backups (backup.ts): the renderer makes the file when asked; we check, write and thin out.
  const backupDirectory = (): string => join(app.getPath('userData'), AUTO_BACKUP_DIRECTORY);
  const backupRequester = createBackupRequester({
    send: () => {
      const win = liveWindow();
      if (!win || win.webContents.isLoading() || win.webContents.isCrashed()) return false;
      win.webContents.send(IPC_CHANNELS.autoBackupRequest);
      return true;
    },
    timeoutMs: QUIT_BACKUP_TIMEOUT_MS,
    setTimer: (callback, ms) => host.setTimeout(callback, ms),
    clearTimer: (timer) => host.clearTimeout(timer),
  });
  const requestDailyBackupIfDue = (): void => {
    listAutoBackups(host.fs, backupDirectory())
      .then((entries) => (isDailyBackupDue(entries.at(-1)?.at ?? null, host.now()) ? backupRequester.request() : null))
      .then((outcome) => {
        if (outcome && outcome !== 'written') log(`daily backup ${outcome}`);
      })
      .catch((error: unknown) => log('could not check the automatic backups', error));
  };

  const openHomepage = (): void => {
    openExternalSafely(shell, HOMEPAGE_URL).catch((error: unknown) => log('could not open the homepage', error));
  };

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
    const template = buildMenuTemplate(language, host.platform, sendMenuCommand, { isDev, openHomepage });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async function createMainWindow(): Promise<W> {
    const state = await loadWindowState(() => host.readText(stateFile()), screen);
    const win = new BrowserWindow(mainWindowOptions(state.bounds, preloadPath, PRODUCT_NAME, { devTools: isDev }));
    mainWindow = win;
    windowState = trackWindowState(win, (next) => atomicWriteFile(stateFile(), new TextEncoder().encode(serializeWindowState(next)), { fs: host.fs, platform: host.platform }), {
      timers: { setTimeout: host.setTimeout, clearTimeout: host.clearTimeout },
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
    win.webContents.once('did-finish-load', () => {
      host.setTimeout(requestDailyBackupIfDue, DAILY_BACKUP_FIRST_CHECK_MS);
    });
    win.loadURL(devServerUrl ?? `${APP_ORIGIN}/`).catch((error: unknown) => log('could not load the app', error));
    return win;
  }

  function ensureMainWindow(): Promise<W> {
    const win = liveWindow();
    if (win) return Promise.resolve(win);
    creatingWindow ??= createMainWindow().finally(() => {
      creatingWindow = null;
    });
    return creatingWindow;
  }

  const senderCheck = createSenderCheck(devServerUrl);
  // Also require the message to come from *our* window's contents, not merely from a page on our origin (another
  // web contents on app://antal, e.g. a devtools extension page or a future second window, gets nothing).
  const isTrustedSender = (event: E): boolean => {
    const win = liveWindow();
    return win !== null && event.sender === win.webContents && senderCheck(event);
  };

  const windowOf = (sender: MainWebContents): W | null => BrowserWindow.fromWebContents(sender);
  const handlers: Handlers<MainWebContents> = {
    getAppInfo: async () => ({ ok: true, value: collectAppInfo(app, host.versions, host.platform) }),
    openFile: async (request, { sender }) => {
      const win = windowOf(sender);
      if (!win) return { ok: false, error: { code: 'internal', detail: 'the sender has no window' } };
      return openFileWithDialog(dialog, win, request, { language, fs: host.fs });
    },
    saveFile: async (request, { sender }) => {
      const win = windowOf(sender);
      if (!win) return { ok: false, error: { code: 'internal', detail: 'the sender has no window' } };
      return saveFileWithDialog(dialog, win, request, {
        language,
        defaultDirectory: app.getPath('documents'),
        write: (target, bytes) => atomicWriteFile(target, bytes, { fs: host.fs, platform: host.platform }),
      });
    },
    setLanguage: async (next) => {
      language = next;
      rebuildMenu();
      return { ok: true, value: null };
    },
    writeAutoBackup: async (bytes) => {
      // Only the one answer to a request we made: a page cannot write backups on its own schedule.
      if (!backupRequester.claim()) return { ok: false, error: { code: 'not-requested', detail: 'no automatic backup was requested' } };
      try {
        const written = await writeAutoBackup(bytes, {
          fs: host.fs,
          directory: backupDirectory(),
          now: host.now,
          sha256: host.sha256,
          atomic: { platform: host.platform },
          onRotationError: (name, error) => log(`could not remove the old backup ${name}`, error),
        });
        backupRequester.fulfil(true);
        return { ok: true, value: written };
      } catch (error) {
        backupRequester.fulfil(false);
        if (error instanceof AutoBackupRefused) return { ok: false, error: { code: 'invalid-argument', detail: `writeAutoBackup: ${error.detail}` } };
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
  // Once an hour while the app stays open (the check is cheap: one directory listing).
  host.setInterval(requestDailyBackupIfDue, DAILY_BACKUP_CHECK_INTERVAL_MS);

  app.on('window-all-closed', () => {
    // macOS apps stay running with no window until the user quits.
    if (host.platform !== 'darwin') app.quit();
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
    const timeout = new Promise<void>((resolve) => host.setTimeout(resolve, WINDOW_STATE_FLUSH_TIMEOUT_MS));
    void Promise.race([windowState.flush(), timeout]).finally(() => app.quit());
  });

  const ready = app
    .whenReady()
    .then(async () => {
      if (host.platform === 'win32') app.setAppUserModelId(APP_ID);
      language = pickInitialLanguage(app.getPreferredSystemLanguages());
      hardenSession(electron.session.defaultSession, {
        devServerUrl,
        onBlockedRequest: (url) => log(`blocked a request to ${url}`),
      });
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (path) => host.fs.readFile(path)));
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
  return { ready, devServerUrl };
}
