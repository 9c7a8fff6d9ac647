/**
 * Which dataset is "the population" of a study: an imported population table (e.g. SCB's persons by region,
 * sex and single year of age) by which age bands that straddle an age criterion are split, instead of
 * uniformly (shared/estimate/population-weights.ts). Kept per study in the settings table, so that choosing
 * one changes no stored study or dataset.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import { type AntalDatabase, type DatasetRecord, getSetting, loadDataset, putSetting } from '../db/database';

const keyOf = (studyId: string): string => `population:${studyId}`;

export async function loadPopulationId(db: AntalDatabase, studyId: string): Promise<string | null> {
  const id = await getSetting<string | null>(db, keyOf(studyId));
  return typeof id === 'string' ? id : null;
}

export async function savePopulationId(db: AntalDatabase, studyId: string, datasetId: string | null): Promise<void> {
  await putSetting(db, keyOf(studyId), datasetId);
}

/** The study's population table, or null when none is chosen or the chosen one was deleted. */
export async function loadPopulation(db: AntalDatabase, studyId: string): Promise<Dataset | null> {
  const id = await loadPopulationId(db, studyId);
  return id ? ((await loadDataset(db, id)) ?? null) : null;
}

/** Datasets that can weigh age bands: they have an age dimension and are not synthetic demo data. */
export function populationCandidates(records: readonly DatasetRecord[]): DatasetRecord[] {
  return records.filter((r) => !r.provenance.synthetic && r.dimensions.some((d) => d.role === 'age'));
}
