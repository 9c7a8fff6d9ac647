/**
 * The main process's wiring (electron/main/main-process.ts) driven through fake Electron modules: the sandbox is
 * switched on for every renderer before anything else, a packaged app ignores ELECTRON_RENDERER_URL everywhere it
 * matters (what it loads, where it may navigate, what it may request, who may call the bridge), only our own
 * window's page may call the bridge, automatic backups are accepted only when asked for, and the data folder is
 * chosen before the single-instance lock (which lives in it).
 */
import { createHash } from 'node:crypto';
import nodeFs, { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileOf } from '../shared/backup/backup-file';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import { QUIT_BACKUP_TIMEOUT_MS } from '../../electron/main/backup';
import { APP_ID, startMainProcess } from '../../electron/main/main-process';
import { createFakeElectron, createFakeHost, FakeWebContents, preventable, type FakeElectron } from './fake-electron';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'antal-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(options: { isPackaged: boolean; env?: Record<string, string>; singleInstance?: boolean }) {
  const fake = createFakeElectron({ isPackaged: options.isPackaged, ...(options.singleInstance !== undefined ? { singleInstance: options.singleInstance } : {}), paths: { appData: dir } });
  const host = createFakeHost({ fs: nodeFs, env: options.env ?? {}, sha256 });
  const main = startMainProcess(fake.electron, host.host);
  return { fake, host, main };
}

async function startReady(options: Parameters<typeof start>[0]) {
  const started = start(options);
  started.fake.ready();
  await started.main.ready;
  return { ...started, window: started.fake.windows[0]! };
}

/** A message from the top-level frame at `url` of `sender`. */
const from = (sender: FakeWebContents, url = 'app://antal/') => ({ sender, senderFrame: { url, parent: null } });

describe('the sandbox', () => {
  it('is switched on for every renderer before the app is ready and before any window exists', async () => {
    const { fake, main } = start({ isPackaged: true });
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.windows).toHaveLength(0);
    fake.ready();
    await main.ready;
    expect(fake.windows).toHaveLength(1);
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('ready'));
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
  });

  it('the privileged app:// scheme is registered before ready (Electron ignores it afterwards)', () => {
    const { fake } = start({ isPackaged: true });
    expect(fake.calls).toContain('registerSchemesAsPrivileged app');
    expect(fake.sessionReadBeforeReady).toBe(false);
  });
});

describe('ELECTRON_RENDERER_URL', () => {
  const elsewhere = 'https://antal.evil.example';

  it('a packaged app ignores it: loads app://antal/ and refuses that origin for navigation, requests and the bridge', async () => {
    const { fake, window, main } = await startReady({ isPackaged: true, env: { ELECTRON_RENDERER_URL: elsewhere } });
    expect(main.devServerUrl).toBeUndefined();
    expect(window.loaded).toEqual(['app://antal/']);

    const navigation = preventable(`${elsewhere}/`);
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.prevented).toBe(true);
    const frame = preventable(`${elsewhere}/frame.html`);
    window.webContents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);

    expect(fake.requestAllowed(`${elsewhere}/assets/index.js`)).toBe(false);
    expect(fake.requestAllowed('app://antal/assets/index.js')).toBe(true);

    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, from(window.webContents, `${elsewhere}/`))).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, from(window.webContents))).toMatchObject({ ok: true, value: { name: 'Antal', version: '0.1.0' } });
  });

  it('development uses it (so the test above shows the packaged app ignoring a variable that is read)', async () => {
    const dev = 'http://localhost:5173';
    const { fake, window, main } = await startReady({ isPackaged: false, env: { ELECTRON_RENDERER_URL: dev } });
    expect(main.devServerUrl).toBe(dev);
    expect(window.loaded).toEqual([dev]);
    expect(fake.requestAllowed(`${dev}/src/main.tsx`)).toBe(true);
    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, from(window.webContents, `${dev}/`))).toMatchObject({ ok: true });
  });
});

describe('who may call the bridge', () => {
  it('only the main window\'s own page: another web contents on app://antal gets forbidden-sender', async () => {
    const { fake, window } = await startReady({ isPackaged: true });
    const stranger = new FakeWebContents();
    for (const channel of [IPC_CHANNELS.getAppInfo, IPC_CHANNELS.setLanguage]) {
      const args = channel === IPC_CHANNELS.setLanguage ? ['sv'] : [];
      expect(await fake.invoke(channel, from(stranger), ...args)).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
      expect(await fake.invoke(channel, from(window.webContents), ...args)).toMatchObject({ ok: true });
    }
  });

  it('not a sub-frame of our window, and nothing once the window is gone', async () => {
    const { fake, window } = await startReady({ isPackaged: true });
    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, { sender: window.webContents, senderFrame: { url: 'app://antal/', parent: {} } })).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    window.destroyed = true;
    expect(await fake.invoke(IPC_CHANNELS.getAppInfo, from(window.webContents))).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('registers the contract\'s invoke channels and nothing else', async () => {
    const { fake } = await startReady({ isPackaged: true });
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [IPC_CHANNELS.getAppInfo, IPC_CHANNELS.openFile, IPC_CHANNELS.saveFile, IPC_CHANNELS.setLanguage, IPC_CHANNELS.writeAutoBackup].sort(),
    );
  });
});

