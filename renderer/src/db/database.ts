/**
 * The local database (Dexie over IndexedDB). Metadata and columns, never one row per count cell: a dataset is
 * one `datasets` record (name, basis, provenance, dimension dictionaries) plus one `datasetColumns` record
 * holding its typed-array columns.
 *
 * Schema changes: add a new `this.version(n + 1)` with its upgrade function, never edit an old version, and
 * update tests/unit/renderer/db-schema.snapshot.json together with a migration test.
 */
import Dexie, { type Table } from 'dexie';
import type { Basis, Dataset, Dimension, Provenance } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';

export const DATABASE_NAME = 'antal';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface DatasetRecord {
  id: string;
  name: string;
  basis: Basis;
  provenance: Provenance;
  dimensions: Dimension[];
  cellCount: number;
  /** ISO timestamp. */
  importedAt: string;
}

export interface DatasetColumnsRecord {
  datasetId: string;
  columns: Uint32Array[];
  low: Float64Array;
  point: Float64Array;
  high: Float64Array;
  masked: Uint8Array;
}

export interface StudyRecord {
  id: string;
  title: string;
  /** ISO timestamp. */
  updatedAt: string;
  /** Dataset ids the study is estimated from. */
  datasetIds: string[];
  study: Study;
}

export class AntalDatabase extends Dexie {
  settings!: Table<SettingRecord, string>;
  datasets!: Table<DatasetRecord, string>;
  datasetColumns!: Table<DatasetColumnsRecord, string>;
  studies!: Table<StudyRecord, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
      datasets: 'id, name, importedAt',
      datasetColumns: 'datasetId',
      studies: 'id, title, updatedAt',
    });
  }
}

/** Stores a dataset's metadata and columns in one transaction: either both are written or neither. */
export async function saveDataset(db: AntalDatabase, dataset: Dataset, importedAt: Date): Promise<void> {
  await db.transaction('rw', db.datasets, db.datasetColumns, async () => {
    await db.datasets.put({
      id: dataset.id,
      name: dataset.name,
      basis: dataset.basis,
      provenance: dataset.provenance,
      dimensions: dataset.dimensions,
      cellCount: dataset.cellCount,
      importedAt: importedAt.toISOString(),
    });
    await db.datasetColumns.put({
      datasetId: dataset.id,
      columns: dataset.columns,
      low: dataset.low,
      point: dataset.point,
      high: dataset.high,
      masked: dataset.masked,
    });
  });
}

export async function loadDataset(db: AntalDatabase, id: string): Promise<Dataset | undefined> {
  return db.transaction('r', db.datasets, db.datasetColumns, async () => {
    const meta = await db.datasets.get(id);
    const cols = await db.datasetColumns.get(id);
    if (!meta || !cols) return undefined;
    return {
      id: meta.id,
      name: meta.name,
      basis: meta.basis,
      provenance: meta.provenance,
      dimensions: meta.dimensions,
      cellCount: meta.cellCount,
      columns: cols.columns,
      low: cols.low,
      point: cols.point,
      high: cols.high,
      masked: cols.masked,
    };
  });
}

export async function getSetting<T>(db: AntalDatabase, key: string): Promise<T | undefined> {
  const record = await db.settings.get(key);
  return record?.value as T | undefined;
}

export async function putSetting(db: AntalDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
