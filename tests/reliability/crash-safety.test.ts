/**
 * Crash safety: an import commit, a file save and a restore interrupted at ANY point (every write a failure can
 * hit, an aborted transaction, a cancelled import, a failing disk) leave the database and the file system exactly
 * as they were. The complementary "fully done" half is in the feature tests (import-commit, files, backup-restore).
 */
import './browser-globals';
import 'fake-indexeddb/auto';
import nodeFs, { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, saveFileWithDialog, type DialogLike, type FileHandleLike, type FsLike } from '../../electron/main/files';
import { createBackup, prepareRestore } from '../../renderer/src/backup/backup';
import { saveDataset } from '../../renderer/src/db/database';
import { commitImport } from '../../renderer/src/import/dataset-store';
import { ImportCancelled, ImportSession } from '../../renderer/src/import/import-client';
import { presetFrom } from '../../renderer/src/import/presets';
import { DEMO_STUDY } from '../../shared/demo/study';
import { importFile } from '../../shared/import/import-file';
import { ImportCancelledError } from '../../shared/import/problems';
import { deleteDatabases, freshDb, importedExport, monthlyExport, windows1252 } from '../renderer/import/import-helpers';

afterEach(deleteDatabases);

const importedAt = new Date('2026-11-22T09:30:00Z');
const extra = { coverage: '', userNotes: '', columnHeaders: [] };

async function contents(db: Dexie): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return all;
}

/** A database with something in it that must survive every failed operation untouched. */
async function populated(prefix: string) {
  const db = freshDb(prefix);
  const earlier = await importedExport(monthlyExport('2020-12', 999));
  await saveDataset(db, earlier.result.measures[0]!.dataset, new Date('2026-01-01T00:00:00Z'));
  await db.settings.put({ key: 'language', value: 'sv' });
  await db.studies.put({ id: 'egen', title: 'Egen studie', updatedAt: '2026-02-01T00:00:00.000Z', datasetIds: [], study: DEMO_STUDY });
  return db;
}

