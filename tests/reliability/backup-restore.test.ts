// Backup and restore: export → wipe → restore gives identical content (typed-array columns included); a file that
// is damaged, truncated, foreign or from a newer schema is refused with its own error before anything changes;
// a restore that fails at any point leaves the current database exactly as it was.
import './browser-globals';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { BackupError, createBackup, newestDate, prepareRestore } from '../../renderer/src/backup/backup';
import { BACKUP_FORMAT_VERSION, encodeBackupFile, parseBackupFile } from '../../shared/backup/backup-format';
import { LAST_AUTO_BACKUP_KEY, startAutoBackupResponder, writeAutomaticBackup, type AutoBackupHost } from '../../renderer/src/backup/auto-backup';
import { recordBackupEvent } from '../../renderer/src/backup/backup-audit';
import { verifyAudit } from '../../renderer/src/db/audit';
import { type AntalDatabase, getSetting, loadDataset, putSetting } from '../../renderer/src/db/database';
import { seedDemoIfNew } from '../../renderer/src/db/seed';
import { sha256OfBytes } from '../../shared/import/file-digest';
import { createDemoDataset } from '../../shared/demo/dataset';
import { DEMO_STUDY } from '../../shared/demo/study';
import { deleteDatabases, freshDb } from '../renderer/import/import-helpers';

// Whole-database exports of the demo dataset on a shared, busy machine: allow far more than the default.
vi.setConfig({ testTimeout: 120_000 });

afterEach(deleteDatabases);

const seededAt = new Date('2026-10-01T08:00:00Z');
const backupAt = new Date('2026-11-30T16:00:00Z');

/** Every row of every table, in key order: what "identical content" means. */
async function contents(db: Dexie): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return all;
}

async function seeded(prefix: string): Promise<AntalDatabase> {
  const db = freshDb(prefix);
  await seedDemoIfNew(db, () => ({ dataset: createDemoDataset(), study: DEMO_STUDY }), seededAt);
  await putSetting(db, 'unitProfile', { unitName: 'Prövningsenheten Region Test', address: 'Box 1', signatoryName: 'A', signatoryTitle: 'B', logo: null });
  return db;
}

async function wipe(db: Dexie): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

async function restoreInto(db: AntalDatabase, bytes: Uint8Array): Promise<void> {
  const prepared = await prepareRestore(db, bytes);
  await prepared.commit();
}

async function expectRefused(promise: Promise<unknown>, code: string): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).code).toBe(code);
  return error as BackupError;
}

/** Dexie database names that exist (the temporary restore copy must never be left behind). */
async function databaseNames(): Promise<string[]> {
  return Dexie.getDatabaseNames();
}

