/**
 * Backup and restore of the whole database, generic over every table of the current schema.
 *
 * Create: dexie-export-import's `exportDB` (one read transaction, so the backup is a consistent snapshot)
 * wrapped with a header and SHA-256 (backup-format.ts).
 *
 * Restore, in two steps so nothing is replaced before the user has seen what would change:
 *   1. `prepareRestore` checks the file (magic, header, length, SHA-256, schema version not newer than the
 *      app), imports the payload into a *temporary* database with dexie-export-import, opens that with the
 *      app's own schema (which runs the upgrades of an older backup) and counts what it holds. The current
 *      database is only read.
 *   2. `commit` replaces the contents of every table in ONE read-write transaction (clear + bulkAdd). If
 *      anything fails, IndexedDB aborts the transaction and the current data is exactly as it was.
 * The temporary database is deleted afterwards in every case (commit, discard, failure).
 */
// dexie-export-import: Dexie's own export/import (streams JSON, encodes typed arrays, recreates schemas).
import { type DexieExportJsonMeta, exportDB, importDB, peakImportFile } from 'dexie-export-import';
import type Dexie from 'dexie';
import { sha256OfBytes } from '../../../shared/import/file-digest';
import { AntalDatabase } from '../db/database';
import { AUDIT_HEAD_KEY } from '../db/audit';
import type { AuditHead } from '../../../shared/audit/chain';
import { isAuditHead } from '../../../shared/audit/anchor';
import {
  BACKUP_FORMAT_VERSION,
  type BackupFormatErrorCode,
  type BackupHeader,
  encodeBackupFile,
  parseBackupFile,
} from '../../../shared/backup/backup-format';

export type BackupErrorCode = BackupFormatErrorCode | 'newer-schema' | 'corrupt';

/** A backup that cannot be restored; `code` is translated (`backup.errors.<code>`), `detail` is for the curious. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'BackupError';
  }
}

export interface CreatedBackup {
  header: BackupHeader;
  bytes: Uint8Array;
}

/** The stored audit head, or undefined for a database without a trail (or an older schema without settings). */
async function readAuditHead(db: Dexie): Promise<AuditHead | undefined> {
  if (!db.tables.some((t) => t.name === 'settings')) return undefined;
  const row = (await db.table('settings').get(AUDIT_HEAD_KEY)) as { value?: unknown } | undefined;
  return isAuditHead(row?.value) ? { seq: row.value.seq, hash: row.value.hash } : undefined;
}

const sameHead = (a: AuditHead | undefined, b: AuditHead | undefined): boolean => a?.seq === b?.seq && a?.hash === b?.hash;

/**
 * The export and the audit head it contains. The export is one read transaction; the head is read before and after
 * it, and when an entry was appended in between (the head moved) the export is made again, so the header's head is
 * always the one inside the payload.
 */
async function exportWithAuditHead(db: Dexie): Promise<{ payload: Uint8Array<ArrayBuffer>; auditHead: AuditHead | undefined }> {
  for (let attempt = 1; ; attempt++) {
    const before = await readAuditHead(db);
    const blob = await exportDB(db, { prettyJson: false });
    const after = await readAuditHead(db);
    if (sameHead(before, after) || attempt === 5) return { payload: new Uint8Array(await blob.arrayBuffer()), auditHead: after };
  }
}

export async function createBackup(db: Dexie, options: { now: Date; appVersion: string }): Promise<CreatedBackup> {
  const { payload, auditHead } = await exportWithAuditHead(db);
  const meta = await peakImportFile(new Blob([payload]));
  const header: BackupHeader = {
    format: 'antal-backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: options.now.toISOString(),
    appVersion: options.appVersion,
    databaseName: db.name,
    schemaVersion: db.verno,
    tables: meta.data.tables.map((t) => ({ name: t.name, rowCount: t.rowCount })),
    payloadBytes: payload.length,
    payloadSha256: await sha256OfBytes(payload),
    ...(auditHead ? { auditHead } : {}),
  };
  return { header, bytes: encodeBackupFile(header, payload) };
}

// ---------------------------------------------------------------------------------------------------------
// Restore

export interface TableChange {
  name: string;
  /** Rows in the current database. */
  now: number;
  /** Rows after the restore (what the backup holds, upgraded to this app's schema). */
  after: number;
  /** Newest date found in the backup's rows of this table (ISO), if its records carry dates. */
  newest: string | null;
}

export interface RestorePreview {
  header: BackupHeader;
  fileBytes: number;
  tables: TableChange[];
}

export interface PreparedRestore {
  preview: RestorePreview;
  /** Replace the current contents with the backup's, atomically. Deletes the temporary copy. */
  commit(): Promise<void>;
  /** Do not restore: delete the temporary copy. */
  discard(): Promise<void>;
}

