import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMANDS, type AntalBridge } from '../../shared/ipc/contract';
import { createBridge, isMenuCommand, type IpcRendererLike } from '../../electron/preload/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** An ipcRenderer stand-in that records invokes and can deliver main → renderer messages. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const deliver = (channel: string, ...args: unknown[]) => {
    const event = { sender: 'the IPC event must not reach the page' };
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
  };
  return { ipc, deliver, listeners };
}

describe('createBridge', () => {
  it('exposes exactly the contract methods and nothing else (no generic invoke, no ipcRenderer)', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    const expected: Array<keyof AntalBridge> = ['getAppInfo', 'openFile', 'saveFile', 'setLanguage', 'onMenuCommand', 'writeAutoBackup', 'onAutoBackupRequest'];
    expect(Object.keys(bridge).sort()).toEqual([...expected].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('each method invokes its own fixed channel with only its own argument', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const openRequest = { titleKey: 'dialogs.open', filters: [] };
    const saveRequest = { titleKey: 'dialogs.save', suggestedName: 'a.pdf', filters: [], bytes: new Uint8Array([1]) };

    await bridge.getAppInfo();
    await bridge.openFile(openRequest);
    await bridge.saveFile(saveRequest);
    await bridge.setLanguage('sv');
    // Extra arguments from page script are dropped, not forwarded.
    await (bridge.getAppInfo as (...args: unknown[]) => Promise<unknown>)('antal:open-file', { evil: true });
    await (bridge.setLanguage as (...args: unknown[]) => Promise<unknown>)('en', 'extra');

    expect(ipc.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.getAppInfo],
      [IPC_CHANNELS.openFile, openRequest],
      [IPC_CHANNELS.saveFile, saveRequest],
      [IPC_CHANNELS.setLanguage, 'sv'],
      [IPC_CHANNELS.getAppInfo],
      [IPC_CHANNELS.setLanguage, 'en'],
    ]);
  });

  it('returns the main process\'s Result unchanged', async () => {
    const { ipc } = fakeIpcRenderer();
    ipc.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'cancelled' } });
    await expect(createBridge(ipc).openFile({ titleKey: 'dialogs.open', filters: [] })).resolves.toEqual({ ok: false, error: { code: 'cancelled' } });
  });

  it('forwards valid menu commands (without the IPC event) and drops anything else', () => {
    const { ipc, deliver } = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(ipc).onMenuCommand(listener);
    expect(ipc.on).toHaveBeenCalledWith(IPC_CHANNELS.menuCommand, expect.any(Function));

    for (const command of MENU_COMMANDS) deliver(IPC_CHANNELS.menuCommand, command);
    deliver(IPC_CHANNELS.menuCommand, 'navigate-evil');
    deliver(IPC_CHANNELS.menuCommand, { command: 'about' });
    deliver(IPC_CHANNELS.menuCommand);
    deliver('antal:other-channel', 'about');

    expect(listener.mock.calls).toEqual(MENU_COMMANDS.map((command) => [command]));
  });

  it('unsubscribes exactly its own listener', () => {
    const { ipc, deliver } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onMenuCommand(first);
    bridge.onMenuCommand(second);
    unsubscribeFirst();
    deliver(IPC_CHANNELS.menuCommand, 'about');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith('about');
  });
});

describe('isMenuCommand', () => {
  it('accepts only the contract\'s commands', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    for (const value of ['', 'About', 'navigate-', 'toString', null, 1, {}]) expect(isMenuCommand(value)).toBe(false);
  });
});
