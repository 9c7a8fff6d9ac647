/**
 * A study's feasibility definition: base population, ordered inclusion/exclusion steps and the
 * recruitment plan. This is also the JSON "study file" the CLI reads (schemaVersion guards changes; older
 * files are migrated on reading, see study-migration.ts).
 */
import type { CountUnit, CountKind, RegionBasis } from '../counts/dataset';
import type { CountyCode } from '../regions/regions';
import type { Interval } from '../utils/interval';

export const STUDY_SCHEMA_VERSION = 2;

/** A predicate on the dataset's dimensions, evaluated cell by cell. */
export type Predicate =
  | { kind: 'codes'; /** codes ("C187"), prefixes ("C18"), ranges ("C18-C20") */ codes: string[] }
  | { kind: 'age'; /** inclusive, whole years; null = open */ min: number | null; max: number | null }
  | { kind: 'sex'; sex: 'male' | 'female' }
  | { kind: 'region'; regions: CountyCode[] }
  /** Values of any other dimension of the data (a drug, a stage, a care type), as the data writes them. */
  | { kind: 'extra'; key: string; values: string[] }
  /**
   * Nodes of a code hierarchy in a dimension of the data: an ATC level ("N06BA") selects every drug below it
   * ("N06BA04 Metylfenidat", "N06BA12 …"); an ICD-10 category ("C18") its subcategories.
   */
  | { kind: 'hierarchy'; key: string; scheme: HierarchyScheme; codes: string[] }
  | { kind: 'and'; all: Predicate[] }
  | { kind: 'or'; any: Predicate[] }
  | { kind: 'not'; predicate: Predicate };

/** Code systems whose hierarchy is known from the codes themselves. */
export type HierarchyScheme = 'atc' | 'icd10';

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

/**
 * Which periods of the data the estimate is computed from. A property of the estimate, not a criterion: it
 * chooses the years an annual rate is taken over (incident counts) or the period whose prevalence is used.
 * - latest: the latest period in the data;
 * - all: every period in the data (incident: the annual rate over all of them; prevalent: their mean);
 * - range: the periods wholly inside from..to (years "2019", months "2019-03", weeks "2019-W07").
 * `exclude` leaves out the periods wholly inside any of its spans (an atypical year: { from: "2020", to: "2020" }).
 */
export type EstimatePeriod =
  | { kind: 'latest' }
  | { kind: 'all'; exclude?: PeriodSpan[] }
  | { kind: 'range'; from: string; to: string; exclude?: PeriodSpan[] };

/** From one period to another, both included ("2019".."2023", "2020-03".."2020-05"). */
export interface PeriodSpan {
  from: string;
  to: string;
}

/**
 * The study's basis: what the base population counts. Defaulted from the linked datasets
 * (defaultStudyBasis, basis.ts) and changeable; a linked dataset of another basis blocks the answer.
 */
export interface StudyBasis {
  /** New cases per period (incident) or patients with the condition or treatment in a period (prevalent). */
  kind: CountKind;
  /** For incident counts: the enrolment window in years the annual rate is scaled to. */
  windowYears: number;
  /** Persons (patients) or events (care episodes, dispensings): a patient may count more than once in events. */
  unit: CountUnit;
  /** Patients placed by the region they live in (residence) or are treated in (care). */
  regionBasis: RegionBasis;
  /** The periods of the data the estimate is computed from. */
  period: EstimatePeriod;
}

/**
 * How an age band that straddles an age limit (band 0–19, criterion 6–17) is shared: an explicit assumption
 * with a source and a range, shown as its own line in the attrition and stated in the letter.
 * The share of each straddling band comes from the source (by region and sex where the table has them):
 * - uniform: patients spread evenly over the band's years;
 * - table: a table of persons by age — a population table (SCB) or a finer table of the same measure at another
 *   level (e.g. a national table by 5-year age for coarse regional bands); its cells are filtered by the study's
 *   other criteria on the dimensions it has.
 * `range` multiplies the source's share (low ≤ point ≤ high, capped at the whole band): patients are rarely
 * distributed exactly like the source, and a range whose low end is above 0 keeps every low above 0.
 */
export interface AgeShareAssumption {
  source: { kind: 'uniform' } | { kind: 'table'; datasetId: string };
  range: Interval;
  /** The coordinator's words on the source and the range, printed with the assumption (may be empty). */
  note: string;
}

/** The default range of the age-share assumption: the source's share ± 25 %. */
export const DEFAULT_AGE_SHARE_RANGE: Readonly<Interval> = Object.freeze({ low: 0.75, point: 1, high: 1.25 });

export interface Study {
  schemaVersion: typeof STUDY_SCHEMA_VERSION;
  id: string;
  version: number;
  title: string;
  sponsorReference: string;
  /** The base population: its basis, the periods it is taken from and, for incident data, the enrolment window. */
  population: StudyBasis;
  /** How age bands straddling an age criterion are shared. */
  ageShare: AgeShareAssumption;
  /** Age reference date for age criteria (ISO). */
  ageReferenceDate: string;
  steps: CriterionStep[];
  recruitment: RecruitmentPlan;
  verdictThresholds: VerdictThresholds;
  /**
   * The projection of the eligible patients to the recruitment period by their trend over the data's periods: an
   * explicit assumption, off when absent (older study files and stored studies have none). See ProjectionSetting.
   */
  projection?: ProjectionSetting;
  /** Legacy: Early Feedback Form answers of older versions, moved to the request when read (see EarlyFeedbackChoices). */
  earlyFeedback?: EarlyFeedbackChoices;
}

/**
 * Whether and how the eligible patients are projected from the data's last period to the middle of the
 * recruitment period (a log-linear trend over a window of periods, with a prediction interval). An assumption the
 * coordinator turns on: when on, the answer prints it as its own line after the criteria and every figure after it
 * (regions, healthcare regions, the forecast, the letter) is the projected one — or says why it was refused.
 * Only `on` is required in a file; the rest has defaults (DEFAULT_PROJECTION_SETTING).
 */
export interface ProjectionSetting {
  on: boolean;
  /** The periods the trend is fitted over: the last `periods` periods, or every period from `from` on. Default: the last 5. */
  window?: { periods: number } | { from: string };
  /** The prediction interval's level (0.5..0.99). Default 0.8. */
  level?: number;
  /** One factor for every region (the nation's trend), or each region's own trend where it can be projected. Default: national. */
  mode?: 'national' | 'per-region';
  /** Periods where the series changes meaning (a code change, a new reporting rule): no trend is fitted across them. */
  declaredBreaks?: Array<{ period: string; reason: string }>;
}

export const DEFAULT_PROJECTION_SETTING: Readonly<Required<ProjectionSetting>> = Object.freeze({
  on: false,
  window: Object.freeze({ periods: 5 }),
  level: 0.8,
  mode: 'national',
  declaredBreaks: Object.freeze([]) as unknown as Array<{ period: string; reason: string }>,
});

/** The study's projection setting with every default filled in (off when the study has none). */
export function projectionSettingOf(study: Pick<Study, 'projection'>): Required<ProjectionSetting> {
  const p = study.projection;
  return {
    on: p?.on ?? false,
    window: p?.window ?? { ...DEFAULT_PROJECTION_SETTING.window },
    level: p?.level ?? DEFAULT_PROJECTION_SETTING.level,
    mode: p?.mode ?? DEFAULT_PROJECTION_SETTING.mode,
    declaredBreaks: p?.declaredBreaks ? p.declaredBreaks.map((b) => ({ ...b })) : [],
  };
}
