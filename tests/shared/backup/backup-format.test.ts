// The backup header's audit head: optional (backups from before anchors have none), and when present exactly
// {seq, hash}; anything else makes the header unreadable rather than silently ignored.
import { describe, expect, it } from 'vitest';
import { encodeBackupFile, headerProblem, parseBackupFile, type BackupHeader } from '../../../shared/backup/backup-format';
import { sha256Hex } from '../../../shared/utils/sha256';
import { backupHeader } from './backup-file';

const payload = new TextEncoder().encode('{"formatName":"dexie"}');
const header: BackupHeader = backupHeader(payload, { schemaVersion: 5 });
const sha = async (bytes: Uint8Array) => sha256Hex(bytes);

describe('the backup header\'s audit head', () => {
  it('may be absent, and when present is read back as written', async () => {
    expect(headerProblem(header)).toBeNull();
    const anchored = { ...header, auditHead: { seq: 12, hash: 'a'.repeat(64) } };
    const parsed = await parseBackupFile(encodeBackupFile(anchored, payload), sha);
    expect(parsed).toMatchObject({ ok: true, value: { header: { auditHead: { seq: 12, hash: 'a'.repeat(64) } } } });
  });

  it('anything but {seq, hash} makes the header unreadable', () => {
    for (const auditHead of [null, { seq: 0, hash: 'a'.repeat(64) }, { seq: 3 }, { seq: 3, hash: 'A'.repeat(64) }, '3 aaaa']) {
      expect(headerProblem({ ...header, auditHead }), JSON.stringify(auditHead)).toBe('auditHead is not {seq, hash}');
    }
  });
});
