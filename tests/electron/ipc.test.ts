import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type Result } from '../../shared/ipc/contract';
import { collectAppInfo } from '../../electron/main/app-info';
import { MAX_SAVE_FILE_BYTES } from '../../electron/main/files';
import {
  ARGUMENT_VALIDATORS,
  createSenderCheck,
  INVOKE_CHANNELS,
  isSafeFileName,
  registerIpcHandlers,
  type Handlers,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from '../../electron/main/ipc';

type Sender = { id: number };
type FakeEvent = IpcInvokeEventLike<Sender>;
type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

/** An ipcMain stand-in: records handle() registrations and lets the test invoke them like a renderer would. */
function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  const ipcMain: IpcMainLike<FakeEvent> = {
    handle: (channel, listener) => {
      if (registered.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      registered.set(channel, listener);
    },
  };
  const invoke = async (channel: string, event: FakeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, ...args)) as Result<unknown>;
  };
  return { ipcMain, registered, invoke };
}

const appEvent = (url = 'app://antal/', parent: unknown = null): FakeEvent => ({ senderFrame: { url, parent }, sender: { id: 1 } });

const validOpen = { titleKey: 'dialogs.openDataset', filters: [{ nameKey: 'files.csv', extensions: ['csv', 'txt'] }] };
const validSave = {
  titleKey: 'dialogs.saveLetter',
  suggestedName: 'Svar STUDY-1.pdf',
  filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }],
  bytes: new Uint8Array([37, 80, 68, 70]),
};

function setup(overrides: Partial<Handlers<Sender>> = {}, devServerUrl?: string) {
  const handlers: Handlers<Sender> = {
    getAppInfo: vi.fn(async () => ({
      ok: true as const,
      value: collectAppInfo({ getName: () => 'Antal', getVersion: () => '0.1.0' }, { electron: '45.4.1', chrome: '140.0', node: '22.20.0' }, 'win32'),
    })),
    openFile: vi.fn(async () => ({ ok: true as const, value: { name: 'a.csv', bytes: new Uint8Array([1]) } })),
    saveFile: vi.fn(async () => ({ ok: true as const, value: { path: '/x/a.pdf', bytes: 4 } })),
    setLanguage: vi.fn(async () => ({ ok: true as const, value: null })),
    writeAutoBackup: vi.fn(async () => ({ ok: true as const, value: { name: 'antal-auto-20261130T154129123Z.antalbackup', directory: '/u/backups', bytes: 20, kept: 1 } })),
    ...overrides,
  };
  const fake = fakeIpcMain();
  const onHandlerError = vi.fn();
  registerIpcHandlers(fake.ipcMain, handlers, createSenderCheck(devServerUrl), { onHandlerError });
  return { ...fake, handlers, onHandlerError };
}

describe('registration', () => {
  it('registers exactly the five invoke channels of the contract (not the menu-command or backup-request event channels)', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(
      [IPC_CHANNELS.getAppInfo, IPC_CHANNELS.openFile, IPC_CHANNELS.saveFile, IPC_CHANNELS.setLanguage, IPC_CHANNELS.writeAutoBackup].sort(),
    );
    expect(Object.values(INVOKE_CHANNELS)).not.toContain(IPC_CHANNELS.menuCommand);
    expect(Object.values(INVOKE_CHANNELS)).not.toContain(IPC_CHANNELS.autoBackupRequest);
  });
});

