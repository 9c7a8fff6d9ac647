/**
 * `antal verify` on each kind of file it knows, in process (the child-process run is in answer.test.ts): a letter
 * against its snapshot (byte for byte), a backup's every problem (length, checksum, rows, audit trail, header head),
 * and a backup against the audit anchors that letters and answer files carry — the attack the anchors exist for:
 * the newest audit entries removed together with the stored head and the checksum recomputed, which verifies
 * as OK on its own. Swedish mode has no English in it.
 *
 * Every backup here is written by hand (encodeBackupFile around a hand-made Dexie export), and every expected
 * number comes from that construction: byte counts from the payload the test made, entry numbers from the chain
 * it made.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createSnapshot, type AnswerSnapshot } from '../../shared/answer/snapshot';
import { nextAuditEntry, type AuditEntry, type AuditHead } from '../../shared/audit/chain';
import { DISCLOSURE_PRESETS } from '../../shared/disclosure';
import { renderLetterPdf } from '../../shared/letter';
import { sha256Hex } from '../../shared/utils/sha256';
import { runVerify } from '../../cli/commands/verify';
import { encodeBackupFile } from '../../shared/backup/backup-format';
import { backupHeader } from '../shared/backup/backup-file';
import { answer, SODER } from '../shared/answer-file/fixtures';
import { demoSnapshot as letterSnapshot } from '../shared/letter/helpers';

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

/**
 * The PDF written again with every deflated stream compressed by Node's zlib at level 9 (other bytes than the
 * letter engine's compressor gives), optionally after `edit` changed the n-th stream's inflated content; /Length
 * values, the xref table and startxref are redone, so the result is a well-formed PDF as another build would write.
 */
