/**
 * `antal verify FILE [--snapshot SNAPSHOT.json] [--json] [--lang sv|en]`: checks that a file is what it says it is.
 *
 * - An answer file or a compiled answer: its content matches its content hash (any edit after export shows).
 * - An answer snapshot (`antal letter --json` prints one): its content matches its content hash.
 * - A letter (PDF), with `--snapshot`: the snapshot is unchanged and renders to exactly these bytes, so the
 *   letter is the one that snapshot (whose content hash its footer prints) produces. A PDF alone cannot be
 *   verified: its figures are not machine-readable, so the command asks for the snapshot.
 * - A backup (.antalbackup): the payload's SHA-256 matches the header, and the audit trail inside it is an
 *   unbroken hash chain up to its recorded head (shared/audit/chain.ts).
 *
 * Exit 0 when the file verifies, 1 when it does not (the problem is named) or cannot be read, 2 on a usage error.
 */
import { createHash } from 'node:crypto';
import { ANSWER_FILE_FORMAT, COMPILED_ANSWER_FORMAT, answerFileHash, parseAnswerFile, verifyAnswerFileHash, verifyCompiledAnswerHash, type CompiledAnswer } from '../../shared/answer-file';
import { verifySnapshot, type AnswerSnapshot } from '../../shared/answer/snapshot';
import { verifyAuditChain, type AuditEntry, type AuditHead } from '../../shared/audit/chain';
import { BACKUP_FILE_MAGIC } from '../../shared/ipc/contract';
import { renderLetterPdf } from '../../shared/letter';
// The backup helper's parser of the backup wrapper (pure; the format's one definition). See the report: it
// belongs in shared/ so that the CLI need not reach into renderer/.
import { parseBackupFile } from '../../shared/backup/backup-format';
import { issueLines } from './answer';
import { parseCommandArgs, type CommandIo } from '../inputs';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/text/language';

export const VERIFY_USAGE = 'usage: antal verify FILE [--snapshot SNAPSHOT.json] [--json] [--lang sv|en]\n';

export type VerifiedKind = 'answer-file' | 'compiled-answer' | 'snapshot' | 'letter' | 'backup';

/** What `--json` prints. */
export interface VerifyResult {
  file: string;
  kind: VerifiedKind;
  ok: boolean;
  /** The content hash the file states (answer files, compiled answers, snapshots, a letter's snapshot). */
  contentHash?: string;
  /** What was checked, and the first problem when not ok. */
  checks: { name: string; ok: boolean; detail: string }[];
}

const TEXT: Record<Language, Record<string, string>> = {
  sv: {
    ok: '{file}: OK – {kind}',
    failed: '{file}: VERIFIERING MISSLYCKADES – {kind}',
    'kind.answer-file': 'svarsfil',
    'kind.compiled-answer': 'sammanställt svar',
    'kind.snapshot': 'svarsögonblicksbild',
    'kind.letter': 'brev (PDF)',
    'kind.backup': 'säkerhetskopia',
  },
  en: {
    ok: '{file}: OK – {kind}',
    failed: '{file}: VERIFICATION FAILED – {kind}',
    'kind.answer-file': 'answer file',
    'kind.compiled-answer': 'compiled answer',
    'kind.snapshot': 'answer snapshot',
    'kind.letter': 'letter (PDF)',
    'kind.backup': 'backup',
  },
};

class InputError extends Error {}
class UsageProblem extends Error {}

