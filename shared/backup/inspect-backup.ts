/**
 * A full inspection of a backup file, for `antal verify`: every problem is found and reported, none hides another.
 *
 * parseBackupFile (backup-format.ts) answers the restore's question — can this be restored? — and stops at the
 * first reason it cannot. An inspection answers the auditor's question — what is wrong with this file? — so it
 * goes on as far as the bytes allow: a checksum failure does not stop the audit-trail check, a payload that grew
 * is told apart from one that was cut short (and whether the declared part is intact), the header's row counts
 * are compared with the rows actually in the payload, and the header's audit head with the trail inside.
 *
 * Pure (the SHA-256 is passed in) and language-free: findings are codes with numbers; the CLI words them.
 */
import { compareTrailWithAnchor, isAuditHead, listAuditProblems, type AnchorComparison, type AuditFinding } from '../audit/anchor';
import type { AuditEntry, AuditHead } from '../audit/chain';
import { BACKUP_FILE_MAGIC } from '../ipc/contract';
import { BACKUP_FORMAT_VERSION, headerProblem, type BackupHeader } from './backup-format';

export type BackupCheckName = 'format' | 'length' | 'checksum' | 'payload' | 'row-counts' | 'audit-trail' | 'header-head';

export type BackupFinding =
  | { code: 'empty' }
  | { code: 'not-a-backup' }
  | { code: 'unsupported-format'; found: string }
  | { code: 'bad-header'; detail: string }
  /** The payload is shorter than the header says: the file was cut off. */
  | { code: 'payload-truncated'; declared: number; actual: number }
  /** The payload is longer than the header says: something was appended; `prefixIntact`: the declared part still matches its SHA-256. */
  | { code: 'payload-grew'; declared: number; actual: number; prefixIntact: boolean }
  | { code: 'checksum'; declared: string; actual: string }
  | { code: 'payload-unreadable'; detail: string }
  | { code: 'row-count'; table: string; declared: number; actual: number; source: 'header' | 'export' }
  | { code: 'table-missing'; table: string; declared: number }
  | { code: 'table-undeclared'; table: string; actual: number }
  | ({ code: 'audit' } & AuditFinding)
  /** The header's audit head (written when the backup was made) disagrees with the trail inside: `trailEnd` is its last entry. */
  | { code: 'header-head'; problem: 'trail-shorter' | 'entry-differs' | 'trail-longer'; declared: AuditHead; trailEnd: number };

export interface BackupCheck {
  name: BackupCheckName;
  ok: boolean;
  findings: BackupFinding[];
  /** Facts for the report when the check passed (or could not be made). */
  facts?: { tables?: number; rows?: number; entries?: number; head?: AuditHead; notChecked?: 'no-payload' | 'no-audit-table' | 'no-head'; sha256?: string };
}

export interface BackupInspection {
  /** The header, when it could be read. */
  header: BackupHeader | null;
  checks: BackupCheck[];
  /** The audit trail inside (oldest first), when the payload could be read and has one: for checks against anchors. */
  trail: AuditEntry[] | null;
  /** The head stored beside the trail in the payload's settings. */
  storedHead: AuditHead | null;
  ok: boolean;
}

const encoder = new TextEncoder();
const MAGIC = encoder.encode(BACKUP_FILE_MAGIC);
const MAX_HEADER_BYTES = 64 * 1024;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fatal(finding: BackupFinding): BackupInspection {
  return { header: null, checks: [{ name: 'format', ok: false, findings: [finding] }], trail: null, storedHead: null, ok: false };
}

interface DexiePayload {
  tables: { name: string; rowCount: number }[] | null;
  data: { tableName: string; rows: unknown[] }[];
}

