/**
 * `antal verify FILE [FILE…] [--snapshot SNAPSHOT.json] [--json] [--lang sv|en]`: checks that files are what
 * they say they are, and that a backup's audit trail is the one the letters and answer files were made from.
 *
 * - An answer file or a compiled answer: its content matches its content hash (any edit after export shows).
 * - An answer snapshot (`antal letter --json` prints one): its content matches its content hash.
 * - A letter (PDF), with `--snapshot`: the snapshot is unchanged and renders to exactly these bytes (or, for a
 *   letter from a build whose compressor differed, to the same document once every stream is inflated), so the
 *   letter is the one that snapshot (whose content hash its footer prints) produces. Alone, a letter cannot be
 *   verified (its figures are not machine-readable), so the command asks for the snapshot — unless the letter is
 *   given with a backup, to check the backup's trail against the audit anchor the letter carries.
 * - A backup (.antalbackup): every problem, none hiding another (shared/backup/inspect-backup.ts): format, length
 *   (cut off or grown), SHA-256, the payload, the header's row counts against the rows, the audit trail's chain
 *   against its stored head, and the header's audit head against the trail.
 * - A backup given with letters or answer files: the backup's trail must contain the entry each of them was made
 *   at (shared/audit/anchor.ts); a trail that is shorter, or has another entry there, was cut or rewritten.
 *
 * Every word is Swedish by default, English with --lang en (verify-texts.ts). Exit 0 when everything verifies,
 * 1 when anything does not (each problem named) or a file cannot be read, 2 on a usage error.
 */
import { createHash } from 'node:crypto';
import { ANSWER_FILE_FORMAT, COMPILED_ANSWER_FORMAT, answerFileHash, parseAnswerFile, verifyAnswerFileHash, verifyCompiledAnswerHash, type CompiledAnswer } from '../../shared/answer-file';
import { verifySnapshot, type AnswerSnapshot } from '../../shared/answer/snapshot';
import { compareTrailWithAnchor, isAuditHead } from '../../shared/audit/anchor';
import type { AuditEntry, AuditHead } from '../../shared/audit/chain';
import { inspectBackup, type BackupCheck, type BackupFinding } from '../../shared/backup/inspect-backup';
import { BACKUP_FILE_MAGIC } from '../../shared/ipc/contract';
import { renderLetterPdf } from '../../shared/letter';
import { samePdfContent } from '../pdf-content';
import { readLetterAuditAnchor } from '../../shared/letter/read-anchor';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/text/language';
import { issueLines } from './answer';
import { parseCommandArgs, type CommandIo } from '../inputs';
import { tableName, trailKey, verifyText, type CheckName, type VerifiedKind } from './verify-texts';

export type { VerifiedKind } from './verify-texts';

export const VERIFY_USAGE = 'usage: antal verify FILE [FILE…] [--snapshot SNAPSHOT.json] [--json] [--lang sv|en]\n';

export interface VerifyCheck {
  /** A stable id (`checksum`, `audit-trail`, `anchor`, …); the text output shows it in words. */
  name: CheckName;
  ok: boolean;
  /** True when the check could not be made (it then neither passes nor fails the file on its own). */
  skipped?: true;
  /** For `anchor`: the letter or answer file the backup was checked against. */
  against?: string;
  detail: string;
}

/** What `--json` prints for each file. */
export interface VerifyResult {
  file: string;
  kind: VerifiedKind;
  ok: boolean;
  /** The content hash the file states (answer files, compiled answers, snapshots, a letter's snapshot). */
  contentHash?: string;
  /** The audit trail entry the file was made at (letters, answer files, snapshots; for a backup, its header's). */
  auditAnchor?: AuditHead;
  /** Every check made, each with its outcome; every problem found, not only the first. */
  checks: VerifyCheck[];
}

interface Verified {
  result: VerifyResult;
  /** Anchored files: the anchor to check backups against (null: the file carries none). */
  anchor?: AuditHead | null;
  /** Backups: the trail inside, when it could be read. */
  trail?: AuditEntry[] | null;
}

class InputError extends Error {}
class UsageProblem extends Error {}

