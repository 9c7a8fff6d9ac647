// The import commit is atomic: every kept measure, its provenance and the source's preset are stored in one
// transaction, so a failure part-way leaves the database exactly as it was.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset, saveDataset } from '../../../renderer/src/db/database';
import {
  commitImport,
  datasetNameProblem,
  datasetsWithSha256,
  DatasetExistsError,
  deleteDataset,
  renameDataset,
  studiesUsing,
} from '../../../renderer/src/import/dataset-store';
import { loadPreset, presetFrom, presetKey } from '../../../renderer/src/import/presets';
import { isImportProvenance } from '../../../renderer/src/import/provenance';
import { createDemoDataset } from '../../../shared/demo/dataset';
import { DEMO_STUDY } from '../../../shared/demo/study';
import { deleteDatabases, freshDb, importedExport } from './import-helpers';

afterEach(deleteDatabases);

const importedAt = new Date('2026-11-22T09:30:00Z');
const extra = { coverage: '97 %', userNotes: 'Uttag för studie X', columnHeaders: ['Region', 'Period', 'Antal patienter', 'Antal vårdtillfällen', 'Per 100 000 invånare'] };

async function snapshot(db: ReturnType<typeof freshDb>) {
  return {
    datasets: await db.datasets.toArray(),
    columns: await db.datasetColumns.toArray(),
    settings: await db.settings.toArray(),
  };
}


/** The mapping preset an import of the test export saves, keeping `keep`. */
function presetOf(preview: Awaited<ReturnType<typeof importedExport>>['preview'], keep: string[], coverage: string) {
  return presetFrom({
    signature: preview.sourceSignature!,
    savedAt: importedAt,
    fileName: preview.file.name,
    mapping: preview.mapping,
    keep,
    meta: { publisher: 'Testregistret', basisKind: 'incident', regionBasis: 'residence', coverage },
  });
}
describe('commitImport', () => {
  it('stores the kept measures with the full provenance and the preset, and they read back as built', async () => {
    const db = freshDb('commit');
    const { preview, result } = await importedExport();
    const keep = ['antal-patienter', 'antal-vardtillfallen'];
    const preset = presetOf(preview, keep, '97 %');
    const ids = await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep, importedAt, extra, preset });

    expect(ids).toEqual(result.measures.filter((m) => keep.includes(m.key)).map((m) => m.dataset.id));
    expect(await db.datasets.count()).toBe(2);
    expect(await db.datasetColumns.count()).toBe(2);
    const patients = result.measures.find((m) => m.key === 'antal-patienter')!.dataset;
    const stored = await loadDataset(db, patients.id);
    expect(stored).toEqual({ ...patients, provenance: { ...result.provenance, ...extra } });
    expect(stored?.masked).toEqual(Uint8Array.from([0, 1, 0, 0]));
    expect(isImportProvenance(stored!.provenance)).toBe(true);
    expect(stored!.provenance).toMatchObject({ encoding: 'windows-1252', delimiter: ';', maskTokens: { X: { low: 1, high: 3, point: 2 } }, coverage: '97 %' });
    expect((await db.datasets.get(patients.id))?.importedAt).toBe(importedAt.toISOString());
    expect(await loadPreset(db, preview.sourceSignature!)).toEqual(preset);
  });

  it('leaves the database exactly as it was when a write fails in the middle of the transaction', async () => {
    const db = freshDb('commit-fail');
    // Something already stored, which must survive untouched.
    const demo = createDemoDataset();
    await saveDataset(db, demo, new Date('2026-01-01T00:00:00Z'));
    await db.settings.put({ key: 'language', value: 'sv' });
    const before = await snapshot(db);

    const { preview, result } = await importedExport();
    const keep = ['antal-patienter', 'antal-vardtillfallen', 'per-100-000-invanare'];
    // Inject a failure: the columns of the second measure cannot be written (e.g. the disk is full).
    let writes = 0;
    db.datasetColumns.hook('creating', () => {
      writes++;
      if (writes === 2) throw new Error('injected: QuotaExceededError');
    });
    const preset = presetOf(preview, keep, '');
    await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep, importedAt, extra, preset })).rejects.toThrow('injected');

    expect(writes).toBe(2); // the first measure had been written inside the transaction
    expect(await snapshot(db)).toEqual(before);
    expect(await db.settings.get(presetKey(preview.sourceSignature!))).toBeUndefined();
    expect(await datasetsWithSha256(db, result.provenance.sha256)).toEqual([]);
  });

  it('refuses to overwrite an earlier import of the same bytes and keeps both the earlier import and the database unchanged', async () => {
    const db = freshDb('commit-again');
    const { result } = await importedExport();
    await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra, preset: null });
    const before = await snapshot(db);
    const again = await importedExport();
    await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result: again.result, keep: ['antal-vardtillfallen', 'antal-patienter'], importedAt: new Date(), extra, preset: null })).rejects.toBeInstanceOf(DatasetExistsError);
    expect(await snapshot(db)).toEqual(before);
    const found = await datasetsWithSha256(db, again.result.provenance.sha256);
    expect(found.map((d) => d.name)).toEqual(['Register – Antal patienter']);
  });

  it('refuses a commit that keeps no measure', async () => {
    const db = freshDb('commit-none');
    const { result } = await importedExport();
    await expect(commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: [], importedAt, extra, preset: null })).rejects.toThrow('no measure');
    expect(await db.datasets.count()).toBe(0);
  });
});

describe('stored datasets', () => {
  it('validates names: required, at most 200 characters, not taken (case-insensitive)', () => {
    expect(datasetNameProblem('  ', [])).toBe('required');
    expect(datasetNameProblem('x'.repeat(201), [])).toBe('too-long');
    expect(datasetNameProblem('Cancerregistret 2024', ['cancerregistret 2024 '])).toBe('taken');
    expect(datasetNameProblem('Cancerregistret 2025', ['Cancerregistret 2024'])).toBeNull();
  });

  it('renames with validation, and deletes metadata and columns together, naming the studies that used the dataset', async () => {
    const db = freshDb('manage');
    const demo = createDemoDataset();
    await saveDataset(db, demo, importedAt);
    const { result } = await importedExport();
    const [importedId] = await commitImport(db, { auditSummary: (names) => `Importerade fil.csv (${names.join(", ")})`, result, keep: ['antal-patienter'], importedAt, extra, preset: null });
    await db.studies.put({ id: DEMO_STUDY.id, title: DEMO_STUDY.title, updatedAt: importedAt.toISOString(), datasetIds: [demo.id], study: DEMO_STUDY });

    expect(await renameDataset(db, importedId!, demo.name)).toBe('taken');
    expect(await renameDataset(db, importedId!, '')).toBe('required');
    expect(await renameDataset(db, importedId!, '  Tarmcancer 2021-03  ')).toBeNull();
    expect((await db.datasets.get(importedId!))?.name).toBe('Tarmcancer 2021-03');

    expect((await studiesUsing(db, demo.id)).map((s) => s.title)).toEqual([DEMO_STUDY.title]);
    expect(await studiesUsing(db, importedId!)).toEqual([]);
    await deleteDataset(db, demo.id);
    expect(await db.datasets.get(demo.id)).toBeUndefined();
    expect(await db.datasetColumns.get(demo.id)).toBeUndefined();
    expect(await loadDataset(db, importedId!)).toBeDefined();
  });
});