/** A complete, checksum-valid backup file. */
const backupFile = (note: string): Uint8Array => backupFileOf({ note });

async function backupsIn(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

describe('automatic backups through the wiring', () => {
  const backups = () => path.join(dir, 'Antal', 'backups');

  function closeWindow(fake: FakeElectron) {
    const close = preventable();
    fake.windows[0]!.emit('close', close);
    return close;
  }

  it('refuses a backup nobody asked for, and writes nothing', async () => {
    const { fake, window } = await startReady({ isPackaged: true });
    expect(await fake.invoke(IPC_CHANNELS.writeAutoBackup, from(window.webContents), backupFile('unasked'))).toMatchObject({ ok: false, error: { code: 'not-requested' } });
    expect(await backupsIn(backups())).toEqual([]);
  });

  it('on quit asks the page once, accepts its one answer, and refuses a second write for the same request', async () => {
    const { fake, window } = await startReady({ isPackaged: true });
    const close = closeWindow(fake);
    expect(close.prevented).toBe(true);
    expect(window.webContents.sent.map((m) => m.channel)).toEqual([IPC_CHANNELS.autoBackupRequest]);

    const written = await fake.invoke(IPC_CHANNELS.writeAutoBackup, from(window.webContents), backupFile('first'));
    expect(written).toMatchObject({ ok: true, value: { directory: backups(), kept: 1 } });
    expect(await backupsIn(backups())).toHaveLength(1);
    await expect.poll(() => window.closedByCode).toBe(1);

    expect(await fake.invoke(IPC_CHANNELS.writeAutoBackup, from(window.webContents), backupFile('second'))).toMatchObject({ ok: false, error: { code: 'not-requested' } });
    expect(await backupsIn(backups())).toHaveLength(1);
  });

  it('refuses a requested backup whose checksum does not match, writes nothing, and lets the quit go on', async () => {
    const { fake, window } = await startReady({ isPackaged: true });
    closeWindow(fake);
    const damaged = backupFile('damaged');
    damaged[damaged.length - 2] = damaged[damaged.length - 2]! ^ 0x01;
    expect(await fake.invoke(IPC_CHANNELS.writeAutoBackup, from(window.webContents), damaged)).toMatchObject({ ok: false, error: { code: 'invalid-argument', detail: expect.stringMatching(/checksum/) } });
    expect(await backupsIn(backups())).toEqual([]);
    await expect.poll(() => window.closedByCode).toBe(1);
  });

  it('a page that never answers does not hold the quit: after the timeout the window closes', async () => {
    const { fake, host, window } = await startReady({ isPackaged: true });
    closeWindow(fake);
    expect(host.fire(QUIT_BACKUP_TIMEOUT_MS)).toBe(1);
    await expect.poll(() => window.closedByCode).toBe(1);
    expect(host.logs.join('\n')).toContain('backup on quit timeout');
  });

  it('a page from another web contents cannot answer the request', async () => {
    const { fake } = await startReady({ isPackaged: true });
    closeWindow(fake);
    expect(await fake.invoke(IPC_CHANNELS.writeAutoBackup, from(new FakeWebContents()), backupFile('stranger'))).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
  });
});

describe('start-up', () => {
  it('chooses the data folder before the single-instance lock, which lives in it', () => {
    const { fake } = start({ isPackaged: true });
    const setPath = fake.calls.findIndex((c) => c.startsWith('setPath userData '));
    expect(fake.calls[setPath]).toBe(`setPath userData ${path.join(dir, 'Antal')}`);
    expect(setPath).toBeLessThan(fake.calls.indexOf('requestSingleInstanceLock'));
  });

  it('development uses its own data folder', () => {
    const { fake } = start({ isPackaged: false });
    expect(fake.calls).toContain(`setPath userData ${path.join(dir, 'Antal-dev')}`);
  });

  it('a second instance quits at once: no window, no bridge', async () => {
    const { fake, main } = start({ isPackaged: true, singleInstance: false });
    fake.ready();
    await main.ready;
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('serves app:// from the renderer folder beside the main bundle', async () => {
    const { fake } = await startReady({ isPackaged: true });
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('on Windows groups the taskbar under the installer\'s appId', async () => {
    const fake = createFakeElectron({ isPackaged: true, paths: { appData: 'C:\\Users\\anna\\AppData\\Roaming', home: 'C:\\Users\\anna' } });
    const host = createFakeHost({ fs: nodeFs, sha256, platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local' } });
    const main = startMainProcess(fake.electron, host.host);
    expect(fake.calls).toContain('setPath userData C:\\Users\\anna\\AppData\\Local\\Antal');
    // Nothing is read from disk on Windows paths here: the window state is missing (ENOENT) and the defaults apply.
    fake.ready();
    await main.ready;
    expect(fake.calls).toContain(`setAppUserModelId ${APP_ID}`);
  });
});
