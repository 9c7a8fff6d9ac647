/**
 * Writing imports and managing stored datasets: the atomic commit of an import (all kept measures, their
 * provenance and the source's mapping preset in one Dexie transaction, so a failure leaves the database as it
 * was), finding an earlier import of the same bytes, renaming with validation, and deleting.
 */
import type { ImportResult } from '../../../shared/import';
import { chosenOverlapping, overlappingDimensions } from '../../../shared/counts/overlap';
import { appendAudit, auditTables } from '../db/audit';
import { type AntalDatabase, type DatasetRecord, type StudyRecord, saveDataset } from '../db/database';
import type { StoredImportProvenance } from './provenance';
import { type ImportPreset, savePreset } from './presets';

export interface CommitInput {
  result: ImportResult;
  /** Keys of the measures to store (one dataset each). */
  keep: readonly string[];
  importedAt: Date;
  /** What only the user knows, stored with the core's provenance. */
  extra: Pick<StoredImportProvenance, 'coverage' | 'userNotes' | 'columnHeaders'>;
  /** Remembered for the source signature, in the same transaction. */
  preset: ImportPreset | null;
  /**
   * The user's answers, per dimension key, whether one person can be under several of its values; dimensions
   * without an answer get the default for each dataset's basis. Absent: nothing is stored and the default applies.
   */
  overlapChoice?: Readonly<Record<string, boolean>>;
  /** The audit entry's text in the user's language, given the kept datasets' names ("Importerade fil.csv (A, B)"). */
  auditSummary: (datasetNames: readonly string[]) => string;
}

export class DatasetExistsError extends Error {
  constructor(readonly id: string) {
    super(`a dataset with id ${id} already exists`);
    this.name = 'DatasetExistsError';
  }
}

/** Stores the kept measures; returns their dataset ids. Either everything is written or nothing. */
export async function commitImport(db: AntalDatabase, input: CommitInput): Promise<string[]> {
  const kept = input.result.measures.filter((m) => input.keep.includes(m.key));
  if (kept.length === 0) throw new Error('commitImport: no measure kept');
  const provenance: StoredImportProvenance = { ...input.result.provenance, ...input.extra };
  await db.transaction('rw', [db.datasets, db.datasetColumns, ...auditTables(db)], async () => {
    for (const measure of kept) {
      // Never overwrite silently: ids derive from the file's hash, so this is a second import of the same bytes.
      if ((await db.datasets.get(measure.dataset.id)) !== undefined) throw new DatasetExistsError(measure.dataset.id);
      const overlap = input.overlapChoice
        ? { overlappingDimensions: chosenOverlapping(measure.dataset.dimensions, measure.dataset.basis, input.overlapChoice) }
        : {};
      await saveDataset(db, { ...measure.dataset, ...overlap, provenance }, input.importedAt);
    }
    if (input.preset) await savePreset(db, input.preset);
    // In the same transaction: the audit trail records the import exactly when the datasets exist.
    await appendAudit(
      db,
      {
        kind: 'import',
        summary: input.auditSummary(kept.map((m) => m.dataset.name)),
        details: { datasetIds: kept.map((m) => m.dataset.id), sha256: provenance.sha256, cells: kept.reduce((n, m) => n + m.dataset.cellCount, 0) },
      },
      input.importedAt,
    );
  });
  return kept.map((m) => m.dataset.id);
}

/** Datasets imported from a file with these exact bytes. */
export function datasetsWithSha256(db: AntalDatabase, sha256: string): Promise<DatasetRecord[]> {
  return db.datasets.filter((d) => d.provenance.sha256 === sha256).toArray();
}

export function studiesUsing(db: AntalDatabase, datasetId: string): Promise<StudyRecord[]> {
  return db.studies.filter((s) => s.datasetIds.includes(datasetId)).toArray();
}

export const MAX_DATASET_NAME_LENGTH = 200;

export type NameProblem = 'required' | 'too-long' | 'taken';

/** Why a name cannot be used, or null: not blank, not too long, not the name of another dataset. */
export function datasetNameProblem(name: string, otherNames: readonly string[]): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  if (trimmed.length > MAX_DATASET_NAME_LENGTH) return 'too-long';
  const folded = trimmed.toLocaleLowerCase('sv');
  if (otherNames.some((n) => n.trim().toLocaleLowerCase('sv') === folded)) return 'taken';
  return null;
}

export async function renameDataset(db: AntalDatabase, id: string, name: string): Promise<NameProblem | null> {
  return db.transaction('rw', db.datasets, async () => {
    const others = (await db.datasets.toArray()).filter((d) => d.id !== id).map((d) => d.name);
    const problem = datasetNameProblem(name, others);
    if (problem) return problem;
    await db.datasets.update(id, { name: name.trim() });
    return null;
  });
}

/**
 * Sets which of a dataset's dimensions overlap (one person under several values), with an audit entry in the same
 * transaction. Only keys the dataset has are kept, in the dataset's order. `summary` is the entry's text in the
 * user's language. Returns false when the dataset does not exist (deleted meanwhile); nothing is then written.
 */
export async function setOverlappingDimensions(db: AntalDatabase, id: string, keys: readonly string[], summary: string, now: Date = new Date()): Promise<boolean> {
  return db.transaction('rw', [db.datasets, ...auditTables(db)], async () => {
    const record = await db.datasets.get(id);
    if (!record) return false;
    const wanted = new Set(keys);
    const overlapping = record.dimensions.filter((d) => wanted.has(d.key)).map((d) => d.key);
    await db.datasets.update(id, { overlappingDimensions: overlapping });
    await appendAudit(db, { kind: 'edit', summary, details: { datasetId: id, overlappingDimensions: overlapping, before: overlappingDimensions(record) } }, now);
    return true;
  });
}

/**
 * Removes a dataset's metadata and columns together. Studies that used it keep the reference (their own record
 * is not rewritten behind their back) and are computed without it; the confirmation names them beforehand.
 */
export async function deleteDataset(db: AntalDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.datasets, db.datasetColumns, async () => {
    await db.datasets.delete(id);
    await db.datasetColumns.delete(id);
  });
}
