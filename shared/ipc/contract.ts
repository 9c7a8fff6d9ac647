/**
 * The typed contract between the Electron preload script and the renderer.
 *
 * The preload exposes exactly one object, `window.antal`, which `satisfies AntalBridge`. Every call
 * crosses the process boundary as a named, allow-listed operation; handlers never throw across the
 * bridge but answer with a {@link Result}.
 */
import type { Language } from '../text/language';

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface BridgeError {
  /** Stable machine-readable code, translated by the renderer (i18n key `errors.<code>`). */
  code:
    | 'cancelled'
    | 'forbidden-sender'
    | 'invalid-argument'
    | 'io'
    | 'too-large'
    // An automatic backup the main process did not ask for (or a second answer to one request).
    | 'not-requested'
    | 'internal';
  /** Technical detail for logs and diagnostics (never shown as the only explanation). */
  detail?: string;
}

export interface FileFilter {
  /** i18n key of the filter's name, e.g. `files.csv`. */
  nameKey: string;
  extensions: string[];
}

export interface OpenFileRequest {
  titleKey: string;
  filters: FileFilter[];
}

export interface OpenedFile {
  name: string;
  /** The file's bytes. Decoding is the domain core's job, never the main process's. */
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  titleKey: string;
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export interface SavedFile {
  path: string;
  bytes: number;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

/** Menu commands the main process forwards to the renderer. */
export type MenuCommand =
  | 'about'
  | 'navigate-requests'
  | 'navigate-datasets'
  | 'navigate-settings'
  | 'navigate-home'
  // The main actions' menu items; the renderer handles them like its keyboard shortcuts.
  | 'new-request'
  | 'import-file'
  | 'export-letter'
  | 'search-requests'
  | 'show-shortcuts';

export interface AntalBridge {
  /** Versions for the About dialog. */
  getAppInfo(): Promise<Result<AppInfo>>;
  /** Show the native open dialog and read the chosen file (size-limited). */
  openFile(request: OpenFileRequest): Promise<Result<OpenedFile>>;
  /** Show the native save dialog and write the bytes atomically (temp file, fsync, rename). */
  saveFile(request: SaveFileRequest): Promise<Result<SavedFile>>;
  /** Tell the main process which language the menus should use. */
  setLanguage(language: Language): Promise<Result<null>>;
  /** Subscribe to application-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Hand the main process the backup file it asked for (see shared/backup/backup-format.ts) to store among the
   * automatic backups in the user-data folder: accepted only as the one answer to an `onAutoBackupRequest` event
   * and only with a valid SHA-256 (else `not-requested` / `invalid-argument`); written atomically; older automatic
   * backups are thinned out by {@link AUTO_BACKUP_RETENTION}.
   */
  writeAutoBackup(bytes: Uint8Array): Promise<Result<AutoBackupWritten>>;
  /** Subscribe to the main process asking for an automatic backup (on quit, daily); returns an unsubscribe function. */
  onAutoBackupRequest(listener: () => void): () => void;
}

export interface AutoBackupWritten {
  /** File name inside the automatic-backup folder. */
  name: string;
  /** The folder, so the user can find the files (restore them with "Restore from backup…"). */
  directory: string;
  bytes: number;
  /** How many automatic backups are kept after this one was written. */
  kept: number;
}

/** First line of every backup file: magic and wrapper version. */
export const BACKUP_FILE_MAGIC = 'ANTAL-BACKUP/1\n';
/** File extension of backup files (no dot). */
export const BACKUP_FILE_EXTENSION = 'antalbackup';
/** Which automatic backups are kept (the rules of backup tools such as restic's `forget --keep-*`). */
export interface AutoBackupRetention {
  /** The newest backups, whatever their age. */
  last: number;
  /** The newest backup of each of this many most recent days that have one. */
  daily: number;
  /** The newest backup of each of this many most recent ISO weeks that have one. */
  weekly: number;
}

export const AUTO_BACKUP_RETENTION: Readonly<AutoBackupRetention> = { last: 3, daily: 7, weekly: 4 };

/** IPC channel names: the only ones the main process handles and the preload invokes. */
export const IPC_CHANNELS = {
  getAppInfo: 'antal:get-app-info',
  openFile: 'antal:open-file',
  saveFile: 'antal:save-file',
  setLanguage: 'antal:set-language',
  menuCommand: 'antal:menu-command',
  writeAutoBackup: 'antal:write-auto-backup',
  autoBackupRequest: 'antal:auto-backup-request',
} as const;

/** The fixed origin the renderer is served from in the desktop app. Never change it: IndexedDB is keyed by origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'antal';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Largest file the open dialog will read into memory. */
export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'about',
  'navigate-requests',
  'navigate-datasets',
  'navigate-settings',
  'navigate-home',
  'new-request',
  'import-file',
  'export-letter',
  'search-requests',
  'show-shortcuts',
];