function readPayload(bytes: Uint8Array): { ok: true; value: DexiePayload } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(json) || json['formatName'] !== 'dexie' || !isRecord(json['data'])) return { ok: false, detail: 'not a Dexie export (formatName "dexie" with a data member)' };
  const data = json['data'];
  const rawData = Array.isArray(data['data']) ? data['data'] : null;
  if (!rawData) return { ok: false, detail: 'the export has no data list' };
  const tables = Array.isArray(data['tables'])
    ? data['tables'].filter(isRecord).map((t) => ({ name: String(t['name']), rowCount: typeof t['rowCount'] === 'number' ? t['rowCount'] : -1 }))
    : null;
  const contents = rawData.filter(isRecord).map((t) => ({ tableName: String(t['tableName']), rows: Array.isArray(t['rows']) ? (t['rows'] as unknown[]) : [] }));
  return { ok: true, value: { tables, data: contents } };
}

/** The audit rows as stored (dexie-export-import may add a "$types" member for special values; it is not hashed). */
function auditEntries(rows: readonly unknown[]): AuditEntry[] {
  return rows
    .filter(isRecord)
    .map((row) => {
      const { $types: _types, ...entry } = row;
      return entry as unknown as AuditEntry;
    })
    .sort((a, b) => a.seq - b.seq);
}

