/**
 * Automatic backups in the user-data folder: on quit and once a day, the last AUTO_BACKUP_KEEP kept.
 *
 * The database lives in the renderer, so the renderer makes the backup file when asked (IPC event
 * `autoBackupRequest`) and hands the bytes back (`writeAutoBackup`); this module decides when to ask, writes the
 * file atomically (files.ts) and rotates. Everything here takes the file system, clock and timers as parameters,
 * so rotation, atomicity and the quit sequence are unit-tested without Electron or a real disk.
 */
import nodePath from 'node:path';
import { AUTO_BACKUP_KEEP, BACKUP_FILE_EXTENSION, BACKUP_FILE_MAGIC, type AutoBackupWritten } from '../../shared/ipc/contract';
import { atomicWriteFile, type AtomicWriteDeps, type FsLike, MAX_SAVE_FILE_BYTES } from './files';

/** Sub-folder of userData holding the automatic backups. */
export const AUTO_BACKUP_DIRECTORY = 'backups';
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How long a quit waits for the renderer's backup before closing anyway. */
export const QUIT_BACKUP_TIMEOUT_MS = 20_000;

const NAME = new RegExp(`^antal-auto-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(\\d{3})Z\\.${BACKUP_FILE_EXTENSION}$`);

/** `antal-auto-20261130T154129123Z.antalbackup`: UTC to the millisecond, so names sort by time. */
export function autoBackupName(at: Date): string {
  const iso = at.toISOString(); // 2026-11-30T15:41:29.123Z
  return `antal-auto-${iso.replace(/[-:]/g, '').replace('.', '')}.${BACKUP_FILE_EXTENSION}`;
}

/** The time in an automatic backup's name, or null for any other file (those are never touched). */
export function parseAutoBackupName(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export interface AutoBackupEntry {
  name: string;
  at: Date;
}

/** Our backups among a folder's names, oldest first. */
export function autoBackupsIn(names: readonly string[]): AutoBackupEntry[] {
  const entries: AutoBackupEntry[] = [];
  for (const name of names) {
    const at = parseAutoBackupName(name);
    if (at) entries.push({ name, at });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.name < b.name ? -1 : 1));
}

/** The oldest backups beyond the newest `keep`. */
export function backupsToRemove(names: readonly string[], keep: number = AUTO_BACKUP_KEEP): string[] {
  const entries = autoBackupsIn(names);
  return entries.slice(0, Math.max(0, entries.length - keep)).map((e) => e.name);
}

export function isDailyBackupDue(newest: Date | null, now: Date, intervalMs: number = DAILY_BACKUP_INTERVAL_MS): boolean {
  return newest === null || now.getTime() - newest.getTime() >= intervalMs || newest.getTime() > now.getTime() + intervalMs;
}

/** Why the renderer's bytes are not a backup file, or null. The main process trusts no shape it has not checked. */
export function autoBackupBytesProblem(bytes: unknown): string | null {
  if (!(bytes instanceof Uint8Array)) return 'expected a Uint8Array';
  if (bytes.byteLength > MAX_SAVE_FILE_BYTES) return `${bytes.byteLength} bytes; the limit is ${MAX_SAVE_FILE_BYTES}`;
  const magic = new TextEncoder().encode(BACKUP_FILE_MAGIC);
  if (bytes.byteLength <= magic.length || magic.some((b, i) => bytes[i] !== b)) return `does not start with ${JSON.stringify(BACKUP_FILE_MAGIC.trim())}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Writing and rotating

/** The file-system calls the rotation needs beyond the atomic write; `node:fs/promises` satisfies it. */
export interface BackupFs extends FsLike {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
}

export interface AutoBackupDeps {
  fs: BackupFs;
  /** The automatic-backup folder (userData/backups). */
  directory: string;
  now(): Date;
  atomic?: Partial<Omit<AtomicWriteDeps, 'fs'>>;
  /** Told about a backup that could not be removed during rotation (the new backup is written regardless). */
  onRotationError?(name: string, error: unknown): void;
}

export async function listAutoBackups(fs: BackupFs, directory: string): Promise<AutoBackupEntry[]> {
  try {
    return autoBackupsIn(await fs.readdir(directory));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Writes the backup atomically, then removes the oldest beyond AUTO_BACKUP_KEEP. If the write fails nothing is
 * removed, so a full disk never costs an older backup.
 */
export async function writeAutoBackup(bytes: Uint8Array, deps: AutoBackupDeps): Promise<AutoBackupWritten> {
  const problem = autoBackupBytesProblem(bytes);
  if (problem) throw new Error(`not a backup file: ${problem}`);
  await deps.fs.mkdir(deps.directory, { recursive: true });
  const name = autoBackupName(deps.now());
  await atomicWriteFile(nodePath.join(deps.directory, name), bytes, { ...deps.atomic, fs: deps.fs });
  const names = await deps.fs.readdir(deps.directory);
  for (const old of backupsToRemove(names)) {
    try {
      await deps.fs.unlink(nodePath.join(deps.directory, old));
    } catch (error) {
      deps.onRotationError?.(old, error);
    }
  }
  const kept = autoBackupsIn(await deps.fs.readdir(deps.directory)).length;
  return { name, directory: deps.directory, bytes: bytes.byteLength, kept };
}

// ---------------------------------------------------------------------------------------------------------
// Asking the renderer

export type BackupOutcome = 'written' | 'failed' | 'timeout';

export interface BackupRequester {
  /** Ask the renderer for a backup; resolves when it was written, failed, or did not arrive in time. */
  request(): Promise<BackupOutcome>;
  /** The write handler reports each automatic backup the renderer handed over. */
  fulfil(ok: boolean): void;
}

export interface RequesterDeps {
  /** Sends the request event to the renderer; false when there is no renderer to ask. */
  send(): boolean;
  timeoutMs: number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export function createBackupRequester(deps: RequesterDeps): BackupRequester {
  let pending: { promise: Promise<BackupOutcome>; settle(outcome: BackupOutcome): void } | null = null;
  return {
    request() {
      if (pending) return pending.promise;
      let settle!: (outcome: BackupOutcome) => void;
      const promise = new Promise<BackupOutcome>((resolve) => {
        settle = resolve;
      });
      const timer = deps.setTimer(() => current.settle('timeout'), deps.timeoutMs);
      const current = {
        promise,
        settle(outcome: BackupOutcome) {
          if (pending !== current) return;
          pending = null;
          deps.clearTimer(timer);
          settle(outcome);
        },
      };
      pending = current;
      if (!deps.send()) current.settle('failed');
      return promise;
    },
    fulfil(ok) {
      pending?.settle(ok ? 'written' : 'failed');
    },
  };
}

export interface CloseEventLike {
  preventDefault(): void;
}

/**
 * The window's `close` handler: the first close is held back until the renderer's backup is written (or failed,
 * or timed out), then `proceed` closes or quits for real. Further close attempts meanwhile are ignored.
 */
export function createCloseGuard(requester: BackupRequester, onOutcome?: (outcome: BackupOutcome) => void) {
  let state: 'open' | 'backing-up' | 'done' = 'open';
  return (event: CloseEventLike, proceed: () => void): void => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'backing-up') return;
    state = 'backing-up';
    void requester.request().then((outcome) => {
      state = 'done';
      onOutcome?.(outcome);
      proceed();
    });
  };
}
