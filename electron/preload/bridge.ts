/**
 * `window.antal`: the whole surface the renderer has into the privileged side. Each method invokes its own
 * fixed channel with its own argument — there is deliberately no generic invoke/send, and ipcRenderer itself
 * is never exposed (checklist #20), so a compromised page can only ask for these five operations, which the
 * main process validates again.
 *
 * Built by a factory over an injected ipcRenderer so it is unit-tested without Electron.
 */
import {
  IPC_CHANNELS,
  MENU_COMMANDS,
  type AntalBridge,
  type AppInfo,
  type AutoBackupWritten,
  type MenuCommand,
  type OpenedFile,
  type OpenFileRequest,
  type Result,
  type SavedFile,
  type SaveFileRequest,
} from '../../shared/ipc/contract';
import type { Language } from '../../shared/text/language';

/** The parts of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export function createBridge(ipc: IpcRendererLike) {
  // The main process answers every invoke with a Result of the contract's type (see electron/main/ipc.ts).
  return {
    getAppInfo: () => ipc.invoke(IPC_CHANNELS.getAppInfo) as Promise<Result<AppInfo>>,
    openFile: (request: OpenFileRequest) => ipc.invoke(IPC_CHANNELS.openFile, request) as Promise<Result<OpenedFile>>,
    saveFile: (request: SaveFileRequest) => ipc.invoke(IPC_CHANNELS.saveFile, request) as Promise<Result<SavedFile>>,
    setLanguage: (language: Language) => ipc.invoke(IPC_CHANNELS.setLanguage, language) as Promise<Result<null>>,
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      // The IPC event object never reaches the page (it carries `sender` and the ability to reply).
      const forward = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(IPC_CHANNELS.menuCommand, forward);
      return () => {
        ipc.removeListener(IPC_CHANNELS.menuCommand, forward);
      };
    },
    writeAutoBackup: (bytes: Uint8Array) => ipc.invoke(IPC_CHANNELS.writeAutoBackup, bytes) as Promise<Result<AutoBackupWritten>>,
    onAutoBackupRequest: (listener: () => void) => {
      // No payload crosses: the request carries nothing the page should act on but "make a backup now".
      const forward = (): void => listener();
      ipc.on(IPC_CHANNELS.autoBackupRequest, forward);
      return () => {
        ipc.removeListener(IPC_CHANNELS.autoBackupRequest, forward);
      };
    },
  } satisfies AntalBridge;
}
