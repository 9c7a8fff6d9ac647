/**
 * Which dataset is "the population" of a study: the table straddling age bands are shared by (an imported
 * population table such as SCB's persons by region, sex and single year of age, or a finer table of the same
 * measure), instead of uniformly (shared/estimate/population-weights.ts). It is the study's age-share source
 * (study.ageShare.source), so it travels with the study into versions, letters and files.
 * (Version 1 of the app kept the choice in the settings table; the database's migration moves it into the study.)
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { type AntalDatabase, type DatasetRecord, loadDataset } from '../db/database';

/** The id of the study's age-share table, or null when its shares are uniform. */
export function populationTableId(study: Study): string | null {
  return study.ageShare.source.kind === 'table' ? study.ageShare.source.datasetId : null;
}

/** The study with its age shares taken from the dataset `datasetId` (null: uniformly). */
export function withPopulationTable(study: Study, datasetId: string | null): Study {
  return { ...study, ageShare: { ...study.ageShare, source: datasetId ? { kind: 'table', datasetId } : { kind: 'uniform' } } };
}

/** The study's age-share table, or null when none is chosen or the chosen one was deleted. */
export async function loadPopulation(db: AntalDatabase, study: Study): Promise<Dataset | null> {
  const id = populationTableId(study);
  return id ? ((await loadDataset(db, id)) ?? null) : null;
}

/** Datasets that can weigh age bands: they have an age dimension and are not synthetic demo data. */
export function populationCandidates(records: readonly DatasetRecord[]): DatasetRecord[] {
  return records.filter((r) => !r.provenance.synthetic && r.dimensions.some((d) => d.role === 'age'));
}