const startsWith = (bytes: Uint8Array, text: string): boolean => new TextEncoder().encode(text).every((b, i) => bytes[i] === b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function check(name: CheckName, ok: boolean, detail: string, extra: Partial<Pick<VerifyCheck, 'skipped' | 'against'>> = {}): VerifyCheck {
  return { name, ok, ...extra, detail };
}

function finish(result: Omit<VerifyResult, 'ok'>): VerifyResult {
  return { ...result, ok: result.checks.every((c) => c.ok) };
}

function decode(path: string, bytes: Uint8Array, language: Language): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(verifyText(language, 'error.notText', { file: path }));
  }
}

function readBytes(path: string, io: CommandIo, language: Language): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new InputError(verifyText(language, 'error.read', { file: path, detail: error instanceof Error ? error.message : String(error) }));
  }
}

function anchorCheck(anchor: AuditHead | null | undefined, language: Language, raw?: string): VerifyCheck {
  if (raw !== undefined) return check('audit-anchor', false, verifyText(language, 'anchor.malformed', { raw }));
  return anchor
    ? check('audit-anchor', true, verifyText(language, 'anchor.made', { seq: anchor.seq, hash: anchor.hash }))
    : check('audit-anchor', true, verifyText(language, 'anchor.none'), { skipped: true });
}

function verifyJson(path: string, source: string, language: Language): Verified {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    // Let the answer-file reader name the line and column.
    const parsed = parseAnswerFile(source);
    throw new InputError(parsed.ok ? verifyText(language, 'error.notJson', { file: path }) : issueLines(path, parsed.issues).join('\n'));
  }
  if (!isRecord(json)) throw new InputError(verifyText(language, 'error.notObject', { file: path, found: Array.isArray(json) ? 'array' : typeof json }));
  if (json['format'] === ANSWER_FILE_FORMAT) {
    const parsed = parseAnswerFile(source);
    if (!parsed.ok) throw new InputError(issueLines(path, parsed.issues).join('\n'));
    const file = parsed.file;
    const ok = verifyAnswerFileHash(file);
    const anchor = file.auditHead ?? null;
    return {
      result: finish({
        file: path,
        kind: 'answer-file',
        contentHash: file.contentHash,
        ...(anchor ? { auditAnchor: anchor } : {}),
        checks: [
          check('content-hash', ok, ok ? verifyText(language, 'content.ok', { hash: file.contentHash }) : verifyText(language, 'answer-file.mismatch', { stated: file.contentHash, actual: answerFileHash(file) })),
          anchorCheck(anchor, language),
        ],
      }),
      anchor,
    };
  }
  if (json['format'] === COMPILED_ANSWER_FORMAT) {
    const compiled = json as unknown as CompiledAnswer;
    if (typeof compiled.contentHash !== 'string') throw new InputError(verifyText(language, 'error.compiledHash', { file: path, found: JSON.stringify(compiled.contentHash) }));
    const ok = verifyCompiledAnswerHash(compiled);
    return {
      result: finish({
        file: path,
        kind: 'compiled-answer',
        contentHash: compiled.contentHash,
        checks: [check('content-hash', ok, ok ? verifyText(language, 'content.ok', { hash: compiled.contentHash }) : verifyText(language, 'compiled.mismatch', { stated: compiled.contentHash }))],
      }),
    };
  }
  if (typeof json['contentHash'] === 'string' && 'schemaVersion' in json && 'answer' in json) {
    const snapshot = json as unknown as AnswerSnapshot;
    const ok = verifySnapshot(snapshot);
    const anchor = isAuditHead(snapshot.auditHead) ? snapshot.auditHead : null;
    return {
      result: finish({
        file: path,
        kind: 'snapshot',
        contentHash: snapshot.contentHash,
        ...(anchor ? { auditAnchor: anchor } : {}),
        checks: [
          check('content-hash', ok, ok ? verifyText(language, 'content.ok', { hash: snapshot.contentHash }) : verifyText(language, 'snapshot.mismatch', { stated: snapshot.contentHash })),
          anchorCheck(anchor, language),
        ],
      }),
      anchor,
    };
  }
  throw new InputError(verifyText(language, 'error.unknownFormat', { file: path, answer: ANSWER_FILE_FORMAT, compiled: COMPILED_ANSWER_FORMAT, found: json['format'] === undefined ? verifyText(language, 'error.noFormat') : JSON.stringify(json['format']) }));
}

