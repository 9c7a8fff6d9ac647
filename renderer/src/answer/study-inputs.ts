/**
 * The one loader of what an answer is computed from: a study, its linked datasets, its population table (age
 * bands straddling an age limit are shared by it) and the settings that change the numbers (the Halland rule).
 * The workspace (which computes in a worker), the request store (Early Feedback Form suggestions and request
 * versions) and the letter and answer-file paths all read a study through it, so the numbers they show and
 * freeze cannot differ.
 */
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { HallandRule } from '../../../shared/regions/regions';
import { type AntalDatabase, currentStudy, loadDataset, type StudyRecord } from '../db/database';
import { loadHallandRule } from '../settings/halland-rule';
import { loadPopulation } from '../import/population-link';
import type { Answer } from './answer';

export interface StudyInputs {
  record: StudyRecord;
  study: Study;
  /** The linked datasets that exist (a deleted dataset is left out). */
  datasets: Dataset[];
  /** The study's population table, or null: straddling age bands are then shared uniformly. */
  population: Dataset | null;
  hallandRule: HallandRule;
}

/** A study (by id, or the one edited last) with everything its answer is computed from; null when there is no such study. */
export async function loadStudyInputs(db: AntalDatabase, studyId?: string): Promise<StudyInputs | null> {
  const stored = studyId ? await db.studies.get(studyId) : await db.studies.orderBy('updatedAt').last();
  if (!stored) return null;
  const study = await currentStudy(db, stored);
  const record = study === stored.study ? stored : { ...stored, study };
  const datasets = await loadDatasets(db, record.datasetIds);
  const [population, hallandRule] = await Promise.all([loadPopulation(db, study), loadHallandRule(db)]);
  return { record, study, datasets, population, hallandRule };
}

/** The datasets of `ids` that exist, in that order. */
export async function loadDatasets(db: AntalDatabase, ids: readonly string[]): Promise<Dataset[]> {
  const datasets: Dataset[] = [];
  for (const id of ids) {
    const dataset = await loadDataset(db, id);
    if (dataset) datasets.push(dataset);
  }
  return datasets;
}

/**
 * The answer computed from the inputs (on this thread), or null when the study has no data to compute from. The
 * estimate and forecast code loads here, when first needed (a request's answer being frozen, say), not with the
 * app's first screen: the answer on screen is computed in its worker.
 */
export async function computeStudyAnswer(inputs: StudyInputs): Promise<Answer | null> {
  if (inputs.datasets.length === 0) return null;
  const { study, datasets, hallandRule } = inputs;
  const { computeAnswer } = await import('../../../shared/answer/compute-answer');
  return { study, datasets, hallandRule, population: inputs.population, ...computeAnswer(study, datasets, { hallandRule, population: inputs.population }) };
}
