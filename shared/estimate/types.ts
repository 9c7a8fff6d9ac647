import type { CountyCode, HealthcareRegionId } from '../regions/regions';

/** A count with its honest uncertainty: low ≤ point ≤ high. */
export interface Interval {
  low: number;
  point: number;
  high: number;
}

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
}

export type EstimateWarning =
  | { code: 'independence'; steps: string[] }
  | { code: 'synthetic-data'; dataset: string }
  | { code: 'masked-cells'; count: number }
  | { code: 'straddling-age-band'; bands: string[] }
  | { code: 'basis-mismatch'; detail: string };

export interface EstimateResult {
  /** Hash of the inputs (study version, dataset hashes, settings). */
  inputHash: string;
  regions: RegionEstimate[];
  healthcareRegions: HealthcareRegionEstimate[];
  national: Interval;
  attrition: AttritionStep[];
  /** Id of the enabled step that loses the largest share (the main limiting factor), if any. */
  mostLimitingStepId: string | null;
  warnings: EstimateWarning[];
}
