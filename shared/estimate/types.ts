import type { CountUnit, RegionBasis } from '../counts/dataset';
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
}

export interface HealthcareRegionEstimate {
  id: HealthcareRegionId;
  eligible: Interval;
}

export interface AttritionStep {
  stepId: string;
  label: string;
  type: 'inclusion' | 'exclusion' | 'base';
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
}

export type EstimateWarning =
  | { code: 'independence'; steps: string[] }
  | { code: 'synthetic-data'; dataset: string }
  | { code: 'masked-cells'; count: number }
  /** `weighting`: how the point share of a straddling band was taken (see EstimateBasis.ageShares). */
  | { code: 'straddling-age-band'; bands: string[]; weighting?: 'uniform' | 'population' }
  /** A dataset of another basis than the data used, left out (or, for events, used with this caveat); `dataset` names it. */
  | { code: 'basis-mismatch'; detail: string; dataset?: string }
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
  regions: RegionEstimate[];
  healthcareRegions: HealthcareRegionEstimate[];
  national: Interval;
  /** Published national total answering the question exactly, beside the sum of regions (see AttritionStep.totalPublished). */
  nationalPublished?: Interval;
  /** Eligible persons whose region is unknown in the data: part of no region and not of `national` (the sum of regions). */
  unknownRegion?: Interval;
  basis?: EstimateBasis;
  attrition: AttritionStep[];
  /** Id of the enabled step that loses the largest share (the main limiting factor), if any. */
  mostLimitingStepId: string | null;
  warnings: EstimateWarning[];
}