const startsWith = (bytes: Uint8Array, text: string): boolean => new TextEncoder().encode(text).every((b, i) => bytes[i] === b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decode(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${path}: not a PDF, a backup or UTF-8 JSON`);
  }
}

function check(name: string, ok: boolean, detail: string) {
  return { name, ok, detail };
}

function verifyJson(path: string, source: string): VerifyResult {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    // Let the answer-file reader name the line and column.
    const parsed = parseAnswerFile(source);
    throw new InputError(parsed.ok ? `${path}: not valid JSON` : issueLines(path, parsed.issues).join('\n'));
  }
  if (!isRecord(json)) throw new InputError(`${path}: expected a JSON object (an answer file, a compiled answer or a snapshot), found ${Array.isArray(json) ? 'an array' : typeof json}`);
  if (json.format === ANSWER_FILE_FORMAT) {
    const parsed = parseAnswerFile(source);
    if (!parsed.ok) throw new InputError(issueLines(path, parsed.issues).join('\n'));
    const ok = verifyAnswerFileHash(parsed.file);
    return {
      file: path,
      kind: 'answer-file',
      ok,
      contentHash: parsed.file.contentHash,
      checks: [check('content-hash', ok, ok ? `content matches ${parsed.file.contentHash}` : `content hash mismatch: the file states ${parsed.file.contentHash}, its content hashes to ${answerFileHash(parsed.file)} — it was changed after export`)],
    };
  }
  if (json.format === COMPILED_ANSWER_FORMAT) {
    const compiled = json as unknown as CompiledAnswer;
    if (typeof compiled.contentHash !== 'string') throw new InputError(`${path}: /contentHash: expected a SHA-256 hex text, found ${JSON.stringify(compiled.contentHash)}`);
    const ok = verifyCompiledAnswerHash(compiled);
    return { file: path, kind: 'compiled-answer', ok, contentHash: compiled.contentHash, checks: [check('content-hash', ok, ok ? `content matches ${compiled.contentHash}` : `content hash mismatch: the file states ${compiled.contentHash} — it was changed after compilation`)] };
  }
  if (typeof json.contentHash === 'string' && 'schemaVersion' in json && 'answer' in json) {
    const snapshot = json as unknown as AnswerSnapshot;
    const ok = verifySnapshot(snapshot);
    return { file: path, kind: 'snapshot', ok, contentHash: snapshot.contentHash, checks: [check('content-hash', ok, ok ? `content matches ${snapshot.contentHash}` : `content hash mismatch: the snapshot states ${snapshot.contentHash} — it was changed`)] };
  }
  throw new InputError(`${path}: /format: expected "${ANSWER_FILE_FORMAT}" or "${COMPILED_ANSWER_FORMAT}" (or an answer snapshot), found ${JSON.stringify(json.format)}`);
}

async function verifyLetter(path: string, bytes: Uint8Array, snapshotPath: string | undefined, io: CommandIo): Promise<VerifyResult> {
  if (!snapshotPath) throw new UsageProblem(`${path} is a PDF letter: give the answer snapshot it was made from with --snapshot SNAPSHOT.json (antal letter --json prints it)`);
  const source = decode(snapshotPath, readBytes(snapshotPath, io));
  let snapshot: AnswerSnapshot;
  try {
    snapshot = JSON.parse(source) as AnswerSnapshot;
  } catch (error) {
    throw new InputError(`${snapshotPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  // `antal letter --json` prints { out, bytes, sha256, snapshot }: accept that as well as the bare snapshot.
  const maybeWrapped = snapshot as unknown as { snapshot?: AnswerSnapshot };
  if (isRecord(maybeWrapped.snapshot)) snapshot = maybeWrapped.snapshot;
  if (!isRecord(snapshot) || typeof snapshot.contentHash !== 'string') throw new InputError(`${snapshotPath}: /contentHash: not an answer snapshot`);
  const snapshotOk = verifySnapshot(snapshot);
  const checks = [check('snapshot-hash', snapshotOk, snapshotOk ? `snapshot content matches ${snapshot.contentHash}` : `snapshot content hash mismatch: it states ${snapshot.contentHash} — the snapshot was changed`)];
  if (snapshotOk) {
    const rendered = await renderLetterPdf(snapshot);
    const same = rendered.length === bytes.length && rendered.every((b, i) => bytes[i] === b);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    checks.push(check('letter-bytes', same, same ? `the letter is exactly what the snapshot renders (SHA-256 ${sha(bytes)})` : `the letter differs from what the snapshot renders: SHA-256 ${sha(bytes)}, expected ${sha(rendered)} — the PDF was changed or made from another snapshot`));
  }
  return { file: path, kind: 'letter', ok: checks.every((c) => c.ok), contentHash: snapshot.contentHash, checks };
}

interface DexieExport {
  data?: { data?: { tableName: string; rows: unknown[] }[] };
}

/** The audit rows as stored (dexie-export-import may add a "$types" member for special values; not hashed). */
function auditEntries(rows: unknown[]): AuditEntry[] {
  return rows.filter(isRecord).map((row) => {
    const { $types: _types, ...entry } = row;
    return entry as unknown as AuditEntry;
  });
}

async function verifyBackup(path: string, bytes: Uint8Array): Promise<VerifyResult> {
  const parsed = await parseBackupFile(bytes, (payload) => Promise.resolve(createHash('sha256').update(payload).digest('hex')));
  if (!parsed.ok) {
    return { file: path, kind: 'backup', ok: false, checks: [check('checksum', false, `${parsed.code}: ${parsed.detail}`)] };
  }
  const checks = [check('checksum', true, `payload SHA-256 matches ${parsed.value.header.payloadSha256}`)];
  let payload: DexieExport;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(parsed.value.payload)) as DexieExport;
  } catch (error) {
    return { file: path, kind: 'backup', ok: false, checks: [...checks, check('payload', false, `the payload is not JSON: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  const tables = payload.data?.data ?? [];
  const audit = tables.find((t) => t.tableName === 'audit');
  if (!audit) {
    checks.push(check('audit-chain', true, 'the backup has no audit table (made before the audit trail existed)'));
    return { file: path, kind: 'backup', ok: true, checks };
  }
  const entries = auditEntries(audit.rows).sort((a, b) => a.seq - b.seq);
  const headRow = (tables.find((t) => t.tableName === 'settings')?.rows ?? []).filter(isRecord).find((r) => r.key === 'auditHead');
  const head = headRow && isRecord(headRow.value) ? (headRow.value as unknown as AuditHead) : undefined;
  const result = verifyAuditChain(entries, head);
  checks.push(
    check(
      'audit-chain',
      result.ok,
      result.ok ? `${result.count} audit entries form an unbroken chain${head ? ` up to the recorded head (entry ${head.seq})` : ''}` : `audit trail ${result.problem} at entry ${result.seq} (of ${result.count})`,
    ),
  );
  return { file: path, kind: 'backup', ok: checks.every((c) => c.ok), checks };
}

function readBytes(path: string, io: CommandIo): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function verifyFile(path: string, io: CommandIo, snapshotPath?: string): Promise<VerifyResult> {
  const bytes = readBytes(path, io);
  if (startsWith(bytes, '%PDF-')) return verifyLetter(path, bytes, snapshotPath, io);
  if (startsWith(bytes, BACKUP_FILE_MAGIC.split('/')[0]!)) return verifyBackup(path, bytes);
  return verifyJson(path, decode(path, bytes));
}

export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { snapshot: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, VERIFY_USAGE, io, { positionals: true });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const language = values.lang ?? DEFAULT_LANGUAGE;
  if (!isLanguage(language)) return usage(`--lang must be sv or en, got "${language}"`);
  if (positionals.length !== 1) return usage('give exactly one file to verify');
  try {
    const result = await verifyFile(positionals[0]!, io, values.snapshot);
    const text = TEXT[language];
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const head = (result.ok ? text.ok! : text.failed!).replace('{file}', result.file).replace('{kind}', text[`kind.${result.kind}`]!);
      const lines = [head, ...result.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`)];
      (result.ok ? io.stdout : io.stderr)(`${lines.join('\n')}\n`);
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageProblem) {
      io.stderr(`${error.message}\n${VERIFY_USAGE}`);
      return 2;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
