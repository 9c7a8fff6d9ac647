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

/**
 * A study (by id, or the one edited last) with everything its answer is computed from; null when there is no such study.
 * `written`: datasets this session has just stored and still holds (the demo, seeded at a first start), taken as they
 * are instead of being read back — reading a dataset's columns copies every cell, and the first answer waits for it.
 */
export async function loadStudyInputs(db: AntalDatabase, studyId?: string, written: readonly Dataset[] = []): Promise<StudyInputs | null> {
  const stored = studyId ? await db.studies.get(studyId) : await db.studies.orderBy('updatedAt').last();
  if (!stored) return null;
  const study = await currentStudy(db, stored);
  const record = study === stored.study ? stored : { ...stored, study };
  const datasets = await loadDatasets(db, record.datasetIds, written);
  const [population, hallandRule] = await Promise.all([loadPopulation(db, study), loadHallandRule(db)]);
  return { record, study, datasets, population, hallandRule };
}

/** The datasets of `ids` that exist, in that order (those in `written`, just stored by this session, as they are). */
export async function loadDatasets(db: AntalDatabase, ids: readonly string[], written: readonly Dataset[] = []): Promise<Dataset[]> {
  const datasets: Dataset[] = [];
  for (const id of ids) {
    const dataset = written.find((d) => d.id === id) ?? (await loadDataset(db, id));
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
