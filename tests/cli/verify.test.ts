/**
 * `antal verify` on each kind of file it knows, in process (the child-process run is in answer-cli.test.ts):
 * a letter against its snapshot (byte for byte), a backup's checksum and audit chain, and edits of each failing
 * with exit 1 and the problem named.
 */
import { describe, expect, it } from 'vitest';
import { computeAnswer } from '../../shared/answer/compute-answer';
import { createSnapshot, type AnswerSnapshot } from '../../shared/answer/snapshot';
import { nextAuditEntry, type AuditEntry } from '../../shared/audit/chain';
import { runDemo } from '../../shared/demo/run-demo';
import { DISCLOSURE_PRESETS } from '../../shared/disclosure';
import { renderLetterPdf } from '../../shared/letter';
import { sha256Hex } from '../../shared/utils/sha256';
import { runVerify } from '../../cli/commands/verify';
import { encodeBackupFile, type BackupHeader } from '../../shared/backup/backup-format';
import { SODER } from '../shared/answer-file/fixtures';

function io(files: Record<string, Uint8Array | string>) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    stdout: (s: string) => void (out.stdout += s),
    stderr: (s: string) => void (out.stderr += s),
    readFile(path: string): Uint8Array {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
}

function demoSnapshot(): AnswerSnapshot {
  const demo = runDemo();
  return createSnapshot({
    language: 'sv',
    createdAt: '2026-11-30T00:00:00.000Z',
    study: demo.study,
    answer: computeAnswer(demo.study, [demo.dataset], { hallandRule: demo.hallandRule }),
    datasets: [demo.dataset],
    hallandRule: demo.hallandRule,
    disclosurePolicy: DISCLOSURE_PRESETS.ohdsi,
    unit: { unitName: 'Forum Söder', address: '', signatoryName: '', signatoryTitle: '', logo: null },
  });
}

function backup(entries: AuditEntry[], head = entries[entries.length - 1]): Uint8Array {
  const payload = new TextEncoder().encode(
    JSON.stringify({
      formatName: 'dexie',
      formatVersion: 1,
      data: {
        databaseName: 'antal',
        databaseVersion: 5,
        tables: [],
        data: [
          { tableName: 'audit', inbound: true, rows: entries },
          { tableName: 'settings', inbound: true, rows: head ? [{ key: 'auditHead', value: { seq: head.seq, hash: head.hash } }] : [] },
        ],
      },
    }),
  );
  const header: BackupHeader = {
    format: 'antal-backup',
    formatVersion: 1,
    createdAt: '2026-11-30T12:00:00.000Z',
    appVersion: '0.1.0',
    databaseName: 'antal',
    schemaVersion: 5,
    tables: [{ name: 'audit', rowCount: entries.length }],
    payloadBytes: payload.length,
    payloadSha256: sha256Hex(payload),
  };
  return encodeBackupFile(header, payload);
}

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const previous = entries[i - 1];
    entries.push(nextAuditEntry(previous ? { seq: previous.seq, hash: previous.hash } : undefined, { kind: 'letter-export', summary: `Brev ${i + 1}` }, new Date(Date.UTC(2026, 10, 30, 10, i))));
  }
  return entries;
}

describe('antal verify', () => {
  it('an answer file: OK with exit 0; an edited one exit 1 naming the hash mismatch', async () => {
    const file = SODER();
    const good = io({ 'a.json': JSON.stringify(file) });
    expect(await runVerify(['a.json', '--lang', 'en'], good)).toBe(0);
    expect(good.out.stdout).toContain(`a.json: OK – answer file\n  ✓ content-hash: content matches ${file.contentHash}`);
    const edited = io({ 'a.json': JSON.stringify({ ...file, unit: { name: 'Forum Norr' } }) });
    expect(await runVerify(['a.json', '--lang', 'en'], edited)).toBe(1);
    expect(edited.out.stderr).toMatch(/VERIFICATION FAILED – answer file\n {2}✗ content-hash: content hash mismatch/);
  });

  it('a letter: verified byte for byte against its snapshot; a letter from another snapshot fails', async () => {
    const snapshot = demoSnapshot();
    const pdf = await renderLetterPdf(snapshot);
    const files = { 'letter.pdf': pdf, 'snapshot.json': JSON.stringify(snapshot), 'wrapped.json': JSON.stringify({ out: 'letter.pdf', snapshot }) };
    const good = io(files);
    expect(await runVerify(['letter.pdf', '--snapshot', 'snapshot.json', '--json'], good)).toBe(0);
    expect(JSON.parse(good.out.stdout)).toMatchObject({ kind: 'letter', ok: true, contentHash: snapshot.contentHash });
    expect(await runVerify(['letter.pdf', '--snapshot', 'wrapped.json'], io(files))).toBe(0);

    const other = demoSnapshot();
    const otherPdf = await renderLetterPdf(createSnapshot({ ...other, createdAt: '2026-12-01T00:00:00.000Z', answer: other.answer, datasets: other.datasets, hallandRule: other.settings.hallandRule, disclosurePolicy: other.settings.disclosurePolicy }));
    const bad = io({ ...files, 'letter.pdf': otherPdf });
    expect(await runVerify(['letter.pdf', '--snapshot', 'snapshot.json', '--lang', 'en'], bad)).toBe(1);
    expect(bad.out.stderr).toMatch(/✗ letter-bytes: the letter differs from what the snapshot renders/);

    const noSnapshot = io(files);
    expect(await runVerify(['letter.pdf'], noSnapshot)).toBe(2);
    expect(noSnapshot.out.stderr).toMatch(/give the answer snapshot it was made from with --snapshot/);
  }, 60_000);

  it('a backup: checksum and an unbroken audit chain; an altered entry or a truncated log fails', async () => {
    const entries = chain(3);
    const good = io({ 'b.antalbackup': backup(entries) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], good)).toBe(0);
    expect(good.out.stdout).toContain('3 audit entries form an unbroken chain up to the recorded head (entry 3)');

    const altered = entries.map((e) => (e.seq === 2 ? { ...e, summary: 'Brev 2 (ändrat)' } : e));
    const alteredIo = io({ 'b.antalbackup': backup(altered) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], alteredIo)).toBe(1);
    expect(alteredIo.out.stderr).toContain('audit trail altered at entry 2 (of 3)');

    const truncated = io({ 'b.antalbackup': backup(entries.slice(0, 2), entries[2]) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], truncated)).toBe(1);
    expect(truncated.out.stderr).toContain('audit trail truncated at entry 3');

    const bytes = backup(entries);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    const corrupt = io({ 'b.antalbackup': bytes });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], corrupt)).toBe(1);
    expect(corrupt.out.stderr).toMatch(/✗ checksum: checksum: SHA-256 [0-9a-f]{64}, the header says/);
  });

  it('names what a JSON file that is none of these is', async () => {
    const other = io({ 'x.json': '{"format":"antal-letter"}' });
    expect(await runVerify(['x.json'], other)).toBe(1);
    expect(other.out.stderr).toContain('x.json: /format: expected "antal-answer-file" or "antal-compiled-answer" (or an answer snapshot), found "antal-letter"');
  });
});
