/** Complete, checksum-valid backup files for the tests of everything that reads or writes them. */
import { createHash } from 'node:crypto';
import { encodeBackupFile, type BackupHeader } from '../../../shared/backup/backup-format';

/** The header the app writes for `payload` (its length and SHA-256), with the given members changed. */
export function backupHeader(payload: Uint8Array, header: Partial<BackupHeader> = {}): BackupHeader {
  return {
    format: 'antal-backup',
    formatVersion: 1,
    createdAt: '2026-11-30T12:00:00.000Z',
    appVersion: '0.1.0',
    databaseName: 'antal',
    schemaVersion: 1,
    tables: [],
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    ...header,
  };
}

/** A dexie-export-import payload with the given `data` member, framed by a header whose SHA-256 matches it. */
export function backupFileOf(data: Record<string, unknown>, header: Partial<Pick<BackupHeader, 'schemaVersion' | 'tables'>> = {}): Uint8Array {
  const payload = new TextEncoder().encode(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'antal', databaseVersion: header.schemaVersion ?? 1, tables: [], data: [], ...data } }));
  return encodeBackupFile(backupHeader(payload, header), payload);
}
