import type { CountUnit, RegionBasis } from '../counts/dataset';
import type { AgeShareAssumption, EstimatePeriod, StudyBasis } from '../criteria/study';
import type { CountyCode, HealthcareRegionId } from '../regions/regions';
import type { Interval } from '../utils/interval';

export interface RegionEstimate {
  region: CountyCode;
  eligible: Interval;
  /** How many dataset cells contributed, and how many of those were masked in the source. */
  cells: number;
  maskedCells: number;
  /** Set when a joint count replaced the product of steps for this region. */
  jointCount: boolean;
  /** Overlapping values the figure combines (it is then not a count of distinct persons); absent: none. */
  overlap?: OverlapNote[];
}

/**
 * A figure that combines values of a dimension whose values overlap (one person under several of them):
 * `union` — several values of it were selected, so the figure is an interval from the largest value to their sum
 * (point: midway, the overlap being unknown); `sum` — regions were added, and a person counted in two regions
 * is in the sum twice (the published national figure, when there is one, is shown beside it).
 */
export interface OverlapNote {
  /** The dimension's key. */
  dimension: string;
  /** The dimension's header as the data wrote it, when known ("Läkemedel"). */
  label?: string;
  combined: 'union' | 'sum';
}

export interface HealthcareRegionEstimate {
  id: HealthcareRegionId;
  eligible: Interval;
}

export interface AttritionStep {
  stepId: string;
  /** The step's own label; empty for an assumption line (worded by attritionLabel in shared/answer/describe.ts). */
  label: string;
  /**
   * `assumption`: the age-share line after an age criterion (see `assumption`), never a criterion of its own;
   * `projection`: the trend's projection to the recruitment period after the last step (see `projection`).
   */
  type: 'inclusion' | 'exclusion' | 'base' | 'assumption' | 'projection';
  enabled: boolean;
  total: Interval;
  perRegion: Partial<Record<CountyCode, Interval>>;
  /** Point remaining as a fraction of the base (0..1) and lost versus the previous enabled step (0..1). */
  remainingShare: number;
  lostShare: number;
  /**
   * The published national rows' answer at this step, when they answer it exactly: every national cell
   * lies wholly inside or outside the criteria so far, and no joint count or per-region share applies yet.
   * Shown beside `total` (the sum of the regions), which it usually differs from.
   */
  totalPublished?: Interval;
  /** Overlapping values this line's total combines (see OverlapNote); absent: none. */
  overlap?: OverlapNote[];
  /** For an assumption line: what was assumed. */
  assumption?: AgeShareLine;
  /** For the projection line: from which period to which, and the factor (worded by attritionLabel). */
  // Written out rather than imported from shared/trend, which builds on the estimator (no cycle between them).
  projection?: { from: string; to: string; factor: Interval; level: number; mode: 'national' | 'per-region' };
}

/** The age-share assumption line: which bands straddle the criterion, their shares and where they come from. */
export interface AgeShareLine {
  kind: 'age-share';
  /** The age criterion the line follows. */
  stepId: string;
  source: { kind: 'uniform' } | { kind: 'table'; datasetId: string; name: string };
  range: Interval;
  note: string;
  /** The age limits of the criteria so far, when they are plain limits (null: a compound criterion). */
  ages: { min: number | null; max: number | null } | null;
  /** Each straddling band: its share (national, both sexes, with the range applied) and each region's point share. */
  bands: Array<{ band: string; share: Interval | null; regions?: Partial<Record<CountyCode, number>> }>;
}

/** A dataset that cannot be used, or an input that is missing: the answer has no figures to send until it is fixed. */
export type BlockingProblem =
  | {
      code: 'basis-mismatch';
      dataset: DatasetRef;
      /** Every field of the dataset's basis that differs from the study's. */
      mismatches: Array<{ field: 'kind' | 'unit' | 'regionBasis'; dataset: string; study: string }>;
      fixes: ProblemFix[];
    }
  /** The estimate's period selects none of the dataset's periods. */
  | { code: 'no-period'; dataset: DatasetRef; period: EstimatePeriod; dataPeriod: { from: string; to: string }; fixes: ProblemFix[] }
  /** The age-share table the study names was not given (deleted, or not passed to the command). */
  | { code: 'age-share-table-missing'; datasetId: string; fixes: ProblemFix[] }
  | { code: 'age-share-table-unusable'; dataset: DatasetRef; reason: 'no-age' | 'age-all' | 'bad-sex' | 'no-persons'; fixes: ProblemFix[] }
  /** No dataset is linked. */
  | { code: 'no-data'; fixes: ProblemFix[] };