export interface RestoreOptions {
  /** Opens a database with the app's schema (default: AntalDatabase); the temporary copy is opened with it. */
  openDatabase?: (name: string) => Dexie;
  /** Unique suffix for the temporary database (default: random). */
  tempSuffix?: string;
}

/** Field names whose ISO timestamps say how recent a record is. */
const DATE_FIELDS = ['updatedAt', 'importedAt', 'createdAt', 'savedAt', 'receivedAt', 'sentAt', 'at', 'timestamp'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Newest ISO date among the rows' date fields, or null. Pure. */
export function newestDate(rows: readonly unknown[]): string | null {
  let newest: string | null = null;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    for (const field of DATE_FIELDS) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === 'string' && ISO_DATE.test(value) && (newest === null || Date.parse(value) > Date.parse(newest))) newest = value;
    }
  }
  return newest;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function randomSuffix(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

async function deleteDatabase(db: Dexie): Promise<void> {
  db.close();
  await db.delete().catch(() => undefined);
}

/** Imports the payload into a temporary database and opens it with the app's schema (upgrading it). */
async function importToTemporary(
  payload: Uint8Array,
  declared: readonly { name: string; rowCount: number }[],
  name: string,
  open: (name: string) => Dexie,
): Promise<Dexie> {
  let imported: Dexie | undefined;
  try {
    imported = await importDB(new Blob([payload as Uint8Array<ArrayBuffer>]), { name });
    // dexie-export-import accepts a payload cut short; every row the export declared must have arrived.
    for (const table of declared) {
      const count = await imported.table(table.name).count();
      if (count !== table.rowCount) throw new Error(`table ${table.name}: ${count} rows imported, the export declares ${table.rowCount}`);
    }
    imported.close();
    const upgraded = open(name);
    await upgraded.open();
    return upgraded;
  } catch (error) {
    if (imported) await deleteDatabase(imported);
    const leftover = open(name);
    await deleteDatabase(leftover);
    throw new BackupError('corrupt', describe(error));
  }
}

/** Reads every row (with its key, for tables without inbound keys) of every table of `db`. */
async function readAll(db: Dexie): Promise<Map<string, { keys: unknown[]; rows: unknown[] }>> {
  const all = new Map<string, { keys: unknown[]; rows: unknown[] }>();
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const keys = await table.toCollection().primaryKeys();
      const rows = await table.toArray();
      all.set(table.name, { keys: keys as unknown[], rows });
    }
  });
  return all;
}

/** Replaces every table's rows in one transaction: all of it happens or none of it. */
export async function replaceAllTables(db: Dexie, contents: Map<string, { keys: unknown[]; rows: unknown[] }>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const content = contents.get(table.name);
      if (!content || content.rows.length === 0) continue;
      if (table.schema.primKey.keyPath) await table.bulkAdd(content.rows);
      else await table.bulkAdd(content.rows, content.keys as never);
    }
  });
}

export async function prepareRestore(db: Dexie, bytes: Uint8Array, options: RestoreOptions = {}): Promise<PreparedRestore> {
  const parsed = await parseBackupFile(bytes, sha256OfBytes);
  if (!parsed.ok) throw new BackupError(parsed.code, parsed.detail);
  const { header, payload } = parsed.value;
  let meta: DexieExportJsonMeta;
  try {
    meta = await peakImportFile(new Blob([payload as Uint8Array<ArrayBuffer>]));
    if (meta.formatName !== 'dexie' || !Number.isFinite(meta.data?.databaseVersion) || !Array.isArray(meta.data.tables)) {
      throw new Error('not a Dexie export');
    }
  } catch (error) {
    throw new BackupError('corrupt', describe(error));
  }
  const payloadVersion = meta.data.databaseVersion;
  if (payloadVersion > db.verno) {
    throw new BackupError('newer-schema', `the backup has schema version ${payloadVersion}, this app ${db.verno}`);
  }

  const open = options.openDatabase ?? ((name: string) => new AntalDatabase(name));
  const temporary = await importToTemporary(payload, meta.data.tables, `${db.name}-restore-${options.tempSuffix ?? randomSuffix()}`, open);
  let contents: Map<string, { keys: unknown[]; rows: unknown[] }>;
  try {
    contents = await readAll(temporary);
  } catch (error) {
    await deleteDatabase(temporary);
    throw new BackupError('corrupt', describe(error));
  }
  const tables: TableChange[] = [];
  for (const table of db.tables) {
    const content = contents.get(table.name);
    tables.push({ name: table.name, now: await table.count(), after: content?.rows.length ?? 0, newest: newestDate(content?.rows ?? []) });
  }
  let settled = false;
  return {
    preview: { header, fileBytes: bytes.length, tables },
    async commit() {
      if (settled) throw new Error('this restore has already been committed or discarded');
      settled = true;
      try {
        await replaceAllTables(db, contents);
      } finally {
        await deleteDatabase(temporary);
      }
    },
    async discard() {
      if (settled) return;
      settled = true;
      await deleteDatabase(temporary);
    },
  };
}
