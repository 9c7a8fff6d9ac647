// Audit anchors from the app itself: the letter snapshot, the answer file and the backup header made from a real
// (fake-IndexedDB) database carry the audit head of that moment; and the attack they exist for, end to end — the
// newest entries and the head cut from the app's own backup, checksum and header redone so the file agrees with
// itself — passes `antal verify` alone and fails it against the letter the app made before the cut.
import './browser-globals';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../renderer/src/backup/backup';
import { answerFileFromApp } from '../../renderer/src/compile/export-answer';
import { appendAudit, currentAuditHead } from '../../renderer/src/db/audit';
import type { AntalDatabase } from '../../renderer/src/db/database';
import { seedDemoIfNew } from '../../renderer/src/db/seed';
import { computeStudyAnswer, loadStudyInputs } from '../../renderer/src/answer/study-inputs';
import { buildLetterSnapshot } from '../../renderer/src/letter/letter-snapshot';
import { recordExportedLetter } from '../../renderer/src/letter/letter-store';
import type { AuditEntry } from '../../shared/audit/chain';
import { encodeBackupFile, parseBackupFile, type BackupHeader } from '../../shared/backup/backup-format';
import { createDemoDataset } from '../../shared/demo/dataset';
import { DEMO_STUDY } from '../../shared/demo/study';
import { DISCLOSURE_PRESETS } from '../../shared/disclosure';
import { sha256OfBytes } from '../../shared/import/file-digest';
import { renderLetterPdf } from '../../shared/letter';
import { sha256Hex } from '../../shared/utils/sha256';
import { runVerify } from '../../cli/commands/verify';
import { deleteDatabases, freshDb } from '../renderer/import/import-helpers';
import { makeLetterReady } from '../renderer/letter/ready-letter';

vi.setConfig({ testTimeout: 120_000 });
afterEach(deleteDatabases);

async function seeded(prefix: string): Promise<AntalDatabase> {
  const db = freshDb(prefix);
  await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), new Date('2026-10-01T08:00:00Z'));
  // The letter's readiness checklist (unit profile, the form, acknowledged warnings) is done first, as in the app.
  await makeLetterReady(db, (await computeStudyAnswer((await loadStudyInputs(db))!))!, new Date('2026-10-02T08:00:00Z'));
  return db;
}

const io = (files: Record<string, Uint8Array>) => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    stdout: (s: string) => void (out.stdout += s),
    stderr: (s: string) => void (out.stderr += s),
    readFile: (path: string) => files[path] ?? (() => { throw new Error(`ENOENT ${path}`); })(),
  };
};

describe('what the app writes carries the audit head of the moment', () => {
  it('letter snapshot, answer file and backup header: the newest entry\'s seq and hash', async () => {
    const db = await seeded('anchors');
    await appendAudit(db, { kind: 'settings', summary: 'unit profile saved' }, new Date('2026-11-01T08:00:00Z'));
    const newest = await appendAudit(db, { kind: 'edit', summary: 'criterion edited' }, new Date('2026-11-02T08:00:00Z'));
    expect(await currentAuditHead(db)).toEqual({ seq: newest.seq, hash: newest.hash });

    const answer = (await computeStudyAnswer((await loadStudyInputs(db))!))!;
    const { snapshot } = await buildLetterSnapshot(db, answer, 'sv', new Date('2026-11-03T08:00:00Z'));
    expect(snapshot.auditHead).toEqual({ seq: newest.seq, hash: newest.hash });

    const file = await answerFileFromApp({ answer, unitName: 'Forum Söder', regions: ['12'], policy: DISCLOSURE_PRESETS.ohdsi, now: new Date('2026-11-03T08:00:00Z'), auditHead: (await currentAuditHead(db))! });
    expect(file.auditHead).toEqual({ seq: newest.seq, hash: newest.hash });

    const { header, bytes } = await createBackup(db, { now: new Date('2026-11-03T09:00:00Z'), appVersion: '0.1.0' });
    expect(header.auditHead).toEqual({ seq: newest.seq, hash: newest.hash });
    // The header's head is the one inside the payload (read from the bytes, not from the code that wrote them).
    const parsed = await parseBackupFile(bytes, sha256OfBytes);
    if (!parsed.ok) throw new Error(parsed.detail);
    const payload = JSON.parse(new TextDecoder().decode(parsed.value.payload)) as { data: { data: { tableName: string; rows: { key?: string; value?: unknown; seq?: number }[] }[] } };
    const settings = payload.data.data.find((t) => t.tableName === 'settings')!.rows;
    expect(settings.find((r) => r.key === 'auditHead')?.value).toEqual({ seq: newest.seq, hash: newest.hash });
    expect(Math.max(...payload.data.data.find((t) => t.tableName === 'audit')!.rows.map((r) => r.seq!))).toBe(newest.seq);
  });
});

