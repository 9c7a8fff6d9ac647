/**
 * The backup file format: a small, documented wrapper around dexie-export-import's JSON export.
 *
 *   line 1   `ANTAL-BACKUP/1`                        magic and wrapper version (BACKUP_FILE_MAGIC)
 *   line 2   one line of JSON, the {@link BackupHeader} (when, which app and schema version, what tables,
 *            the payload's length and SHA-256, the audit trail's head)
 *   rest     the payload: exactly `payloadBytes` bytes of UTF-8 JSON written by dexie-export-import
 *            (format "dexie" version 1; typed arrays are encoded by its TSON layer)
 *
 * The checksum covers the payload, which is all that is ever restored; the header only describes it, and
 * what the restore preview shows is read back from the payload itself. Parsing is pure and never throws:
 * every way a file can be wrong has its own error code.
 */
import { isAuditHead } from '../audit/anchor';
import { BACKUP_FILE_MAGIC } from '../ipc/contract';

export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTableSummary {
  name: string;
  rowCount: number;
}

export interface BackupHeader {
  format: 'antal-backup';
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** ISO timestamp of the export. */
  createdAt: string;
  appVersion: string;
  databaseName: string;
  /** The Dexie schema version the backup was taken at (never newer than the app that restores it). */
  schemaVersion: number;
  tables: BackupTableSummary[];
  payloadBytes: number;
  /** Lower-case hex SHA-256 of the payload bytes. */
  payloadSha256: string;
  /**
   * The audit trail's head (newest entry's sequence number and hash) in the payload, when the database has a
   * trail. Outside the payload's checksum on purpose: `antal verify` compares it with the trail inside, and with
   * the heads that letters and answer files carry (shared/audit/anchor.ts).
   */
  auditHead?: { seq: number; hash: string };
}

export type BackupFormatErrorCode = 'empty' | 'not-a-backup' | 'unsupported-format' | 'bad-header' | 'truncated' | 'checksum';

export interface ParsedBackup {
  header: BackupHeader;
  payload: Uint8Array;
}

export type ParseResult = { ok: true; value: ParsedBackup } | { ok: false; code: BackupFormatErrorCode; detail: string };

const encoder = new TextEncoder();
const MAGIC_BYTES = encoder.encode(BACKUP_FILE_MAGIC);
/** The header is a few hundred bytes; anything beyond this is not our header. */
const MAX_HEADER_BYTES = 64 * 1024;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function encodeBackupFile(header: BackupHeader, payload: Uint8Array): Uint8Array {
  const headerLine = encoder.encode(`${JSON.stringify(header)}\n`);
  const out = new Uint8Array(MAGIC_BYTES.length + headerLine.length + payload.length);
  out.set(MAGIC_BYTES, 0);
  out.set(headerLine, MAGIC_BYTES.length);
  out.set(payload, MAGIC_BYTES.length + headerLine.length);
  return out;
}

function startsWithMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC_BYTES.length) return false;
  for (let i = 0; i < MAGIC_BYTES.length; i++) if (bytes[i] !== MAGIC_BYTES[i]) return false;
  return true;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTableSummary(value: unknown): value is BackupTableSummary {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return typeof t['name'] === 'string' && t['name'] !== '' && isNonNegativeInteger(t['rowCount']);
}

/** Why a parsed header is unusable, or null. */
export function headerProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the header is not an object';
  const h = value as Record<string, unknown>;
  if (h['format'] !== 'antal-backup') return `format is ${JSON.stringify(h['format'])}, expected "antal-backup"`;
  if (typeof h['createdAt'] !== 'string' || Number.isNaN(Date.parse(h['createdAt']))) return 'createdAt is not a date';
  if (typeof h['appVersion'] !== 'string') return 'appVersion is missing';
  if (typeof h['databaseName'] !== 'string') return 'databaseName is missing';
  if (!isNonNegativeInteger(h['schemaVersion']) || h['schemaVersion'] < 1) return 'schemaVersion is not a positive whole number';
  if (!Array.isArray(h['tables']) || !h['tables'].every(isTableSummary)) return 'tables is not a list of {name, rowCount}';
  if (!isNonNegativeInteger(h['payloadBytes'])) return 'payloadBytes is not a whole number';
  if (typeof h['payloadSha256'] !== 'string' || !SHA256_HEX.test(h['payloadSha256'])) return 'payloadSha256 is not a SHA-256 in hex';
  if ('auditHead' in h && !isAuditHead(h['auditHead'])) return 'auditHead is not {seq, hash}';
  return null;
}

/**
 * Splits a file into header and payload and checks everything that can be checked without the database:
 * the magic line, the header's shape and version, the payload's length and its SHA-256 (computed by the caller's
 * `sha256`, so the native WebCrypto digest can be used).
 */
export async function parseBackupFile(bytes: Uint8Array, sha256: (bytes: Uint8Array) => Promise<string>): Promise<ParseResult> {
  if (bytes.length === 0) return { ok: false, code: 'empty', detail: '0 bytes' };
  if (!startsWithMagic(bytes)) {
    const magicName = BACKUP_FILE_MAGIC.split('/')[0]!;
    const prefix = encoder.encode(magicName + '/');
    const samePrefix = prefix.every((b, i) => bytes[i] === b);
    return samePrefix
      ? { ok: false, code: 'unsupported-format', detail: new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 32))).split('\n')[0]! }
      : { ok: false, code: 'not-a-backup', detail: `the file does not start with ${JSON.stringify(BACKUP_FILE_MAGIC.trim())}` };
  }
  const headerStart = MAGIC_BYTES.length;
  const limit = Math.min(bytes.length, headerStart + MAX_HEADER_BYTES);
  let newline = -1;
  for (let i = headerStart; i < limit; i++) {
    if (bytes[i] === 0x0a) {
      newline = i;
      break;
    }
  }
  if (newline < 0) return { ok: false, code: 'bad-header', detail: 'no header line' };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(headerStart, newline)));
  } catch (error) {
    return { ok: false, code: 'bad-header', detail: error instanceof Error ? error.message : String(error) };
  }
  const problem = headerProblem(header);
  if (problem) return { ok: false, code: 'bad-header', detail: problem };
  const valid = header as BackupHeader;
  if (valid.formatVersion !== BACKUP_FORMAT_VERSION) {
    return { ok: false, code: 'unsupported-format', detail: `wrapper version ${String(valid.formatVersion)}` };
  }
  const payload = bytes.subarray(newline + 1);
  if (payload.length !== valid.payloadBytes) {
    return { ok: false, code: 'truncated', detail: `${payload.length} payload bytes, the header says ${valid.payloadBytes}` };
  }
  const digest = await sha256(payload);
  if (digest !== valid.payloadSha256) {
    return { ok: false, code: 'checksum', detail: `SHA-256 ${digest}, the header says ${valid.payloadSha256}` };
  }
  return { ok: true, value: { header: valid, payload } };
}

/** A file name that sorts by time and that every file system accepts, e.g. `antal-2026-11-30-1541.antalbackup`. */
export function backupFileName(createdAt: Date, extension: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${createdAt.getFullYear()}-${pad(createdAt.getMonth() + 1)}-${pad(createdAt.getDate())}-${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}`;
  return `antal-${stamp}.${extension}`;
}