export async function inspectBackup(bytes: Uint8Array, sha256: (bytes: Uint8Array) => Promise<string>): Promise<BackupInspection> {
  if (bytes.length === 0) return fatal({ code: 'empty' });
  const startsWithMagic = MAGIC.every((b, i) => bytes[i] === b);
  if (!startsWithMagic) {
    const name = encoder.encode(`${BACKUP_FILE_MAGIC.split('/')[0]!}/`);
    return name.every((b, i) => bytes[i] === b)
      ? fatal({ code: 'unsupported-format', found: new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 32))).split('\n')[0]! })
      : fatal({ code: 'not-a-backup' });
  }
  const limit = Math.min(bytes.length, MAGIC.length + MAX_HEADER_BYTES);
  let newline = -1;
  for (let i = MAGIC.length; i < limit; i++) {
    if (bytes[i] === 0x0a) {
      newline = i;
      break;
    }
  }
  if (newline < 0) return fatal({ code: 'bad-header', detail: 'no header line' });
  let parsedHeader: unknown;
  try {
    parsedHeader = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(MAGIC.length, newline)));
  } catch (error) {
    return fatal({ code: 'bad-header', detail: error instanceof Error ? error.message : String(error) });
  }
  const problem = headerProblem(parsedHeader);
  if (problem) return fatal({ code: 'bad-header', detail: problem });
  const header = parsedHeader as BackupHeader;
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) return fatal({ code: 'unsupported-format', found: `wrapper version ${String(header.formatVersion)}` });

  const checks: BackupCheck[] = [{ name: 'format', ok: true, findings: [] }];
  const actual = bytes.subarray(newline + 1);

  // Length: cut off, or something appended (and then: is the declared part still the one that was checksummed?).
  let payload = actual;
  if (actual.length < header.payloadBytes) {
    checks.push({ name: 'length', ok: false, findings: [{ code: 'payload-truncated', declared: header.payloadBytes, actual: actual.length }] });
  } else if (actual.length > header.payloadBytes) {
    const declaredPart = actual.subarray(0, header.payloadBytes);
    const prefixIntact = (await sha256(declaredPart)) === header.payloadSha256;
    checks.push({ name: 'length', ok: false, findings: [{ code: 'payload-grew', declared: header.payloadBytes, actual: actual.length, prefixIntact }] });
    // Whatever was appended, what the header describes is the declared part: inspect that.
    payload = declaredPart;
  } else {
    checks.push({ name: 'length', ok: true, findings: [] });
  }

  const digest = await sha256(payload);
  checks.push(
    digest === header.payloadSha256
      ? { name: 'checksum', ok: true, findings: [], facts: { sha256: digest } }
      : { name: 'checksum', ok: false, findings: [{ code: 'checksum', declared: header.payloadSha256, actual: digest }] },
  );

  // The payload itself, even when the checksum failed: what was done to it is exactly what the report should show.
  const read = readPayload(payload);
  if (!read.ok) {
    checks.push({ name: 'payload', ok: false, findings: [{ code: 'payload-unreadable', detail: read.detail }] });
    checks.push({ name: 'row-counts', ok: false, findings: [], facts: { notChecked: 'no-payload' } });
    checks.push({ name: 'audit-trail', ok: false, findings: [], facts: { notChecked: 'no-payload' } });
    return { header, checks, trail: null, storedHead: null, ok: false };
  }
  checks.push({ name: 'payload', ok: true, findings: [] });

  // Row counts: the header's (and the export's own) against the rows actually there.
  const rowFindings: BackupFinding[] = [];
  const actualRows = new Map(read.value.data.map((t) => [t.tableName, t.rows.length]));
  for (const table of header.tables) {
    const rows = actualRows.get(table.name);
    if (rows === undefined) {
      if (table.rowCount > 0) rowFindings.push({ code: 'table-missing', table: table.name, declared: table.rowCount });
    } else if (rows !== table.rowCount) rowFindings.push({ code: 'row-count', table: table.name, declared: table.rowCount, actual: rows, source: 'header' });
  }
  for (const [name, rows] of actualRows) {
    if (!header.tables.some((t) => t.name === name) && rows > 0) rowFindings.push({ code: 'table-undeclared', table: name, actual: rows });
  }
  for (const table of read.value.tables ?? []) {
    const rows = actualRows.get(table.name) ?? 0;
    const declaredByHeader = header.tables.find((t) => t.name === table.name)?.rowCount;
    // Reported once: only where the export's own count disagrees and the header did not already say the same.
    if (table.rowCount !== rows && declaredByHeader === rows) rowFindings.push({ code: 'row-count', table: table.name, declared: table.rowCount, actual: rows, source: 'export' });
  }
  checks.push({ name: 'row-counts', ok: rowFindings.length === 0, findings: rowFindings, facts: { tables: header.tables.length, rows: [...actualRows.values()].reduce((a, b) => a + b, 0) } });

  // The audit trail: every problem in the chain, against the head stored beside it.
  const auditTable = read.value.data.find((t) => t.tableName === 'audit');
  const headRow = (read.value.data.find((t) => t.tableName === 'settings')?.rows ?? []).filter(isRecord).find((r) => r['key'] === 'auditHead');
  const storedHead = headRow && isAuditHead(headRow['value']) ? { seq: headRow['value'].seq, hash: headRow['value'].hash } : null;
  if (!auditTable) {
    checks.push({ name: 'audit-trail', ok: true, findings: [], facts: { notChecked: 'no-audit-table' } });
    if (header.auditHead) checks.push({ name: 'header-head', ok: false, findings: [{ code: 'header-head', problem: 'trail-shorter', declared: header.auditHead, trailEnd: 0 }] });
    return { header, checks, trail: null, storedHead, ok: checks.every((c) => c.ok) };
  }
  const trail = auditEntries(auditTable.rows);
  const auditFindings = listAuditProblems(trail, storedHead ?? undefined).map((f): BackupFinding => ({ code: 'audit', ...f }));
  const last = trail.at(-1);
  checks.push({ name: 'audit-trail', ok: auditFindings.length === 0, findings: auditFindings, facts: { entries: trail.length, ...(last ? { head: { seq: last.seq, hash: last.hash } } : {}), ...(storedHead ? {} : { notChecked: 'no-head' as const }) } });

  // The header's head (written when the backup was made, outside the payload) against the trail inside.
  if (header.auditHead) {
    const comparison: AnchorComparison = compareTrailWithAnchor(trail, header.auditHead);
    const trailEnd = last?.seq ?? 0;
    const problem = !comparison.ok ? comparison.problem : trailEnd > header.auditHead.seq ? 'trail-longer' : null;
    checks.push(
      problem === null
        ? { name: 'header-head', ok: true, findings: [], facts: { head: header.auditHead } }
        : { name: 'header-head', ok: false, findings: [{ code: 'header-head', problem, declared: header.auditHead, trailEnd }] },
    );
  }
  return { header, checks, trail, storedHead, ok: checks.every((c) => c.ok) };
}
