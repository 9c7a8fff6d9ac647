/**
 * An exported letter is kept exactly as sent: its bytes and SHA-256 with its study (and request), and a
 * "letter exported" entry in the audit trail, in one transaction. A stored letter can be exported again
 * byte for byte from its record.
 */
import type { AnswerSnapshot } from '../../../shared/answer/snapshot';
import { sha256Hex } from '../../../shared/utils/sha256';
import { appendAudit, auditTables } from '../db/audit';
import type { AntalDatabase, LetterRecord } from '../db/database';

export interface ExportedLetter {
  snapshot: AnswerSnapshot;
  bytes: Uint8Array;
  fileName: string;
  /** The audit entry's text in the user's language ("Svarsbrev exporterat: …"). */
  summary: string;
  requestId?: string;
  /** Where the platform saved it (a path, or the download's name in the browser). */
  savedAs: string;
  actor?: string;
}

export async function recordExportedLetter(db: AntalDatabase, letter: ExportedLetter, now: Date): Promise<LetterRecord> {
  const sha256 = sha256Hex(letter.bytes);
  const record: LetterRecord = {
    id: `letter-${letter.snapshot.contentHash.slice(0, 16)}-${sha256.slice(0, 16)}`,
    studyId: letter.snapshot.study.id,
    createdAt: letter.snapshot.createdAt,
    language: letter.snapshot.language,
    sha256,
    snapshotHash: letter.snapshot.contentHash,
    bytes: letter.bytes,
    fileName: letter.fileName,
    ...(letter.requestId ? { requestId: letter.requestId } : {}),
  };
  await db.transaction('rw', [db.letters, ...auditTables(db)], async () => {
    await db.letters.put(record);
    await appendAudit(
      db,
      {
        kind: 'letter-export',
        ...(letter.requestId ? { requestId: letter.requestId } : {}),
        summary: letter.summary,
        details: {
          fileName: letter.fileName,
          savedAs: letter.savedAs,
          sha256,
          bytes: letter.bytes.byteLength,
          snapshotHash: letter.snapshot.contentHash,
          language: letter.snapshot.language,
          studyId: letter.snapshot.study.id,
          studyVersion: letter.snapshot.study.version,
          disclosurePolicy: `${letter.snapshot.settings.disclosurePolicy.name} v${letter.snapshot.settings.disclosurePolicy.version}`,
        },
        ...(letter.actor ? { actor: letter.actor } : {}),
      },
      now,
    );
  });
  return record;
}