export interface DatasetRef {
  id: string;
  name: string;
}

/** A one-click fix of a blocking problem, as data (apply it with applyProblemFix, shared/answer/describe.ts). */
export type ProblemFix =
  | { kind: 'set-basis'; basis: Partial<Pick<StudyBasis, 'kind' | 'unit' | 'regionBasis'>> }
  | { kind: 'unlink-dataset'; datasetId: string }
  | { kind: 'set-period'; period: EstimatePeriod }
  | { kind: 'set-age-share-source'; source: AgeShareAssumption['source'] };

/** The periods the estimate was computed from, and how (shown beside the base, not as a criterion). */
export interface EstimatePeriodUsed {
  setting: EstimatePeriod;
  kind: 'incident' | 'prevalent';
  windowYears: number;
  /**
   * Per dataset used: the periods taken (labels as the data writes them; empty when it has no period column),
   * their first and last, the years they cover and the factor counts were multiplied by (incident: window /
   * years, an annual rate scaled to the window; prevalent: 1 / number of periods, their mean).
   */
  datasets: Array<{ id: string; periods: string[]; from: string; to: string; years: number; scale: number }>;
}

export type EstimateWarning =
  | { code: 'independence'; steps: string[] }
  | { code: 'synthetic-data'; dataset: string }
  | { code: 'masked-cells'; count: number }
  /** `weighting`: how the point share of a straddling band was taken (see EstimateBasis.ageShares). */
  | { code: 'straddling-age-band'; bands: string[]; weighting?: 'uniform' | 'population' }
  /** The study counts events: one patient may be counted more than once. */
  | { code: 'events-not-persons' }
  /** A region's own joint count was above the figure before its step and was capped there (criteria only remove). */
  | { code: 'joint-count-capped'; stepId: string; region: CountyCode }
  /** The answer combines values of overlapping dimensions (see OverlapNote); `dimensions` are their keys. */
  | { code: 'overlapping-values'; dimensions: string[] }
  /** A criterion met data coarser than itself (block "C15-C26" for "C18", sex "all" for "female") or a
   *  dimension the data lacks: those cells count 0 in the point and in full in the high. */
  | { code: 'unresolved-criterion'; dimensions: string[] };

/** What the base population is, for the method text. */
export interface EstimateBasis {
  kind: 'incident' | 'prevalent';
  windowYears: number;
  /**
   * Per dataset used: id, years its periods cover, and the factor its counts were multiplied by in the base
   * row; `yearsUsed` and `scaleUsed` are the same after every period criterion (the final figures), when
   * period criteria chose fewer years than the dataset covers they differ from the base row's.
   */
  datasets: { id: string; yearsCovered: number; scale: number; yearsUsed?: number; scaleUsed?: number }[];
  /** The one unit and region basis of all datasets added (others are left out with a warning). */
  unit?: CountUnit;
  regionBasis?: RegionBasis;
  /** How straddling age bands were shared: uniformly within the band, or by a population table's ages. */
  ageShares?: { kind: 'uniform' } | { kind: 'population'; datasetId: string };
}

export interface EstimateResult {
  /** Hash of the inputs (study version, dataset hashes, settings). */
  inputHash: string;
  /**
   * Problems that block the answer (a dataset of another basis, a period that selects nothing, a missing age
   * table): while any is present the answer has no figures to send, and the figures here count only what could
   * be used. Empty when the answer can be sent. (Always set by estimateEligible; absent only in answers kept from
   * before it existed, which had none.)
   */
  blocking?: BlockingProblem[];
  /** The periods the estimate was computed from (always set by estimateEligible; absent in older kept answers). */
  period?: EstimatePeriodUsed;
  regions: RegionEstimate[];
  healthcareRegions: HealthcareRegionEstimate[];
  national: Interval;
  /** Overlapping values the national figure combines (see OverlapNote); absent: none. */
  nationalOverlap?: OverlapNote[];
  /** Published national total answering the question exactly, beside the sum of regions (see AttritionStep.totalPublished). */
  nationalPublished?: Interval;
  /** Eligible persons whose region is unknown in the data: part of no region and not of `national` (the sum of regions). */
  unknownRegion?: Interval;
  basis?: EstimateBasis;
  attrition: AttritionStep[];
  /** Id of the enabled step that loses the largest share (the main limiting factor), if any. */
  mostLimitingStepId: string | null;
  warnings: EstimateWarning[];
  // `projected` (the projection line or its refusal, when the study's projection is on) is declared by
  // shared/answer/projection.ts as a module augmentation: the answer builds on the estimator, not the reverse.
}