describe('the cut the anchors expose, with the app\'s own files', () => {
  it('a backup whose newest entries were cut (with the head, checksum and header redone) fails against the letter made before', async () => {
    const db = await seeded('anchors-cut');
    // The coordinator's work before the letter (the seeded demo writes no audit entries).
    for (const [i, summary] of ['dataset imported', 'criteria edited', 'request registered'].entries()) {
      await appendAudit(db, { kind: 'edit', summary }, new Date(Date.UTC(2026, 10, 1 + i, 8)));
    }
    const answer = (await computeStudyAnswer((await loadStudyInputs(db))!))!;
    const { snapshot, requestId } = await buildLetterSnapshot(db, answer, 'sv', new Date('2026-11-03T08:00:00Z'));
    const letter = await renderLetterPdf(snapshot);
    await recordExportedLetter(db, { snapshot, bytes: letter, fileName: 'svarsbrev.pdf', summary: 'Svarsbrev exporterat: svarsbrev.pdf', savedAs: '/tmp/svarsbrev.pdf', ...(requestId ? { requestId } : {}) }, new Date('2026-11-03T08:01:00Z'));
    const { bytes: honest } = await createBackup(db, { now: new Date('2026-11-04T09:00:00Z'), appVersion: '0.1.0' });

    const verified = io({ 'kopia.antalbackup': honest, 'svarsbrev.pdf': letter });
    expect(await runVerify(['kopia.antalbackup', 'svarsbrev.pdf', '--lang', 'en'], verified), verified.out.stderr).toBe(0);

    // Cut: every entry from the letter's own anchor on (the letter was made at entry N; N and the export entry go).
    const parsed = await parseBackupFile(honest, sha256OfBytes);
    if (!parsed.ok) throw new Error(parsed.detail);
    const header = parsed.value.header;
    const export_ = JSON.parse(new TextDecoder().decode(parsed.value.payload)) as { data: { tables: { name: string; rowCount: number }[]; data: { tableName: string; rows: Record<string, unknown>[] }[] } };
    const anchor = snapshot.auditHead!;
    const audit = export_.data.data.find((t) => t.tableName === 'audit')!;
    audit.rows = audit.rows.filter((r) => (r['seq'] as number) < anchor.seq);
    const last = audit.rows.at(-1) as unknown as AuditEntry;
    const settings = export_.data.data.find((t) => t.tableName === 'settings')!;
    for (const row of settings.rows) if (row['key'] === 'auditHead') row['value'] = { seq: last.seq, hash: last.hash };
    for (const table of export_.data.tables) if (table.name === 'audit') table.rowCount = audit.rows.length;
    const payload = new TextEncoder().encode(JSON.stringify(export_));
    const forgedHeader: BackupHeader = {
      ...header,
      tables: header.tables.map((t) => (t.name === 'audit' ? { ...t, rowCount: audit.rows.length } : t)),
      payloadBytes: payload.length,
      payloadSha256: sha256Hex(payload),
      auditHead: { seq: last.seq, hash: last.hash },
    };
    const forged = encodeBackupFile(forgedHeader, payload);

    const alone = io({ 'kopia.antalbackup': forged });
    expect(await runVerify(['kopia.antalbackup', '--lang', 'en'], alone), alone.out.stderr).toBe(0);

    const withLetter = io({ 'kopia.antalbackup': forged, 'svarsbrev.pdf': letter });
    expect(await runVerify(['kopia.antalbackup', 'svarsbrev.pdf'], withLetter)).toBe(1);
    expect(withLetter.out.stderr).toContain(
      `✗ mot svarsbrev.pdf: säkerhetskopians logg är kortare än den svarsbrev.pdf gjordes från: den slutar vid post ${last.seq}, svarsbrev.pdf gjordes vid post ${anchor.seq}`,
    );
  });
});