describe('backup file', () => {
  it('starts with the magic line and a header that describes the payload, whose SHA-256 it carries', async () => {
    const db = await seeded('bk-header');
    const { header, bytes } = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });
    const text = new TextDecoder().decode(bytes.subarray(0, 200));
    expect(text.startsWith('ANTAL-BACKUP/1\n{')).toBe(true);
    expect(header).toMatchObject({ format: 'antal-backup', formatVersion: BACKUP_FORMAT_VERSION, createdAt: backupAt.toISOString(), appVersion: '0.1.0', schemaVersion: db.verno });
    expect(header.tables.find((t) => t.name === 'datasets')?.rowCount).toBe(1);
    expect(header.tables.map((t) => t.name).sort()).toEqual(db.tables.map((t) => t.name).sort());
    const parsed = await parseBackupFile(bytes, sha256OfBytes);
    expect(parsed.ok && parsed.value.header).toEqual(header);
    expect(parsed.ok && (await sha256OfBytes(parsed.value.payload))).toBe(header.payloadSha256);
  });

  it('round-trips: export, wipe, restore → identical content, typed-array columns included', async () => {
    const db = await seeded('bk-roundtrip');
    const before = await contents(db);
    const demo = createDemoDataset();
    const { bytes, header } = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });

    await wipe(db);
    expect((await db.datasets.count()) + (await db.datasetColumns.count()) + (await db.settings.count())).toBe(0);
    await restoreInto(db, bytes);

    expect(await contents(db)).toEqual(before);
    const restored = await loadDataset(db, demo.id);
    expect(restored?.point).toBeInstanceOf(Float64Array);
    expect(restored?.masked).toBeInstanceOf(Uint8Array);
    expect(restored?.columns[0]).toBeInstanceOf(Uint32Array);
    expect(restored?.point).toEqual(demo.point);
    expect(restored?.columns).toEqual(demo.columns);
    expect(restored?.cellCount).toBe(demo.cellCount);
    // A second backup of the restored database is byte-identical in payload: nothing drifted.
    const again = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });
    expect(again.header.payloadSha256).toBe(header.payloadSha256);
    expect(await databaseNames()).not.toContainEqual(expect.stringContaining('-restore-'));
  });

  it('restores into another installation and shows, before replacing anything, what the backup holds and what would change', async () => {
    const source = await seeded('bk-source');
    const { bytes } = await createBackup(source, { now: backupAt, appVersion: '0.1.0' });
    const target = freshDb('bk-target');
    await putSetting(target, 'language-note', 'only in the target');
    const before = await contents(target);

    const prepared = await prepareRestore(target, bytes);
    expect(prepared.preview.header.createdAt).toBe(backupAt.toISOString());
    expect(prepared.preview.fileBytes).toBe(bytes.length);
    const byName = Object.fromEntries(prepared.preview.tables.map((t) => [t.name, t]));
    expect(byName['datasets']).toEqual({ name: 'datasets', now: 0, after: 1, newest: seededAt.toISOString() });
    expect(byName['settings']).toMatchObject({ now: 1, after: (await source.settings.count()) });
    // Nothing has changed yet.
    expect(await contents(target)).toEqual(before);

    await prepared.commit();
    expect(await contents(target)).toEqual(await contents(source));
    await expect(prepared.commit()).rejects.toThrow(/already/);
  });

  it('discarding a prepared restore changes nothing and removes the temporary copy', async () => {
    const db = await seeded('bk-discard');
    const { bytes } = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });
    await putSetting(db, 'after-backup', 1);
    const before = await contents(db);
    const prepared = await prepareRestore(db, bytes, { tempSuffix: 'discard-test' });
    expect(await databaseNames()).toContain(`${db.name}-restore-discard-test`);
    await prepared.discard();
    expect(await contents(db)).toEqual(before);
    expect(await databaseNames()).not.toContain(`${db.name}-restore-discard-test`);
  });
});

describe('a bad backup file is refused before anything changes', () => {
  async function backupOf(prefix: string) {
    const db = await seeded(prefix);
    const created = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });
    await putSetting(db, 'changed-after-backup', true);
    return { db, ...created, before: await contents(db) };
  }

  it('refuses 0 bytes, a CSV, a PDF and a ZIP as "not a backup"', async () => {
    const { db, before } = await backupOf('bk-foreign');
    await expectRefused(prepareRestore(db, new Uint8Array()), 'empty');
    await expectRefused(prepareRestore(db, new TextEncoder().encode('Region;Antal\nSkåne;12\n')), 'not-a-backup');
    await expectRefused(prepareRestore(db, new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')), 'not-a-backup');
    await expectRefused(prepareRestore(db, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), 'not-a-backup');
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a flipped byte in the payload (checksum) and a cut-off file (truncated)', async () => {
    const { db, bytes, before } = await backupOf('bk-damaged');
    const flipped = bytes.slice();
    flipped[flipped.length - 10]! ^= 0x01;
    const error = await expectRefused(prepareRestore(db, flipped), 'checksum');
    expect(error.detail).toMatch(/SHA-256 [0-9a-f]{64}, the header says [0-9a-f]{64}/);
    await expectRefused(prepareRestore(db, bytes.subarray(0, bytes.length - 1000)), 'truncated');
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a damaged header and a future wrapper version', async () => {
    const { db, bytes, header, before } = await backupOf('bk-header-bad');
    const parsed = await parseBackupFile(bytes, sha256OfBytes);
    if (!parsed.ok) throw new Error('fixture');
    const payload = parsed.value.payload;
    const noNewline = new TextEncoder().encode('ANTAL-BACKUP/1\n{"format":"antal-backup"');
    await expectRefused(prepareRestore(db, noNewline), 'bad-header');
    await expectRefused(prepareRestore(db, encodeBackupFile({ ...header, payloadSha256: 'nope' }, payload)), 'bad-header');
    await expectRefused(prepareRestore(db, new TextEncoder().encode('ANTAL-BACKUP/2\n{}\n')), 'unsupported-format');
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a backup from a newer schema than this app has', async () => {
    const db = await seeded('bk-newer');
    const before = await contents(db);
    // A database one schema version ahead of this app, with the same tables.
    const future = new Dexie(`${db.name}-future`);
    const stores = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
    future.version(db.verno + 1).stores(stores);
    await future.open();
    const payload = new Uint8Array(await (await exportDB(future)).arrayBuffer());
    future.close();
    await future.delete();
    const file = encodeBackupFile(
      { format: 'antal-backup', formatVersion: 1, createdAt: backupAt.toISOString(), appVersion: '9.0.0', databaseName: db.name, schemaVersion: db.verno + 1, tables: [], payloadBytes: payload.length, payloadSha256: await sha256OfBytes(payload) },
      payload,
    );
    const error = await expectRefused(prepareRestore(db, file), 'newer-schema');
    expect(error.detail).toContain(`schema version ${db.verno + 1}, this app ${db.verno}`);
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a payload with a valid checksum that is not a Dexie export, and leaves no temporary database', async () => {
    const { db, header, before } = await backupOf('bk-corrupt');
    const payload = new TextEncoder().encode('{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"x","databaseVersion":1,"tables":[{"name":"settings","schema":"key","rowCount":1}],"data":[{"tableName":"settings","inbound":true,"rows":[{"key":');
    const file = encodeBackupFile({ ...header, payloadBytes: payload.length, payloadSha256: await sha256OfBytes(payload) }, payload);
    await expectRefused(prepareRestore(db, file, { tempSuffix: 'corrupt-test' }), 'corrupt');
    expect(await contents(db)).toEqual(before);
    expect(await databaseNames()).not.toContain(`${db.name}-restore-corrupt-test`);
  });
});

