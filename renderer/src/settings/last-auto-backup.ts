// The last automatic backup (name, folder, size, time), written by the app after each one and shown in the Backups panel.
import type { AutoBackupWritten } from '../../../shared/ipc/contract';
import type { AntalDatabase } from '../db/database';
import { defineSetting, loadSetting, saveSetting } from './setting';

export type LastAutoBackup = AutoBackupWritten & { at: string };

function isLastAutoBackup(value: unknown): value is LastAutoBackup {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<LastAutoBackup>;
  return typeof v.name === 'string' && typeof v.directory === 'string' && typeof v.bytes === 'number' && typeof v.kept === 'number' && typeof v.at === 'string';
}

/**
 * Lenient: a record that cannot be read shows as "no automatic backup yet", which the next backup corrects. Not
 * audited: the app writes it, not the user, and the backup file itself is the record of what was saved.
 */
export const LAST_AUTO_BACKUP_SETTING = defineSetting<LastAutoBackup | null>({
  key: 'backup.lastAutomatic',
  rule: 'lenient',
  fallback: null,
  read: (stored) => (isLastAutoBackup(stored) ? stored : null),
  audit: null,
});

export const LAST_AUTO_BACKUP_KEY = LAST_AUTO_BACKUP_SETTING.key;

export function loadLastAutoBackup(db: AntalDatabase): Promise<LastAutoBackup | null> {
  return loadSetting(db, LAST_AUTO_BACKUP_SETTING);
}

export function saveLastAutoBackup(db: AntalDatabase, written: AutoBackupWritten, at: Date): Promise<void> {
  return saveSetting(db, LAST_AUTO_BACKUP_SETTING, { ...written, at: at.toISOString() });
}
