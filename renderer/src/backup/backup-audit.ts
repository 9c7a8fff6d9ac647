// Backups and restores go into the audit trail (renderer/src/db/audit.ts), so the log shows when the data was
// saved away or replaced. The restore entry is written after the swap, so it survives into the restored trail.
import type { AntalDatabase } from '../db/database';
import { appendAudit } from '../db/audit';

export interface BackupEvent {
  kind: 'backup' | 'restore';
  at: Date;
  /** Backup: where the file went. Restore: the creation time of the backup that was restored. */
  detail: string;
  /** The audit entry's text in the user's language. */
  summary: string;
}

export async function recordBackupEvent(db: AntalDatabase, event: BackupEvent): Promise<void> {
  const input =
    event.kind === 'backup'
      ? { kind: 'backup' as const, summary: event.summary, details: { file: event.detail } }
      : { kind: 'restore' as const, summary: event.summary, details: { backupCreatedAt: event.detail } };
  await appendAudit(db, input, event.at);
}
