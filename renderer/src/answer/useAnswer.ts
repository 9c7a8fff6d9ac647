/**
 * Loads a study and its datasets from the local database and computes the answer with the domain core:
 * eligible patients (estimateEligible), the recruitment projection and the verdict. Nothing here computes
 * numbers itself.
 */
import { useEffect, useState } from 'react';
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { EstimateResult } from '../../../shared/estimate/types';
import { DEFAULT_HALLAND_RULE, type HallandRule } from '../../../shared/regions/regions';
import { estimateEligible } from '../../../shared/estimate/estimate';
import { projectRecruitment, type RecruitmentProjection } from '../../../shared/recruitment/project';
import { verdictFromProbability, type VerdictResult } from '../../../shared/recruitment/verdict';
import { type AntalDatabase, loadDataset } from '../db/database';

export interface Answer {
  study: Study;
  datasets: Dataset[];
  hallandRule: HallandRule;
  estimate: EstimateResult;
  projection: RecruitmentProjection;
  verdict: VerdictResult;
}

export type AnswerState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; answer: Answer }
  | { status: 'error'; detail: string };

export function computeAnswer(study: Study, datasets: Dataset[], hallandRule: HallandRule): Answer {
  const estimate = estimateEligible(study, datasets, { hallandRule });
  const projection = projectRecruitment(study, estimate);
  const verdict = verdictFromProbability(projection.probability, study.verdictThresholds);
  return { study, datasets, hallandRule, estimate, projection, verdict };
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
  return computeAnswer(record.study, datasets, DEFAULT_HALLAND_RULE);
}

export function useAnswer(db: AntalDatabase, studyId: string | undefined, reloadKey: number): AnswerState {
  const [state, setState] = useState<AnswerState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadAnswer(db, studyId).then(
      (answer) => live && setState(answer ? { status: 'ready', answer } : { status: 'empty' }),
      (error: unknown) => live && setState({ status: 'error', detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, studyId, reloadKey]);
  return state;
}
