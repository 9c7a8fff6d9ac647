/**
 * Loads a study and its datasets from the local database and computes its answer with the domain core. The
 * workspace does the same in a worker; this direct form serves tests and one-off reads.
 */
import { computeAnswer, type ComputedAnswer } from '../../../shared/answer/compute-answer';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../../shared/regions/regions';
import { type AntalDatabase, loadDataset } from '../db/database';

export interface Answer extends ComputedAnswer {
  study: Study;
  datasets: Dataset[];
  hallandRule: HallandRule;
}

export async function loadAnswer(db: AntalDatabase, studyId?: string): Promise<Answer | null> {
  const record = studyId ? await db.studies.get(studyId) : await db.studies.orderBy('updatedAt').last();
  if (!record) return null;
  const datasets: Dataset[] = [];
  for (const id of record.datasetIds) {
    const dataset = await loadDataset(db, id);
    if (dataset) datasets.push(dataset);
  }
  if (datasets.length === 0) return null;
  const hallandRule = DEFAULT_HALLAND_RULE;
  return { study: record.study, datasets, hallandRule, ...computeAnswer(record.study, datasets, { hallandRule }) };
}
