// Messages between the trend section and its worker.
import type { Dataset } from '../../../shared/counts/dataset';
import type { Study } from '../../../shared/criteria/study';
import type { DeclaredBreak, StudyTrends } from '../../../shared/trend';
import type { TrendWindow } from '../../../shared/trend/trend';

export interface TrendRequest {
  study: Study;
  datasets: Dataset[];
  /** The study's population table: the age shares' table and the population of the rates. */
  population: Dataset | null;
  window: TrendWindow;
  declaredBreaks: DeclaredBreak[];
}

export type TrendResponse = { type: 'result'; trends: StudyTrends; millis: number } | { type: 'error'; message: string };