describe('an import commit interrupted at any write', () => {
  it('leaves the database as it was, whichever write fails (every dataset, every column set, the preset)', { timeout: 120_000 }, async () => {
    const { preview, result } = await importedExport();
    const keep = result.measures.map((m) => m.key);
    const preset = presetFrom({ signature: preview.sourceSignature!, savedAt: importedAt, fileName: preview.file.name, mapping: preview.mapping, keep, meta: { publisher: 'T', basisKind: 'incident', regionBasis: 'residence', coverage: '' } });
    // One measure = one datasets row + one datasetColumns row; then the preset in settings.
    const writesOf = { datasets: keep.length, datasetColumns: keep.length, settings: 1 } as const;
    for (const [table, count] of Object.entries(writesOf) as [keyof typeof writesOf, number][]) {
      for (let failAt = 1; failAt <= count; failAt++) {
        const db = await populated(`crash-commit-${table}-${failAt}`);
        const before = await contents(db);
        let writes = 0;
        const fail = () => {
          if (++writes === failAt) throw new Error(`injected failure at ${table} write ${failAt}`);
        };
        db.table(table).hook('creating', fail);
        db.table(table).hook('updating', fail);
        await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep, importedAt, extra, preset }), `${table} #${failAt}`).rejects.toThrow('injected');
        expect(await contents(db), `${table} #${failAt}`).toEqual(before);
      }
    }
  });

  it('leaves the database as it was when the transaction is aborted part-way', async () => {
    const db = await populated('crash-commit-abort');
    const before = await contents(db);
    const { result } = await importedExport();
    db.datasetColumns.hook('creating', () => {
      Dexie.currentTransaction?.abort();
    });
    await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: result.measures.map((m) => m.key), importedAt, extra, preset: null })).rejects.toThrow();
    expect(await contents(db)).toEqual(before);
  });

  it('an import cancelled at any piece of the file returns nothing, so nothing can be stored', { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Skåne län;${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};${i};${i};1,5`);
    const bytes = windows1252(['Region;Period;Antal patienter;Antal vårdtillfällen;Per 100 000 invånare', ...rows, ''].join('\r\n'));
    const pieceBytes = 16_384;
    let pieces = 0;
    const complete = await importFile({ name: 'stor.csv', bytes }, undefined, { publisher: 'T' }, { pieceBytes, onProgress: () => pieces++ });
    expect(complete.rows).toBe(3000);
    expect(pieces).toBeGreaterThan(5);
    for (let cancelAt = 1; cancelAt < pieces; cancelAt++) {
      const controller = new AbortController();
      let seen = 0;
      const run = importFile({ name: 'stor.csv', bytes }, undefined, { publisher: 'T' }, {
        pieceBytes,
        onProgress: () => {
          if (++seen === cancelAt) controller.abort();
        },
        signal: controller.signal,
      });
      await expect(run, `cancelled at piece ${cancelAt}`).rejects.toBeInstanceOf(ImportCancelledError);
    }
  });
});

describe('an import whose worker is killed or crashes', () => {
  /** A stand-in for the import worker: it reports progress and never finishes on its own. */
  function stalledWorker() {
    const worker = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      onerror: null as ((event: { message: string; preventDefault(): void }) => void) | null,
      terminated: false,
      postMessage(message: { id: number }) {
        queueMicrotask(() => worker.onmessage?.({ data: { type: 'progress', id: message.id, stage: 'interpret', fraction: 0.5 } }));
      },
      terminate() {
        worker.terminated = true;
      },
    };
    return worker;
  }

  /** The page's sequence: build in the worker, then commit what it returned. */
  async function buildAndCommit(session: ImportSession, db: ReturnType<typeof freshDb>, onHalfway: () => void) {
    const { preview, result } = await importedExport();
    const outcome = await session.build(preview.mapping, { publisher: 'T' }, (p) => {
      if (p.fraction >= 0.5) onHalfway();
    });
    if (outcome.ok) await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: result.measures.map((m) => m.key), importedAt, extra, preset: null });
  }

  it('Cancel (the worker terminated half-way) stores nothing', async () => {
    const db = await populated('crash-worker-cancel');
    const before = await contents(db);
    const worker = stalledWorker();
    const session = new ImportSession(() => worker as unknown as Worker);
    await expect(buildAndCommit(session, db, () => session.cancel())).rejects.toBeInstanceOf(ImportCancelled);
    expect(worker.terminated).toBe(true);
    expect(await contents(db)).toEqual(before);
  });

  it('a worker that crashes half-way (out of memory) stores nothing and says so', async () => {
    const db = await populated('crash-worker-crash');
    const before = await contents(db);
    const worker = stalledWorker();
    const session = new ImportSession(() => worker as unknown as Worker);
    const crash = () => worker.onerror?.({ message: 'Uncaught RangeError: Array buffer allocation failed', preventDefault: () => undefined });
    await expect(buildAndCommit(session, db, crash)).rejects.toThrow('Array buffer allocation failed');
    expect(await contents(db)).toEqual(before);
  });
});

describe('a restore interrupted at any table', () => {
  it('leaves the database as it was, whichever table of the swap fails', async () => {
    const source = await populated('crash-swap-source');
    await source.settings.put({ key: 'unitProfile', value: { unitName: 'Källan' } });
    const { bytes } = await createBackup(source, { now: new Date('2026-11-30T16:00:00Z'), appVersion: '0.1.0' });
    const target = freshDb('crash-swap-target');
    await target.settings.put({ key: 'only-here', value: 1 });
    await target.studies.put({ id: 'mine', title: 'Min', updatedAt: '2026-03-01T00:00:00.000Z', datasetIds: [], study: DEMO_STUDY });
    const before = await contents(target);
    const filled = target.tables.filter((t) => t.name !== 'audit');
    for (const table of filled) {
      const prepared = await prepareRestore(target, bytes);
      if (prepared.preview.tables.find((c) => c.name === table.name)!.after === 0) {
        await prepared.discard();
        continue;
      }
      const unhook = () => table.hook('creating').unsubscribe(fail);
      const fail = () => {
        throw new Error(`injected failure in ${table.name}`);
      };
      table.hook('creating', fail);
      await expect(prepared.commit(), table.name).rejects.toThrow('injected');
      unhook();
      expect(await contents(target), table.name).toEqual(before);
    }
    expect((await Dexie.getDatabaseNames()).filter((n) => n.includes('-restore-'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// File saves (letters, answers, backups): the Electron save path

type Step = 'open' | 'write' | 'sync' | 'close' | 'rename';

function failingAt(step: Step, dir: string): FsLike {
  const errno = () => Object.assign(new Error(`EIO: injected at ${step}`), { code: 'EIO' });
  return {
    async open(p, flags) {
      if (step === 'open' && p !== dir) throw errno();
      const handle = await nodeFs.open(p, flags);
      const wrapped: FileHandleLike = {
        writeFile: async (data) => {
          if (step === 'write') {
            await handle.writeFile(data.subarray(0, data.length >> 1));
            throw errno();
          }
          await handle.writeFile(data);
        },
        read: (b, o, l, pos) => handle.read(b, o, l, pos),
        stat: () => handle.stat(),
        sync: async () => {
          if (step === 'sync' && p !== dir) throw errno();
          await handle.sync();
        },
        close: async () => {
          await handle.close();
          if (step === 'close' && p !== dir) throw errno();
        },
      };
      return wrapped;
    },
    rename: async (from, to) => {
      if (step === 'rename') throw errno();
      await nodeFs.rename(from, to);
    },
    unlink: (p) => nodeFs.unlink(p),
  };
}

describe('a file save interrupted at any step', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each<Step>(['open', 'write', 'sync', 'close', 'rename'])('at "%s": the user is told, the old file is intact and nothing else appears', async (step) => {
    dir = await mkdtemp(path.join(tmpdir(), 'antal-crash-'));
    const target = path.join(dir, 'Svar STUDY-1.pdf');
    await writeFile(target, '%PDF-1.7 the letter sent last week');
    const dialog: DialogLike<null> = {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: false, filePath: target }),
    };
    const result = await saveFileWithDialog(
      dialog,
      null,
      { titleKey: 'dialogs.saveLetter', suggestedName: 'Svar STUDY-1.pdf', filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }], bytes: new TextEncoder().encode('%PDF-1.7 the new letter') },
      { language: 'sv', defaultDirectory: dir, write: (t, b) => atomicWriteFile(t, b, { fs: failingAt(step, dir) }) },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io', detail: expect.stringContaining(`injected at ${step}`) } });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 the letter sent last week');
    expect(await readdir(dir)).toEqual(['Svar STUDY-1.pdf']);
  });
});
