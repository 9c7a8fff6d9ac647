/**
 * Automatic backups in the desktop app. The main process decides when (on quit, once a day) and keeps the
 * rotation; the database lives here, so the renderer makes the bytes when asked and hands them over. The
 * browser build has no bridge and therefore no automatic backups (the Backups panel says so).
 */
import type { AntalBridge, AutoBackupWritten, Result } from '../../../shared/ipc/contract';
import type { AntalDatabase } from '../db/database';
import { saveLastAutoBackup } from '../settings/last-auto-backup';

/** The two bridge methods automatic backups need (the desktop app's `window.antal`). */
export interface AutoBackupHost {
  writeAutoBackup(bytes: Uint8Array): Promise<Result<AutoBackupWritten>>;
  onAutoBackupRequest(listener: () => void): () => void;
}

export function autoBackupHost(): AutoBackupHost | null {
  // window.antal is declared in renderer/src/platform; restated here so this module type-checks on its own.
  const bridge = typeof window !== 'undefined' ? (window as Window & { antal?: AntalBridge }).antal : undefined;
  return bridge ?? null;
}

export interface AutoBackupOptions {
  db: AntalDatabase;
  host: AutoBackupHost;
  appVersion: string;
  now(): Date;
  onError?(error: unknown): void;
}

/** Makes one backup and hands it to the main process; resolves with what was written. */
export async function writeAutomaticBackup(options: AutoBackupOptions): Promise<Result<AutoBackupWritten>> {
  const at = options.now();
  // The backup format's code (dexie-export-import) loads on the first backup, not with the app.
  const { createBackup } = await import('./backup');
  const { bytes } = await createBackup(options.db, { now: at, appVersion: options.appVersion });
  const written = await options.host.writeAutoBackup(bytes);
  if (written.ok) await saveLastAutoBackup(options.db, written.value, at);
  return written;
}

/**
 * Answers the main process's requests for a backup until the returned function is called. Requests that
 * arrive while a backup is being made are served by that backup.
 */
export function startAutoBackupResponder(options: AutoBackupOptions): () => void {
  let running: Promise<unknown> | null = null;
  return options.host.onAutoBackupRequest(() => {
    if (running) return;
    running = writeAutomaticBackup(options)
      .then((result) => {
        if (!result.ok) options.onError?.(new Error(`${result.error.code}${result.error.detail ? `: ${result.error.detail}` : ''}`));
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  });
}
