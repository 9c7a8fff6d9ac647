/**
 * A study's feasibility definition: base population, ordered inclusion/exclusion steps and the
 * recruitment plan. This is also the JSON "study file" the CLI reads (schemaVersion guards changes).
 */
import type { CountyCode } from '../regions/regions';
import type { Interval } from '../utils/interval';

export const STUDY_SCHEMA_VERSION = 1;

/** A predicate on the dataset's dimensions, evaluated cell by cell. */
export type Predicate =
  | { kind: 'codes'; /** codes ("C187"), prefixes ("C18"), ranges ("C18-C20") */ codes: string[] }
  | { kind: 'age'; /** inclusive, whole years; null = open */ min: number | null; max: number | null }
  | { kind: 'sex'; sex: 'male' | 'female' }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'region'; regions: CountyCode[] }
  | { kind: 'extra'; key: string; values: string[] }
  | { kind: 'and'; all: Predicate[] }
  | { kind: 'or'; any: Predicate[] }
  | { kind: 'not'; predicate: Predicate };

export type StepRule =
  | { kind: 'predicate'; predicate: Predicate }
  | {
      kind: 'proportion';
      /** For an inclusion: the share that meets the criterion. For an exclusion: the share excluded. */
      share: Interval;
      source: string;
      perRegion?: Partial<Record<CountyCode, Interval>>;
    }
  | {
      kind: 'joint-count';
      /** A region's own count of patients meeting all criteria; replaces the product for that region. */
      region: CountyCode;
      count: Interval;
      source: string;
    };

export interface CriterionStep {
  id: string;
  type: 'inclusion' | 'exclusion';
  enabled: boolean;
  /** The protocol's own words for this criterion. */
  protocolText: string;
  /** Short label shown in the attrition table. */
  label: string;
  rule: StepRule;
}

export interface Site {
  id: string;
  name: string;
  region: CountyCode;
  /** Months after recruitment start when the site opens (0 = at start; fractions are days of the month). */
  activationMonth: number;
  /**
   * Patients the site expects to enrol per month once open, in a month of normal activity (consent and screen
   * failure already in it): the coordinator's input. Absent: the site has no rate yet and is left out of the
   * forecast (with a warning), unless it comes from a version 1 study with a share of its region.
   */
  ratePerMonth?: number;
  /**
   * Version 1 studies only: the share of the region's eligible patients the site sees; its rate is then derived
   * from the estimate (see shared/recruitment/site-rates.ts). Ignored when the site has a rate of its own.
   */
  shareOfRegion?: number;
  /** How certain the site's rate is (maps to the gamma shape, see shared/recruitment/plan.ts); default: the plan's rateShape. */
  rateCertainty?: RateCertainty;
}

/** A planner's certainty about a site's rate; each level is a coefficient of variation of the rate. */
export type RateCertainty = 'low' | 'medium' | 'high';

export interface RecruitmentPlan {
  targetPatients: number;
  /** ISO date. */
  startDate: string;
  months: number;
  consentRate: Interval;
  screenFailureRate: Interval;
  sites: Site[];
  /** Certainty about site rates, as the gamma shape α (higher = more certain). */
  rateShape: number;
  /**
   * Relative recruitment activity per calendar month, January first (1 = normal). Optional: absent means the
   * Swedish default (July near zero, June and August reduced; DEFAULT_SEASONAL_WEIGHTS in recruitment/plan.ts).
   */
  seasonalWeights?: number[];
  /** Share of enrolled patients expected to drop out; the forecast counts patients who stay. Optional: none. */
  dropoutRate?: Interval;
  /** Probability the "how many more sites" answer aims for. Optional: 0.8. */
  sitesGoalProbability?: number;
}

/**
 * Early Feedback Form answers as older versions kept them on the study (questions 1 and 3 only). Read from old
 * study files and old databases and moved to the request (shared/requests/feedback-migration.ts), where the
 * form's answers live now; nothing writes them any more.
 */
export interface EarlyFeedbackChoices {
  /** Q1: is the patient population present in Sweden? Absent = take the suggestion. */
  populationPresent?: 'yes' | 'no' | 'unknown';
  /** Q3: what limits recruitment? Absent = take the suggestion. */
  limitingFactor?: 'competing-studies' | 'exclusion-criteria' | 'no-factors' | 'other';
  /** The coordinator knows of competing studies: then they are the suggested limiting factor. */
  competingStudies?: boolean;
  comment?: string;
}

export interface VerdictThresholds {
  /** P(reach target by deadline) at or above which the chances are "very good". */
  veryGood: number;
  /** … at or above which they are "good"; below is "small". */
  good: number;
}

export interface Study {
  schemaVersion: typeof STUDY_SCHEMA_VERSION;
  id: string;
  version: number;
  title: string;
  sponsorReference: string;
  /** The base population: which count kind, and for incident data the enrolment window in years. */
  population: { kind: 'incident' | 'prevalent'; windowYears: number };
  /** Age reference date for age criteria (ISO). */
  ageReferenceDate: string;
  steps: CriterionStep[];
  recruitment: RecruitmentPlan;
  verdictThresholds: VerdictThresholds;
  /** Legacy: Early Feedback Form answers of older versions, moved to the request when read (see EarlyFeedbackChoices). */
  earlyFeedback?: EarlyFeedbackChoices;
}