describe('crash safety of the restore', () => {
  it('a failure in the middle of the swap (after some tables were cleared and refilled) leaves the database as it was', async () => {
    const source = await seeded('bk-crash-source');
    const { bytes } = await createBackup(source, { now: backupAt, appVersion: '0.1.0' });
    const db = freshDb('bk-crash-target');
    await putSetting(db, 'only-here', 'keep me');
    await db.studies.put({ id: 'mine', title: 'Min studie', updatedAt: seededAt.toISOString(), datasetIds: [], study: DEMO_STUDY });
    const before = await contents(db);

    const prepared = await prepareRestore(db, bytes, { tempSuffix: 'crash-test' });
    // The last table written throws on its first row: every earlier table has already been cleared and refilled
    // inside the transaction when this happens.
    const last = db.tables.filter((t) => prepared.preview.tables.find((c) => c.name === t.name)!.after > 0).at(-1)!;
    last.hook('creating', () => {
      throw new Error('simulated crash during restore');
    });
    await expect(prepared.commit()).rejects.toThrow(/simulated crash/);

    expect(await contents(db)).toEqual(before);
    expect(await databaseNames()).not.toContain(`${db.name}-restore-crash-test`);
  });
});

describe('newestDate', () => {
  it('finds the newest ISO date among the usual date fields and ignores everything else', () => {
    expect(newestDate([{ importedAt: '2024-01-02T00:00:00.000Z' }, { updatedAt: '2025-06-01T10:00:00.000Z' }, { name: '2030-01-01' }])).toBe('2025-06-01T10:00:00.000Z');
    expect(newestDate([{ key: 'x', value: 1 }, null, 'text'])).toBeNull();
  });
});

describe('a backup from an older schema version', () => {
  it('is upgraded on restore the way the app upgrades its own database (version 1 studies become requests)', async () => {
    // A version-1 installation, with its schema exactly as it was, a dataset and a study of its own.
    const old = new Dexie(`antal-v1-${process.pid}`);
    old.version(1).stores({ settings: 'key', datasets: 'id, name, importedAt', datasetColumns: 'datasetId', studies: 'id, title, updatedAt' });
    const demo = createDemoDataset();
    const { columns, low, point, high, masked, ...meta } = demo;
    await old.table('datasets').put({ ...meta, importedAt: seededAt.toISOString() });
    await old.table('datasetColumns').put({ datasetId: demo.id, columns, low, point, high, masked });
    const study = { ...DEMO_STUDY, id: 'egen-studie', title: 'Fas III-studie i kolorektalcancer' };
    await old.table('studies').put({ id: study.id, title: study.title, updatedAt: seededAt.toISOString(), datasetIds: [demo.id], study });
    await old.table('settings').put({ key: 'language', value: 'sv' });
    const { bytes, header } = await createBackup(old, { now: backupAt, appVersion: '0.1.0' });
    old.close();
    await old.delete();
    expect(header.schemaVersion).toBe(1);

    const db = freshDb('bk-upgrade');
    expect(db.verno).toBeGreaterThan(1);
    const prepared = await prepareRestore(db, bytes);
    const after = Object.fromEntries(prepared.preview.tables.map((t) => [t.name, t.after]));
    expect(after).toMatchObject({ datasets: 1, datasetColumns: 1, studies: 1, settings: 1, requests: 1 });
    await prepared.commit();

    expect(await loadDataset(db, demo.id)).toEqual(demo);
    const requests = await db.table('requests').toArray();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ studyId: study.id });
  });
});

