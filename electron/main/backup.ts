/**
 * Automatic backups in the user-data folder: on quit and once a day, kept by age (AUTO_BACKUP_RETENTION: the
 * newest few, one per day for a week, one per week for a month).
 *
 * The database lives in the renderer, so the renderer makes the backup file when asked (IPC event
 * `autoBackupRequest`) and hands the bytes back (`writeAutoBackup`); this module decides when to ask, accepts only
 * the one answer to a request it made, checks the file's SHA-256 before it touches the disk, writes it atomically
 * (files.ts) and thins out old backups. Everything here takes the file system, clock and timers as parameters, so
 * retention, atomicity and the quit sequence are unit-tested without Electron or a real disk.
 *
 * Why so strict: the page is the least trusted part of the app. If it could write backups whenever it liked, or
 * write anything that merely starts with the magic line, a compromised or buggy page could push every good
 * backup out of the rotation in a few seconds. Now it can write at most one backup per request (on quit, daily),
 * only a complete, checksum-valid one, and because backups are kept by age, new backups replace only the newest
 * ones of the same day and week; last week's and last month's stay.
 */
import nodePath from 'node:path';
import { parseBackupFile } from '../../shared/backup/backup-format';
import { AUTO_BACKUP_RETENTION, BACKUP_FILE_EXTENSION, BACKUP_FILE_MAGIC, type AutoBackupRetention, type AutoBackupWritten } from '../../shared/ipc/contract';
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
  return Number.isNaN(at.getTime()) || autoBackupName(at) !== name ? null : at;
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

/** The calendar day (UTC, like the file names) a backup belongs to: `2026-11-30`. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The ISO 8601 week (Monday to Sunday, UTC) a backup belongs to: `2026-W49`. Week 1 holds the year's first Thursday. */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups the retention keeps, by the rules backup tools such as restic use (`--keep-last`,
 * `--keep-daily`, `--keep-weekly`): going from the newest to the oldest, keep the `last` newest; keep the newest
 * backup of each of the `daily` most recent days that have a backup; and the newest of each of the `weekly` most
 * recent ISO weeks that have one. Days and weeks without a backup do not count, so a month without using the app
 * does not wipe out the old backups when it is opened again.
 */
export function backupsToKeep(names: readonly string[], retention: AutoBackupRetention = AUTO_BACKUP_RETENTION): Set<string> {
  const newestFirst = autoBackupsIn(names).reverse();
  const keep = new Set<string>();
  const rules = [
    { remaining: retention.last, bucket: (e: AutoBackupEntry) => e.name },
    { remaining: retention.daily, bucket: (e: AutoBackupEntry) => dayOf(e.at) },
    { remaining: retention.weekly, bucket: (e: AutoBackupEntry) => isoWeekOf(e.at) },
  ].map((rule) => ({ ...rule, previous: null as string | null }));
  for (const entry of newestFirst) {
    for (const rule of rules) {
      if (rule.remaining <= 0) continue;
      const bucket = rule.bucket(entry);
      if (bucket === rule.previous) continue;
      rule.previous = bucket;
      rule.remaining -= 1;
      keep.add(entry.name);
    }
  }
  return keep;
}

/** The automatic backups the retention lets go, oldest first (never a file that is not an automatic backup). */
export function backupsToRemove(names: readonly string[], retention: AutoBackupRetention = AUTO_BACKUP_RETENTION): string[] {
  const keep = backupsToKeep(names, retention);
  return autoBackupsIn(names)
    .map((e) => e.name)
    .filter((name) => !keep.has(name));
}

export function isDailyBackupDue(newest: Date | null, now: Date, intervalMs: number = DAILY_BACKUP_INTERVAL_MS): boolean {
  return newest === null || now.getTime() - newest.getTime() >= intervalMs || newest.getTime() > now.getTime() + intervalMs;
}

/** Why the renderer's bytes are not a backup file, or null: the cheap shape check done before any handler runs. */
export function autoBackupBytesProblem(bytes: unknown): string | null {
  if (!(bytes instanceof Uint8Array)) return 'expected a Uint8Array';
  if (bytes.byteLength > MAX_SAVE_FILE_BYTES) return `${bytes.byteLength} bytes; the limit is ${MAX_SAVE_FILE_BYTES}`;
  const magic = new TextEncoder().encode(BACKUP_FILE_MAGIC);
  if (bytes.byteLength <= magic.length || magic.some((b, i) => bytes[i] !== b)) return `does not start with ${JSON.stringify(BACKUP_FILE_MAGIC.trim())}`;
  return null;
}

/**
 * The full check before a backup is written: a readable header, the payload exactly as long as the header says,
 * and its SHA-256 equal to the header's. A backup that fails here could never be restored, so writing it would
 * only push a good one out of the rotation.
 */
export async function autoBackupFileProblem(bytes: Uint8Array, sha256: (bytes: Uint8Array) => string | Promise<string>): Promise<string | null> {
  const shape = autoBackupBytesProblem(bytes);
  if (shape) return shape;
  const parsed = await parseBackupFile(bytes, async (payload) => sha256(payload));
  return parsed.ok ? null : `${parsed.code}: ${parsed.detail}`;
}

// ---------------------------------------------------------------------------------------------------------
// Writing and thinning out

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
  /** Lower-case hex SHA-256 (node:crypto in the app). */
  sha256(bytes: Uint8Array): string | Promise<string>;
  retention?: AutoBackupRetention;
  atomic?: Partial<Omit<AtomicWriteDeps, 'fs'>>;
  /** Told about a backup that could not be removed while thinning out (the new backup is written regardless). */
  onRotationError?(name: string, error: unknown): void;
}

/** A backup the main process refuses to write; the renderer gets `invalid-argument` with this detail. */
export class AutoBackupRefused extends Error {
  constructor(readonly detail: string) {
    super(`not a backup file: ${detail}`);
    this.name = 'AutoBackupRefused';
  }
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
 * Checks the backup (magic, header, length, SHA-256), writes it atomically, then removes the backups the
 * retention lets go. If the check or the write fails nothing is removed, so a full disk never costs an older
 * backup.
 */
export async function writeAutoBackup(bytes: Uint8Array, deps: AutoBackupDeps): Promise<AutoBackupWritten> {
  const problem = await autoBackupFileProblem(bytes, deps.sha256);
  if (problem) throw new AutoBackupRefused(problem);
  await deps.fs.mkdir(deps.directory, { recursive: true });
  const name = autoBackupName(deps.now());
  await atomicWriteFile(nodePath.join(deps.directory, name), bytes, { ...deps.atomic, fs: deps.fs });
  const names = await deps.fs.readdir(deps.directory);
  for (const old of backupsToRemove(names, deps.retention)) {
    if (old === name) continue;
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
  /**
   * The write handler asks before it accepts any bytes: true exactly once per outstanding request (the answer to
   * it), false when nothing was asked for or the request's one answer has already arrived.
   */
  claim(): boolean;
  /** The write handler reports how the claimed backup ended. */
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
  let pending: { promise: Promise<BackupOutcome>; claimed: boolean; settle(outcome: BackupOutcome): void } | null = null;
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
        claimed: false,
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
    claim() {
      if (!pending || pending.claimed) return false;
      pending.claimed = true;
      return true;
    },
    fulfil(ok) {
      if (pending?.claimed) pending.settle(ok ? 'written' : 'failed');
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
