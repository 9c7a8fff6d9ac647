/**
 * A stand-in for the parts of Electron the main process's wiring uses (electron/main/main-process.ts), recording
 * what the wiring does to it, in order. No Electron binary can run here; these fakes let the tests drive the real
 * wiring: fire app and window events, call the registered IPC handlers, ask the installed request filter.
 */
import type { MenuItemConstructorOptions, OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import type { ElectronModules, MainProcessHost, MainWebContents, MainWindow } from '../../electron/main/main-process';
import type { GuardedSession, PreventableEvent, RequestFilterResponse } from '../../electron/main/security';
import type { Rect } from '../../electron/main/window-state';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapper));
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

/** A navigation or close event whose preventDefault the test can observe. */
export function preventable(url = ''): PreventableEvent & { url: string; prevented: boolean } {
  const event = {
    url,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends Emitter implements MainWebContents {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  loading = false;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isLoading(): boolean {
    return this.loading;
  }
  isCrashed(): boolean {
    return false;
  }
}

/** Every fake the wiring touches, with the order of the calls that matter. */
export function createFakeElectron(options: { isPackaged: boolean; singleInstance?: boolean; paths?: Partial<Record<string, string>> }) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class FakeWindow extends Emitter implements MainWindow {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    destroyed = false;
    shown = false;
    closedByCode = 0;
    constructor(readonly options: unknown) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static fromWebContents(contents: MainWebContents): FakeWindow | null {
      return windows.find((w) => w.webContents === contents && !w.destroyed) ?? null;
    }
    static getAllWindows(): FakeWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds(): Rect {
      return { x: 10, y: 10, width: 1280, height: 800 };
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
    show(): void {
      this.shown = true;
    }
    maximize(): void {}
    restore(): void {}
    focus(): void {}
    close(): void {
      this.closedByCode += 1;
    }
  }

  class FakeApp extends Emitter {
    readonly isPackaged = options.isPackaged;
    readonly paths = new Map<string, string>(Object.entries({ appData: '/home/anna/.config', home: '/home/anna', documents: '/home/anna/Documents', ...options.paths }) as [string, string][]);
    quitCalls = 0;
    exitCode: number | null = null;
    getPath(name: string): string {
      const path = this.paths.get(name);
      if (path === undefined) throw new Error(`no path ${name}`);
      return path;
    }
    setPath(name: string, path: string): void {
      calls.push(`setPath ${name} ${path}`);
      this.paths.set(name, path);
    }
    getName(): string {
      return 'Antal';
    }
    getVersion(): string {
      return '0.1.0';
    }
    enableSandbox(): void {
      calls.push('enableSandbox');
    }
    requestSingleInstanceLock(): boolean {
      calls.push('requestSingleInstanceLock');
      return options.singleInstance ?? true;
    }
    whenReady(): Promise<void> {
      return readyPromise;
    }
    quit(): void {
      this.quitCalls += 1;
    }
    exit(code: number): void {
      this.exitCode = code;
    }
    setAppUserModelId(id: string): void {
      calls.push(`setAppUserModelId ${id}`);
    }
    getPreferredSystemLanguages(): string[] {
      return ['sv-SE'];
    }
  }
  const app = new FakeApp();

  const ipcHandlers = new Map<string, (event: FakeIpcEvent, ...args: unknown[]) => Promise<unknown>>();
  const requestFilters: ((details: { url: string }, callback: (response: RequestFilterResponse) => void) => void)[] = [];
  const defaultSession: GuardedSession = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    on: () => undefined,
    webRequest: { onBeforeRequest: (listener) => void requestFilters.push(listener) },
  };
  let sessionReadBeforeReady = false;
  let isReady = false;
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const errorBoxes: string[] = [];
  const menus: MenuItemConstructorOptions[][] = [];

  const electron: ElectronModules<FakeWindow, FakeIpcEvent, MenuItemConstructorOptions[]> = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showOpenDialog: async (): Promise<OpenDialogReturnValue> => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async (): Promise<SaveDialogReturnValue> => ({ canceled: true, filePath: '' }),
      showErrorBox: (title, content) => void errorBoxes.push(`${title}: ${content}`),
    },
    ipcMain: { handle: (channel, listener) => void ipcHandlers.set(channel, listener) },
    Menu: { buildFromTemplate: (template) => template, setApplicationMenu: (menu) => void (menu && menus.push(menu)) },
    protocol: {
      registerSchemesAsPrivileged: (schemes) => void calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme, handler) => void protocolHandlers.set(scheme, handler),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    session: {
      get defaultSession() {
        if (!isReady) sessionReadBeforeReady = true;
        return defaultSession;
      },
    },
    shell: { openExternal: async () => undefined },
  };

  return {
    electron,
    app,
    calls,
    windows,
    ipcHandlers,
    protocolHandlers,
    errorBoxes,
    menus,
    get sessionReadBeforeReady() {
      return sessionReadBeforeReady;
    },
    /** Fires `ready`: what the wiring does then runs on the next microtasks. */
    ready() {
      isReady = true;
      calls.push('ready');
      resolveReady();
    },
    /** What the request filter the wiring installed answers for a URL (true = let through). */
    requestAllowed(url: string): boolean {
      let allowed: boolean | undefined;
      for (const filter of requestFilters) filter({ url }, (response) => (allowed = !response.cancel));
      if (allowed === undefined) throw new Error('no request filter installed');
      return allowed;
    },
    /** Calls the handler registered on `channel` as Electron would for a message from `event`. */
    async invoke(channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler on ${channel}`);
      return handler(event, ...args);
    },
  };
}

export interface FakeIpcEvent {
  sender: MainWebContents;
  senderFrame: { url: string; parent: unknown } | null;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** A host whose timers the test fires by hand; file system and hashing are real (a temp folder in the tests). */
export function createFakeHost(overrides: Partial<MainProcessHost> & Pick<MainProcessHost, 'fs'>) {
  const timers = new Map<number, { callback: () => void; ms: number; repeat: boolean }>();
  let next = 1;
  const logs: string[] = [];
  const host: MainProcessHost = {
    env: {},
    platform: 'linux',
    versions: { electron: '45.6.1', chrome: '142.0.0.0', node: '22.20.0' },
    mainDir: '/opt/antal/resources/app.asar/out/main',
    exists: () => false,
    readText: async () => Promise.reject(Object.assign(new Error('ENOENT: no window state'), { code: 'ENOENT' })),
    sha256: () => {
      throw new Error('give the host a sha256');
    },
    now: () => new Date('2026-11-30T12:00:00.000Z'),
    setTimeout: (callback, ms) => {
      timers.set(next, { callback, ms, repeat: false });
      return next++;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    setInterval: (callback, ms) => {
      timers.set(next, { callback, ms, repeat: true });
      return next++;
    },
    log: (message) => void logs.push(message),
    ...overrides,
  };
  return {
    host,
    logs,
    /** Fires every pending one-shot timer with exactly this delay. */
    fire(ms: number): number {
      let fired = 0;
      for (const [id, timer] of [...timers]) {
        if (timer.ms !== ms) continue;
        if (!timer.repeat) timers.delete(id);
        timer.callback();
        fired += 1;
      }
      return fired;
    },
  };
}