describe('the audit trail', () => {
  it('records a backup and, after the swap, the restore; the restored chain stays valid', async () => {
    const db = await seeded('bk-audit');
    await recordBackupEvent(db, { kind: 'backup', at: backupAt, detail: 'antal-2026-11-30-1600.antalbackup', summary: 'Säkerhetskopia skapad' });
    const { bytes } = await createBackup(db, { now: backupAt, appVersion: '0.1.0' });
    await recordBackupEvent(db, { kind: 'backup', at: new Date('2026-12-01T08:00:00Z'), detail: 'later.antalbackup', summary: 'Säkerhetskopia skapad' });
    await (await prepareRestore(db, bytes)).commit();
    await recordBackupEvent(db, { kind: 'restore', at: new Date('2026-12-02T08:00:00Z'), detail: backupAt.toISOString(), summary: 'Databasen återställd från en säkerhetskopia' });

    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.kind, e.summary])).toEqual([
      ['backup', 'Säkerhetskopia skapad'],
      ['restore', 'Databasen återställd från en säkerhetskopia'],
    ]);
    expect(entries[1]!.details).toEqual({ backupCreatedAt: backupAt.toISOString() });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });
});

describe('automatic backups (renderer side)', () => {
  function fakeHost(answer: Awaited<ReturnType<AutoBackupHost['writeAutoBackup']>>) {
    let request: (() => void) | null = null;
    const written: Uint8Array[] = [];
    const host: AutoBackupHost = {
      writeAutoBackup: async (bytes) => {
        written.push(bytes);
        return answer;
      },
      onAutoBackupRequest: (listener) => {
        request = listener;
        return () => {
          request = null;
        };
      },
    };
    return { host, written, request: () => request?.(), subscribed: () => request !== null };
  }

  it('hands a complete backup file to the main process and remembers where it went', async () => {
    const db = await seeded('bk-auto');
    const value = { name: 'antal-auto-20261130T160000000Z.antalbackup', directory: '/home/u/.config/Antal/backups', bytes: 0, kept: 3 };
    const { host, written } = fakeHost({ ok: true, value });
    const result = await writeAutomaticBackup({ db, host, appVersion: '0.1.0', now: () => backupAt });
    expect(result).toEqual({ ok: true, value });
    expect(written).toHaveLength(1);
    const parsed = await parseBackupFile(written[0]!, sha256OfBytes);
    expect(parsed.ok && parsed.value.header.createdAt).toBe(backupAt.toISOString());
    expect(await getSetting(db, LAST_AUTO_BACKUP_KEY)).toEqual({ ...value, at: backupAt.toISOString() });
  });

  it('answers each request from the main process, reports a refused write, and stops when unsubscribed', async () => {
    const db = await seeded('bk-auto-requests');
    const errors: unknown[] = [];
    let reported!: () => void;
    const firstError = new Promise<void>((resolve) => {
      reported = resolve;
    });
    const { host, written, request, subscribed } = fakeHost({ ok: false, error: { code: 'io', detail: 'ENOSPC: no space left' } });
    const stop = startAutoBackupResponder({ db, host, appVersion: '0.1.0', now: () => backupAt, onError: (e) => {
      errors.push(e);
      reported();
    } });
    request();
    request(); // arrives while the first is being made: served by it
    await firstError;
    expect(errors).toHaveLength(1);
    expect(written).toHaveLength(1);
    expect(String(errors[0])).toContain('io: ENOSPC: no space left');
    expect(await getSetting(db, LAST_AUTO_BACKUP_KEY)).toBeUndefined();
    stop();
    expect(subscribed()).toBe(false);
  });
});