function readSnapshot(snapshotPath: string, io: CommandIo, language: Language): AnswerSnapshot {
  const source = decode(snapshotPath, readBytes(snapshotPath, io, language), language);
  let snapshot: AnswerSnapshot;
  try {
    snapshot = JSON.parse(source) as AnswerSnapshot;
  } catch (error) {
    throw new InputError(verifyText(language, 'error.snapshotJson', { file: snapshotPath, detail: error instanceof Error ? error.message : String(error) }));
  }
  // `antal letter --json` prints { out, bytes, sha256, snapshot }: accept that as well as the bare snapshot.
  const maybeWrapped = snapshot as unknown as { snapshot?: AnswerSnapshot };
  if (isRecord(maybeWrapped.snapshot)) snapshot = maybeWrapped.snapshot;
  if (!isRecord(snapshot) || typeof snapshot.contentHash !== 'string') throw new InputError(verifyText(language, 'error.notSnapshot', { file: snapshotPath }));
  return snapshot;
}

async function verifyLetter(path: string, bytes: Uint8Array, snapshotPath: string | undefined, io: CommandIo, language: Language): Promise<Verified> {
  const pdfAnchor = readLetterAuditAnchor(bytes);
  const anchor = pdfAnchor.status === 'anchored' ? pdfAnchor.head : null;
  const checks: VerifyCheck[] = [];
  let contentHash: string | undefined;
  if (snapshotPath) {
    const snapshot = readSnapshot(snapshotPath, io, language);
    contentHash = snapshot.contentHash;
    const snapshotOk = verifySnapshot(snapshot);
    checks.push(check('snapshot-hash', snapshotOk, snapshotOk ? verifyText(language, 'snapshot.ok', { hash: snapshot.contentHash }) : verifyText(language, 'snapshot.mismatch', { stated: snapshot.contentHash })));
    if (snapshotOk) {
      const rendered = await renderLetterPdf(snapshot);
      const same = rendered.length === bytes.length && rendered.every((b, i) => bytes[i] === b);
      // A letter from a build whose compressor differed: other bytes, the same document once its streams are inflated.
      const sameContent = !same && samePdfContent(bytes, rendered);
      checks.push(
        check(
          'letter-bytes',
          same || sameContent,
          same
            ? verifyText(language, 'letter.ok', { sha: sha256Hex(bytes) })
            : sameContent
              ? verifyText(language, 'letter.sameContent', { sha: sha256Hex(bytes) })
              : verifyText(language, 'letter.mismatch', { sha: sha256Hex(bytes), expected: sha256Hex(rendered) }),
        ),
      );
      const snapshotAnchor = isAuditHead(snapshot.auditHead) ? snapshot.auditHead : null;
      if (snapshotAnchor?.seq !== anchor?.seq || snapshotAnchor?.hash !== anchor?.hash) {
        checks.push(check('audit-anchor', false, verifyText(language, 'anchor.pdfVsSnapshot', { pdf: anchor ? String(anchor.seq) : '–', snapshot: snapshotAnchor ? String(snapshotAnchor.seq) : '–' })));
      }
    }
  } else {
    checks.push(check('letter-bytes', true, verifyText(language, 'letter.notChecked'), { skipped: true }));
  }
  checks.push(anchorCheck(anchor, language, pdfAnchor.status === 'malformed' ? pdfAnchor.raw : undefined));
  return { result: finish({ file: path, kind: 'letter', ...(contentHash ? { contentHash } : {}), ...(anchor ? { auditAnchor: anchor } : {}), checks }), anchor };
}