function restream(pdf: Uint8Array, edit?: { stream: number; change: (content: Buffer) => Buffer }): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  let out = '';
  let at = 0;
  let n = 0;
  for (;;) {
    const streamAt = text.indexOf('\nstream\n', at);
    if (streamAt < 0) break;
    const dictionaryAt = text.lastIndexOf(' obj\n', streamAt);
    const dictionary = text.slice(dictionaryAt, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)![1]);
    const from = streamAt + '\nstream\n'.length;
    let bytes: Buffer = Buffer.from(text.slice(from, from + length), 'latin1');
    if (/\/FlateDecode/.test(dictionary)) {
      let content: Buffer = inflateSync(bytes);
      if (edit && edit.stream === n) content = edit.change(content);
      bytes = deflateSync(content, { level: 9 });
      n++;
    }
    out += text.slice(at, dictionaryAt) + dictionary.replace(/\/Length \d+/, `/Length ${bytes.length}`) + '\nstream\n' + bytes.toString('latin1');
    at = from + length;
  }
  const xrefAt = text.lastIndexOf('\nxref\n');
  out += text.slice(at, xrefAt + 1);
  const offsets = [...out.matchAll(/(?<=\n)(\d+) 0 obj\n/g)].map((m) => ({ id: Number(m[1]), offset: m.index }));
  offsets.sort((a, b) => a.id - b.id);
  const startxref = out.length;
  out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o.offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailerAt = text.indexOf('trailer', xrefAt);
  out += `${text.slice(trailerAt, text.lastIndexOf('startxref'))}startxref\n${startxref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The demo letter without a request, under OHDSI's policy, anchored at `auditHead` when given. */
const demoSnapshot = (auditHead?: AuditHead): AnswerSnapshot => letterSnapshot('sv', { policy: DISCLOSURE_PRESETS.ohdsi, request: null, ...(auditHead ? { auditHead } : {}) });

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const previous = entries[i - 1];
    entries.push(nextAuditEntry(previous ? { seq: previous.seq, hash: previous.hash } : undefined, { kind: 'letter-export', summary: `Brev ${i + 1}` }, new Date(Date.UTC(2026, 10, 30, 10, i))));
  }
  return entries;
}

const headOf = (entries: AuditEntry[]): AuditHead | undefined => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : undefined;
};

interface BackupOptions {
  /** The head stored in the payload's settings (default: the last entry). */
  storedHead?: AuditHead | null;
  /** The head in the file's header (default: the stored head). */
  headerHead?: AuditHead | null;
  /** The header's table list (default: the real row counts). */
  headerTables?: { name: string; rowCount: number }[];
  /** No audit table at all. */
  noAuditTable?: boolean;
}

/** A backup file as the app writes it: magic line, header, Dexie export payload, with a correct SHA-256. */
function backup(entries: AuditEntry[], options: BackupOptions = {}): { bytes: Uint8Array; payload: Uint8Array } {
  const storedHead = options.storedHead === undefined ? headOf(entries) : (options.storedHead ?? undefined);
  const settingsRows = storedHead ? [{ key: 'auditHead', value: storedHead }] : [];
  const data = [
    ...(options.noAuditTable ? [] : [{ tableName: 'audit', inbound: true, rows: entries }]),
    { tableName: 'settings', inbound: true, rows: settingsRows },
  ];
  const tables = data.map((t) => ({ name: t.tableName, schema: '', rowCount: t.rows.length }));
  const payload = new TextEncoder().encode(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'antal', databaseVersion: 5, tables, data } }));
  const headerHead = options.headerHead === undefined ? storedHead : (options.headerHead ?? undefined);
  const header = backupHeader(payload, {
    schemaVersion: 5,
    tables: options.headerTables ?? tables.map((t) => ({ name: t.name, rowCount: t.rowCount })),
    ...(headerHead ? { auditHead: headerHead } : {}),
  });
  return { bytes: encodeBackupFile(header, payload), payload };
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Words that must never appear in a Swedish report. */
const ENGLISH = /\b(the|was|were|entry|entries|trail|header|payload|checksum|bytes|rows|table|matches|truncated|grew|backup|letter|made|removed|against)\b/i;

describe('antal verify: one file', () => {
  it('an answer file: OK with exit 0; an edited one exit 1 naming the hash mismatch', async () => {
    const file = await SODER();
    const good = io({ 'a.json': JSON.stringify(file) });
    expect(await runVerify(['a.json', '--lang', 'en'], good)).toBe(0);
    expect(good.out.stdout).toContain(`a.json: OK – answer file\n  ✓ content hash: content matches ${file.contentHash}`);
    const edited = io({ 'a.json': JSON.stringify({ ...file, unit: { name: 'Forum Norr' } }) });
    expect(await runVerify(['a.json', '--lang', 'en'], edited)).toBe(1);
    expect(edited.out.stderr).toMatch(/VERIFICATION FAILED – answer file\n {2}✗ content hash: content hash mismatch/);
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
    expect(bad.out.stderr).toMatch(/✗ letter bytes: the letter differs from what the snapshot renders/);

    const noSnapshot = io(files);
    expect(await runVerify(['letter.pdf', '--lang', 'en'], noSnapshot)).toBe(2);
    expect(noSnapshot.out.stderr).toMatch(/give the answer snapshot it was made from with --snapshot/);
  }, 60_000);

  it('a letter another version of Antal compressed otherwise verifies by its content; a changed stream in it does not', async () => {
    const snapshot = demoSnapshot();
    const pdf = await renderLetterPdf(snapshot);
    const recompressed = restream(pdf);
    expect(sha256Hex(recompressed)).not.toBe(sha256Hex(pdf));
    const files = { 'letter.pdf': recompressed, 'snapshot.json': JSON.stringify(snapshot) };
    const good = io(files);
    expect(await runVerify(['letter.pdf', '--snapshot', 'snapshot.json', '--lang', 'en'], good)).toBe(0);
    expect(good.out.stdout).toContain(`✓ letter bytes: the letter is what the snapshot renders, object for object with the same content in every stream; only the compression differs (the letter was made by another version of Antal; SHA-256 ${sha256Hex(recompressed)})`);

    // One drawing operator of the first page changed (a line moved by a point), then compressed the other way.
    const moved = restream(pdf, { stream: 0, change: (content) => Buffer.from(content.toString('latin1').replace(/(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) m\b/, (_, x: string, y: string) => `${x} ${Number(y) + 1} m`), 'latin1') });
    const bad = io({ ...files, 'letter.pdf': moved });
    expect(await runVerify(['letter.pdf', '--snapshot', 'snapshot.json', '--lang', 'en'], bad)).toBe(1);
    expect(bad.out.stderr).toMatch(/✗ letter bytes: the letter differs from what the snapshot renders/);
  }, 60_000);

  it('a backup: format, length, checksum, payload, row counts and an unbroken audit chain up to its heads', async () => {
    const entries = chain(3);
    const { bytes, payload } = backup(entries);
    const good = io({ 'b.antalbackup': bytes });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], good)).toBe(0);
    expect(good.out.stdout).toBe(
      [
        'b.antalbackup: OK – backup',
        '  ✓ format: Antal backup, format 1',
        `  ✓ length: ${payload.length.toLocaleString('en-GB')} payload bytes, as the header says`,
        `  ✓ checksum: payload SHA-256 matches ${sha256Hex(payload)}`,
        '  ✓ payload: a readable Dexie export',
        // audit (3 rows) and settings (1 row: the head)
        '  ✓ row counts: 2 tables, 4 rows, as the header says',
        '  ✓ audit trail: 3 audit entries form an unbroken chain up to the recorded head (entry 3)',
        "  ✓ header's audit head: the header's audit head (entry 3) is the trail's newest entry",
        '',
      ].join('\n'),
    );
  });

  it('an altered entry and a cut-off trail are named by entry', async () => {
    const entries = chain(3);
    const altered = io({ 'b.antalbackup': backup(entries.map((e) => (e.seq === 2 ? { ...e, summary: 'Brev 2 (ändrat)' } : e)), { storedHead: headOf(entries) }).bytes });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], altered)).toBe(1);
    expect(altered.out.stderr).toContain('✗ audit trail: entry 2 was altered (its hash does not match its content)');
    // Entry 3 links to the original entry 2's hash, which the altered entry 2 no longer has: still entry 2's fault, and said once.
    expect(altered.out.stderr).not.toContain('entry 3 does not link');

    const truncated = io({ 'b.antalbackup': backup(entries.slice(0, 2), { storedHead: headOf(entries) }).bytes });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], truncated)).toBe(1);
    expect(truncated.out.stderr).toContain('✗ audit trail: the trail ends before the recorded head, entry 3: the newest entries were removed');
    expect(truncated.out.stderr).toContain("✗ header's audit head: the trail inside ends at entry 2, but the header says entry 3 — the newest entries were removed after the backup was made");
  });

  it('reports every problem, not only the first: a changed payload still has its trail and row counts checked', async () => {
    const entries = chain(4);
    // Entry 3's summary edited inside the payload, the checksum left as it was: both problems are reported.
    const original = backup(entries);
    const text = new TextDecoder().decode(original.bytes).replace('"Brev 3"', '"Brev 9"');
    const report = io({ 'b.antalbackup': new TextEncoder().encode(text) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], report)).toBe(1);
    expect(report.out.stderr).toMatch(/✗ checksum: SHA-256 [0-9a-f]{64}, the header says [0-9a-f]{64} — the payload was changed/);
    expect(report.out.stderr).toContain('✗ audit trail: entry 3 was altered');
    expect(report.out.stderr).toContain('✓ row counts: 2 tables, 5 rows, as the header says');
  });

  it('tells a file that grew from one that was cut off, and says whether the declared part is intact', async () => {
    const { bytes, payload } = backup(chain(2));
    const appended = new TextEncoder().encode('\n{"extra":true}');
    const grew = io({ 'b.antalbackup': concat(bytes, appended) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], grew)).toBe(1);
    expect(grew.out.stderr).toContain(
      `✗ length: grew: ${(payload.length + appended.length).toLocaleString('en-GB')} payload bytes, the header says ${payload.length.toLocaleString('en-GB')} (${appended.length} bytes appended after it); the declared part is unchanged`,
    );
    expect(grew.out.stderr).not.toContain('truncated');
    // The declared part is intact, so its checksum and trail still verify.
    expect(grew.out.stderr).toContain('✓ checksum');
    expect(grew.out.stderr).toContain('✓ audit trail: 2 audit entries');

    const cut = io({ 'b.antalbackup': bytes.subarray(0, bytes.length - 10) });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], cut)).toBe(1);
    expect(cut.out.stderr).toContain(`✗ length: truncated: ${(payload.length - 10).toLocaleString('en-GB')} payload bytes, the header says ${payload.length.toLocaleString('en-GB')} (10 bytes missing) — the file was cut off`);
    expect(cut.out.stderr).not.toContain('grew');
    expect(cut.out.stderr).toMatch(/✗ payload: the payload cannot be read: /);
    expect(cut.out.stderr).toContain('– audit trail: not checked: the payload cannot be read');
  });

  it('compares the header\'s row counts with the rows in the payload', async () => {
    const entries = chain(3);
    const bytes = backup(entries, { headerTables: [{ name: 'audit', rowCount: 5 }, { name: 'settings', rowCount: 1 }, { name: 'letters', rowCount: 2 }] }).bytes;
    const report = io({ 'b.antalbackup': bytes });
    expect(await runVerify(['b.antalbackup', '--lang', 'en'], report)).toBe(1);
    expect(report.out.stderr).toContain('✗ row counts: table Log: 3 rows, the header says 5');
    expect(report.out.stderr).toContain('✗ row counts: table Letters: not in the payload, the header says 2 rows');
  });

  it('names what a JSON file that is none of these is', async () => {
    const other = io({ 'x.json': '{"format":"antal-letter"}' });
    expect(await runVerify(['x.json', '--lang', 'en'], other)).toBe(1);
    expect(other.out.stderr).toContain('x.json: /format: expected "antal-answer-file" or "antal-compiled-answer" (or an answer snapshot), found "antal-letter"');
    // Without a "format" field at all it says so, in the language asked for (not a missing template value).
    const bare = io({ 'y.json': '{"title":"x"}' });
    expect(await runVerify(['y.json', '--lang', 'en'], bare)).toBe(1);
    expect(bare.out.stderr).toContain('y.json: /format: expected "antal-answer-file" or "antal-compiled-answer" (or an answer snapshot), found no "format" field');
    const bareSv = io({ 'y.json': '{"title":"x"}' });
    expect(await runVerify(['y.json'], bareSv)).toBe(1);
    expect(bareSv.out.stderr).toContain('hittade inget fält "format"');
  });
});

describe('antal verify: a backup against the letters and answer files made from its trail', () => {
  const entries = chain(5);
  const atLetter = headOf(entries.slice(0, 5))!; // the letter was made when entry 5 was the newest
  const atAnswer = headOf(entries.slice(0, 4))!; // the answer file when entry 4 was

  async function anchored() {
    const snapshot = demoSnapshot(atLetter);
    return {
      'letter.pdf': await renderLetterPdf(snapshot),
      'snapshot.json': JSON.stringify(snapshot),
      'answer.json': JSON.stringify(await answer('Forum Söder', ['07', '10', '12'], { '07': 40, '10': 3, '12': 200 }, { auditHead: atAnswer })),
    };
  }

  it('the intact backup contains the entries the letter and the answer file were made at', async () => {
    const files = { ...(await anchored()), 'b.antalbackup': backup(entries).bytes };
    const report = io(files);
    expect(await runVerify(['b.antalbackup', 'letter.pdf', 'answer.json', '--lang', 'en'], report)).toBe(0);
    expect(report.out.stdout).toContain("✓ against letter.pdf: entry 5 of this backup's trail is the one letter.pdf was made at");
    expect(report.out.stdout).toContain("✓ against answer.json: entry 4 of this backup's trail is the one answer.json was made at");
    // The letter alone (no snapshot): its bytes are not checked, its anchor is read from the PDF's metadata.
    expect(report.out.stdout).toContain('letter.pdf: OK – letter (PDF)\n  – letter bytes: not checked: give the snapshot the letter was made from with --snapshot');
    expect(report.out.stdout).toContain(`✓ audit anchor: made at audit trail entry 5 (${atLetter.hash})`);
  }, 60_000);

  it('the newest entries removed with the head, checksum and header redone: alone it verifies, the letter exposes it', async () => {
    // What the issue describes: everything inside the file agrees again after the cut.
    const cut = backup(entries.slice(0, 3)).bytes;
    expect(await runVerify(['b.antalbackup'], io({ 'b.antalbackup': cut }))).toBe(0);

    const files = { ...(await anchored()), 'b.antalbackup': cut };
    const report = io(files);
    expect(await runVerify(['b.antalbackup', 'letter.pdf', 'answer.json', '--lang', 'en'], report)).toBe(1);
    expect(report.out.stderr).toContain(
      "✗ against letter.pdf: this backup's trail is shorter than the one letter.pdf was made from: it ends at entry 3, letter.pdf was made at entry 5 (the newest entries were removed — or the backup is older than letter.pdf)",
    );
    expect(report.out.stderr).toContain("✗ against answer.json: this backup's trail is shorter than the one answer.json was made from: it ends at entry 3, answer.json was made at entry 4");
    // With the snapshot as well: the letter itself verifies, the backup does not.
    const withSnapshot = io(files);
    expect(await runVerify(['b.antalbackup', 'letter.pdf', '--snapshot', 'snapshot.json', '--json'], withSnapshot)).toBe(1);
    const json = JSON.parse(withSnapshot.out.stdout) as { ok: boolean; files: { file: string; ok: boolean; checks: { name: string; ok: boolean; against?: string }[] }[] };
    expect(json.ok).toBe(false);
    expect(json.files.map((f) => [f.file, f.ok])).toEqual([
      ['b.antalbackup', false],
      ['letter.pdf', true],
    ]);
    expect(json.files[0]!.checks.filter((c) => !c.ok)).toEqual([expect.objectContaining({ name: 'anchor', against: 'letter.pdf' })]);
  }, 60_000);

  it('a rewritten trail (same length, other entries) and a removed audit table fail too', async () => {
    const rewritten: AuditEntry[] = [];
    for (const e of entries) {
      const previous = rewritten.at(-1);
      rewritten.push(nextAuditEntry(previous ? { seq: previous.seq, hash: previous.hash } : undefined, { kind: 'letter-export', summary: e.seq === 2 ? 'Något annat' : e.summary }, new Date(e.at)));
    }
    const files = await anchored();
    const report = io({ ...files, 'b.antalbackup': backup(rewritten).bytes });
    expect(await runVerify(['b.antalbackup', 'letter.pdf', '--lang', 'en'], report)).toBe(1);
    expect(report.out.stderr).toContain("✗ against letter.pdf: entry 5 of this backup's trail differs from the one letter.pdf was made at — the trail was rewritten after letter.pdf was made");

    const noTable = io({ ...files, 'b.antalbackup': backup([], { noAuditTable: true, storedHead: null }).bytes });
    expect(await runVerify(['b.antalbackup', 'answer.json', '--lang', 'en'], noTable)).toBe(1);
    expect(noTable.out.stderr).toContain('✗ against answer.json: the backup has no readable audit trail to check answer.json against');
  }, 60_000);

  it('a letter without an anchor (made outside the app) cannot vouch for a backup, and says so', async () => {
    const files = { 'plain.pdf': await renderLetterPdf(demoSnapshot()), 'b.antalbackup': backup(entries).bytes };
    const report = io(files);
    expect(await runVerify(['b.antalbackup', 'plain.pdf', '--lang', 'en'], report)).toBe(1);
    expect(report.out.stderr).toContain('✗ against plain.pdf: plain.pdf carries no audit anchor, so this backup cannot be checked against it');
  }, 60_000);

  it('in Swedish every word is Swedish: headings, check names and every detail', async () => {
    const { bytes, payload } = backup(entries.slice(0, 3), { storedHead: headOf(entries), headerTables: [{ name: 'audit', rowCount: 5 }, { name: 'settings', rowCount: 1 }] });
    const files = { ...(await anchored()), 'b.antalbackup': concat(bytes, new TextEncoder().encode('x')) };
    const report = io(files);
    expect(await runVerify(['b.antalbackup', 'letter.pdf', 'answer.json'], report)).toBe(1);
    const text = `${report.out.stdout}${report.out.stderr}`;
    expect(text).toContain('b.antalbackup: VERIFIERING MISSLYCKADES – säkerhetskopia');
    expect(text).toContain(`✗ längd: har vuxit: ${(payload.length + 1).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} byte innehåll`);
    expect(text).toContain('✗ antal rader: tabell Logg: 3 rader, filhuvudet anger 5');
    expect(text).toContain('✗ granskningslogg: loggen slutar före det sparade huvudet, post 5: de senaste posterna har tagits bort');
    expect(text).toContain('✗ mot letter.pdf: säkerhetskopians logg är kortare än den letter.pdf gjordes från: den slutar vid post 3, letter.pdf gjordes vid post 5');
    // Hashes, file and table names aside, no English word is left.
    const words = text.replace(/[0-9a-f]{64}/g, '').replace(/\b[\w-]+\.(pdf|json|antalbackup)\b/g, '');
    expect(words).not.toMatch(ENGLISH);
  }, 60_000);
});
