// Start-up wiring of automatic backups (desktop app only; the browser build has no bridge and gets none).
// Failures are not logged here: the main process logs the outcome of every request it makes (written, failed,
// timeout), and nothing from the database may reach a log.
import { appVersion } from 'virtual:antal-build-info';
import type { AntalDatabase } from '../db/database';
import { autoBackupHost, startAutoBackupResponder } from './auto-backup';

/** Call once after the database is open; returns a function that stops answering backup requests. */
export function startAutoBackups(db: AntalDatabase, now: () => Date): () => void {
  const host = autoBackupHost();
  if (!host) return () => undefined;
  return startAutoBackupResponder({ db, host, appVersion, now });
}