function backupFindingText(finding: BackupFinding, language: Language): string {
  switch (finding.code) {
    case 'empty':
      return verifyText(language, 'format.empty');
    case 'not-a-backup':
      return verifyText(language, 'format.not-a-backup');
    case 'unsupported-format':
      return verifyText(language, 'format.unsupported', { found: finding.found });
    case 'bad-header':
      return verifyText(language, 'format.bad-header', { detail: finding.detail });
    case 'payload-truncated':
      return verifyText(language, 'length.truncated', { actual: finding.actual, declared: finding.declared, missing: finding.declared - finding.actual });
    case 'payload-grew':
      return verifyText(language, finding.prefixIntact ? 'length.grew.intact' : 'length.grew.changed', { actual: finding.actual, declared: finding.declared, extra: finding.actual - finding.declared });
    case 'checksum':
      return verifyText(language, 'checksum.mismatch', { actual: finding.actual, declared: finding.declared });
    case 'payload-unreadable':
      return verifyText(language, 'payload.unreadable', { detail: finding.detail });
    case 'row-count':
      return verifyText(language, finding.source === 'header' ? 'rows.header' : 'rows.export', { table: tableName(language, finding.table), actual: finding.actual, declared: finding.declared });
    case 'table-missing':
      return verifyText(language, 'rows.missing', { table: tableName(language, finding.table), declared: finding.declared });
    case 'table-undeclared':
      return verifyText(language, 'rows.undeclared', { table: tableName(language, finding.table), actual: finding.actual });
    case 'audit':
      return verifyText(language, trailKey(finding.problem), { seq: finding.seq });
    case 'header-head':
      return verifyText(language, `headHead.${finding.problem}`, { seq: finding.declared.seq, end: finding.trailEnd });
  }
}

/** One report line per finding; a passed check gets one line saying what was confirmed. */
function backupCheckLines(c: BackupCheck, language: Language, payloadBytes: number | undefined): VerifyCheck[] {
  if (c.findings.length > 0) return c.findings.map((f) => check(c.name, false, backupFindingText(f, language)));
  const facts = c.facts ?? {};
  switch (c.name) {
    case 'format':
      return [check('format', true, verifyText(language, 'format.ok'))];
    case 'length':
      return [check('length', true, verifyText(language, 'length.ok', { bytes: payloadBytes ?? 0 }))];
    case 'checksum':
      return [check('checksum', true, verifyText(language, 'checksum.ok', { sha: facts.sha256 ?? '' }))];
    case 'payload':
      return [check('payload', true, verifyText(language, 'payload.ok'))];
    case 'row-counts':
      return facts.notChecked === 'no-payload'
        ? [check('row-counts', false, verifyText(language, 'rows.notChecked'), { skipped: true })]
        : [check('row-counts', true, verifyText(language, 'rows.ok', { tables: facts.tables ?? 0, rows: facts.rows ?? 0 }))];
    case 'audit-trail':
      if (facts.notChecked === 'no-payload') return [check('audit-trail', false, verifyText(language, 'trail.notChecked'), { skipped: true })];
      if (facts.notChecked === 'no-audit-table') return [check('audit-trail', true, verifyText(language, 'trail.noTable'), { skipped: true })];
      if (!facts.entries) return [check('audit-trail', true, verifyText(language, 'trail.empty'))];
      return facts.notChecked === 'no-head'
        ? [check('audit-trail', true, verifyText(language, 'trail.okNoHead', { entries: facts.entries }))]
        : [check('audit-trail', true, verifyText(language, 'trail.ok', { entries: facts.entries, seq: facts.head?.seq ?? 0 }))];
    case 'header-head':
      return [check('header-head', true, verifyText(language, 'headHead.ok', { seq: facts.head?.seq ?? 0 }))];
  }
}

async function verifyBackup(path: string, bytes: Uint8Array, language: Language): Promise<Verified> {
  const inspection = await inspectBackup(bytes, async (payload) => sha256Hex(payload));
  const checks = inspection.checks.flatMap((c) => backupCheckLines(c, language, inspection.header?.payloadBytes));
  const anchor = inspection.header?.auditHead;
  return { result: finish({ file: path, kind: 'backup', ...(anchor ? { auditAnchor: anchor } : {}), checks }), trail: inspection.trail };
}