describe('sender validation', () => {
  it.each([
    ['a foreign page', appEvent('https://evil.example/')],
    ['a look-alike host', appEvent('app://antal.evil.com/')],
    ['credentials trick', appEvent('app://antal@evil.com/')],
    ['a file: page', appEvent('file:///C:/Users/x/evil.html')],
    ['a sub-frame of our page', appEvent('app://antal/', { url: 'app://antal/' })],
    ['a destroyed or navigated frame', { senderFrame: null, sender: { id: 1 } }],
    ['the dev server in a packaged app', appEvent('http://localhost:5173/')],
  ])('refuses %s on every channel, without calling the handler', async (_label, event) => {
    const { invoke, handlers } = setup();
    for (const [channel, args] of [
      [IPC_CHANNELS.getAppInfo, []],
      [IPC_CHANNELS.openFile, [validOpen]],
      [IPC_CHANNELS.saveFile, [validSave]],
      [IPC_CHANNELS.setLanguage, ['sv']],
      [IPC_CHANNELS.writeAutoBackup, [new TextEncoder().encode('ANTAL-BACKUP/1\n{}\n')]],
    ] as const) {
      expect(await invoke(channel, event, ...args), channel).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('accepts the app origin, and the dev server only when one is configured', async () => {
    expect((await setup().invoke(IPC_CHANNELS.getAppInfo, appEvent('app://antal/datasets'))).ok).toBe(true);
    const dev = setup({}, 'http://localhost:5173');
    expect((await dev.invoke(IPC_CHANNELS.getAppInfo, appEvent('http://localhost:5173/'))).ok).toBe(true);
    expect((await dev.invoke(IPC_CHANNELS.getAppInfo, appEvent('http://localhost:5174/'))).ok).toBe(false);
  });

  it('answers with an error (and runs no handler) even if the sender check itself throws', async () => {
    const fake = fakeIpcMain();
    const { handlers } = setup();
    registerIpcHandlers(fake.ipcMain, handlers, () => {
      throw new Error('frame disposed');
    });
    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, appEvent())).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
  });
});

describe('argument validation', () => {
  it('passes valid arguments and the sender through to the handler', async () => {
    const { invoke, handlers } = setup();
    const event = appEvent();
    await invoke(IPC_CHANNELS.openFile, event, validOpen);
    expect(handlers.openFile).toHaveBeenCalledWith(validOpen, { sender: event.sender });
    await invoke(IPC_CHANNELS.saveFile, event, validSave);
    expect(handlers.saveFile).toHaveBeenCalledWith(validSave, { sender: event.sender });
    await invoke(IPC_CHANNELS.setLanguage, event, 'en');
    expect(handlers.setLanguage).toHaveBeenCalledWith('en', { sender: event.sender });
    await invoke(IPC_CHANNELS.openFile, event, { ...validOpen, filters: [] });
    expect(handlers.openFile).toHaveBeenCalledTimes(2);
  });

  const invalid: Array<[string, string, unknown[]]> = [
    ['getAppInfo with an argument', IPC_CHANNELS.getAppInfo, ['x']],
    ['setLanguage with no argument', IPC_CHANNELS.setLanguage, []],
    ['setLanguage with an unknown language', IPC_CHANNELS.setLanguage, ['de']],
    ['setLanguage with two arguments', IPC_CHANNELS.setLanguage, ['sv', 'en']],
    ['setLanguage with an object', IPC_CHANNELS.setLanguage, [{ toString: () => 'sv' }]],
    ['openFile with nothing', IPC_CHANNELS.openFile, []],
    ['openFile with null', IPC_CHANNELS.openFile, [null]],
    ['openFile with a string', IPC_CHANNELS.openFile, ['C:\\Windows\\win.ini']],
    ['openFile with an array', IPC_CHANNELS.openFile, [[validOpen]]],
    ['openFile with an extra property (e.g. a path)', IPC_CHANNELS.openFile, [{ ...validOpen, defaultPath: '/etc' }]],
    ['openFile with a missing property', IPC_CHANNELS.openFile, [{ titleKey: 'dialogs.open' }]],
    ['openFile with an unknown title key', IPC_CHANNELS.openFile, [{ ...validOpen, titleKey: 'dialogs.hacked' }]],
    ['openFile with a menu key as title', IPC_CHANNELS.openFile, [{ ...validOpen, titleKey: 'menu.quit' }]],
    ['openFile with free text as title', IPC_CHANNELS.openFile, [{ ...validOpen, titleKey: 'Your PC is infected' }]],
    ['openFile with an unknown filter key', IPC_CHANNELS.openFile, [{ ...validOpen, filters: [{ nameKey: 'files.exe', extensions: ['exe'] }] }]],
    ['openFile with a dotted extension', IPC_CHANNELS.openFile, [{ ...validOpen, filters: [{ nameKey: 'files.csv', extensions: ['.csv'] }] }]],
    ['openFile with a path as extension', IPC_CHANNELS.openFile, [{ ...validOpen, filters: [{ nameKey: 'files.csv', extensions: ['../x'] }] }]],
    ['openFile with no extensions', IPC_CHANNELS.openFile, [{ ...validOpen, filters: [{ nameKey: 'files.csv', extensions: [] }] }]],
    ['openFile with too many filters', IPC_CHANNELS.openFile, [{ ...validOpen, filters: Array(17).fill({ nameKey: 'files.csv', extensions: ['csv'] }) }]],
    ['openFile with a filter with an extra key', IPC_CHANNELS.openFile, [{ ...validOpen, filters: [{ nameKey: 'files.csv', extensions: ['csv'], x: 1 }] }]],
    ['saveFile with a path in the name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: '../../AppData/evil.pdf' }]],
    ['saveFile with a Windows path in the name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: 'C:\\Users\\x\\evil.pdf' }]],
    ['saveFile with a drive-relative name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: 'C:evil.pdf' }]],
    ['saveFile with a device name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: 'CON.pdf' }]],
    ['saveFile with an empty name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: '' }]],
    ['saveFile with a 201-character name', IPC_CHANNELS.saveFile, [{ ...validSave, suggestedName: `${'a'.repeat(197)}.pdf` }]],
    ['saveFile with bytes as a plain array', IPC_CHANNELS.saveFile, [{ ...validSave, bytes: [37, 80] }]],
    ['saveFile with bytes as a string', IPC_CHANNELS.saveFile, [{ ...validSave, bytes: '%PDF' }]],
    ['saveFile with missing bytes', IPC_CHANNELS.saveFile, [{ titleKey: validSave.titleKey, suggestedName: 'a.pdf', filters: [] }]],
    ['saveFile with a class instance', IPC_CHANNELS.saveFile, [Object.assign(Object.create({ evil: true }), validSave)]],
  ];

  it.each(invalid)('refuses %s with invalid-argument and a detail, without calling the handler', async (_label, channel, args) => {
    const { invoke, handlers } = setup();
    const result = await invoke(channel, appEvent(), ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', detail: expect.any(String) } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('names the offending field in the detail', () => {
    const result = ARGUMENT_VALIDATORS.openFile([{ ...validOpen, filters: [validOpen.filters[0], { nameKey: 'files.csv', extensions: ['csv', '.x'] }] }]);
    expect(result).toMatchObject({ ok: false, error: { detail: expect.stringContaining('openFile.filters[1].extensions[1]') } });
  });

  it('refuses bytes over the save limit as too-large', () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_SAVE_FILE_BYTES + 1 });
    expect(ARGUMENT_VALIDATORS.saveFile([{ ...validSave, bytes: huge }])).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it.each(['Svar STUDY-1.pdf', 'Återkoppling – Region Örebro län.pdf', 'backup 2025-01-31.antal', '.hidden'])('accepts the file name %s', (name) => {
    expect(isSafeFileName(name)).toBe(true);
  });
});

describe('errors never cross the bridge as exceptions', () => {
  it('turns a file-system error into io', async () => {
    const { invoke, onHandlerError } = setup({
      openFile: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    });
    expect(await invoke(IPC_CHANNELS.openFile, appEvent(), validOpen)).toEqual({
      ok: false,
      error: { code: 'io', detail: 'EACCES: permission denied' },
    });
    expect(onHandlerError).toHaveBeenCalledOnce();
  });

  it('turns any other exception into internal', async () => {
    const { invoke } = setup({
      setLanguage: async () => {
        throw new TypeError('menu is not a function');
      },
    });
    expect(await invoke(IPC_CHANNELS.setLanguage, appEvent(), 'sv')).toEqual({
      ok: false,
      error: { code: 'internal', detail: 'menu is not a function' },
    });
  });

  it('passes a handler\'s own error result through unchanged', async () => {
    const { invoke } = setup({ openFile: async () => ({ ok: false, error: { code: 'cancelled' } }) });
    expect(await invoke(IPC_CHANNELS.openFile, appEvent(), validOpen)).toEqual({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('getAppInfo', () => {
  it('reports the app, Electron, Chromium and Node versions and the platform', async () => {
    const { invoke } = setup();
    expect(await invoke(IPC_CHANNELS.getAppInfo, appEvent())).toEqual({
      ok: true,
      value: { name: 'Antal', version: '0.1.0', electron: '45.4.1', chrome: '140.0', node: '22.20.0', platform: 'win32' },
    });
  });

  it('says "unknown" for a version the runtime does not report (e.g. plain Node)', () => {
    expect(collectAppInfo({ getName: () => 'Antal', getVersion: () => '1.0.0' }, { node: '20.19.0' }, 'linux')).toMatchObject({
      electron: 'unknown',
      chrome: 'unknown',
      node: '20.19.0',
    });
  });
});