/** The backup's trail against one anchored file: does it contain the entry that file was made at? */
function crossCheck(backup: Verified, other: Verified, language: Language): VerifyCheck {
  const file = other.result.file;
  if (!other.anchor) return check('anchor', false, verifyText(language, 'cross.noAnchor', { file }), { against: file });
  if (!backup.trail) return check('anchor', false, verifyText(language, 'cross.noTrail', { file }), { against: file });
  const comparison = compareTrailWithAnchor(backup.trail, other.anchor);
  if (comparison.ok) return check('anchor', true, verifyText(language, 'cross.ok', { seq: other.anchor.seq, file }), { against: file });
  return comparison.problem === 'trail-shorter'
    ? check('anchor', false, verifyText(language, 'cross.trail-shorter', { file, end: comparison.trailEnd, seq: other.anchor.seq }), { against: file })
    : check('anchor', false, verifyText(language, 'cross.entry-differs', { file, seq: comparison.seq }), { against: file });
}

export async function verifyFile(path: string, io: CommandIo, snapshotPath?: string, language: Language = DEFAULT_LANGUAGE, asAnchor = false): Promise<Verified> {
  const bytes = readBytes(path, io, language);
  if (startsWith(bytes, '%PDF-')) {
    if (!snapshotPath && !asAnchor) throw new UsageProblem(verifyText(language, 'usage.letterNeedsSnapshot', { file: path }));
    return verifyLetter(path, bytes, snapshotPath, io, language);
  }
  if (startsWith(bytes, BACKUP_FILE_MAGIC.split('/')[0]!)) return verifyBackup(path, bytes, language);
  return verifyJson(path, decode(path, bytes, language), language);
}

/** Verifies each file, then every backup against every letter, answer file or snapshot given with it. */
export async function verifyFiles(paths: readonly string[], io: CommandIo, snapshotPath: string | undefined, language: Language): Promise<VerifyResult[]> {
  const isPdf = (path: string) => startsWith(readBytes(path, io, language), '%PDF-');
  const isBackup = (path: string) => startsWith(readBytes(path, io, language), BACKUP_FILE_MAGIC.split('/')[0]!);
  const letters = paths.filter(isPdf);
  if (snapshotPath && letters.length > 1) throw new UsageProblem(verifyText(language, 'usage.snapshotAmbiguous', { count: letters.length }));
  const withBackup = paths.some(isBackup);
  const verified: Verified[] = [];
  for (const path of paths) verified.push(await verifyFile(path, io, letters.includes(path) ? snapshotPath : undefined, language, withBackup));
  for (const backup of verified.filter((v) => v.result.kind === 'backup')) {
    for (const other of verified.filter((v) => v.anchor !== undefined)) backup.result.checks.push(crossCheck(backup, other, language));
    backup.result = finish(backup.result);
  }
  return verified.map((v) => v.result);
}

function label(language: Language, c: VerifyCheck): string {
  return verifyText(language, `check.${c.name}`, c.against ? { file: c.against } : {});
}

export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { snapshot: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, VERIFY_USAGE, io, { positionals: true });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(verifyText(DEFAULT_LANGUAGE, 'usage.lang', { value: language }));
  if (positionals.length === 0) return usage(verifyText(language, 'usage.noFiles'));
  try {
    const results = await verifyFiles(positionals, io, values.snapshot, language);
    const ok = results.every((r) => r.ok);
    if (values.json) {
      io.stdout(`${JSON.stringify(results.length === 1 ? results[0] : { ok, files: results }, null, 2)}\n`);
    } else {
      for (const result of results) {
        const head = verifyText(language, result.ok ? 'ok' : 'failed', { file: result.file, kind: verifyText(language, `kind.${result.kind}`) });
        const lines = [head, ...result.checks.map((c) => `  ${c.skipped ? '–' : c.ok ? '✓' : '✗'} ${label(language, c)}: ${c.detail}`)];
        (result.ok ? io.stdout : io.stderr)(`${lines.join('\n')}\n`);
      }
    }
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageProblem) {
      io.stderr(`${error.message}\n${VERIFY_USAGE}`);
      return 2;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
