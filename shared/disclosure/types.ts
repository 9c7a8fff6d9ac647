/** The shapes of a disclosed answer and of the checker's input. */
import type { AttritionStep } from '../estimate/types';
import type { CountyCode, HealthcareRegionId } from '../regions/regions';
import type { DisclosedValue } from './values';

/**
 * One printed figure (a region, a healthcare region, the nation, an attrition step): low, point and high each
 * disclosed, with the printed texts. `suppressed` is the point's (the figure's headline number).
 */
export interface DisclosedFigure {
  /** Stable id: "region:01", "healthcare-region:sodra", "national", "attrition:<stepId>", "unknown-region", "national-published". */
  id: string;
  low: DisclosedValue;
  point: DisclosedValue;
  high: DisclosedValue;
  /** Printed texts of each component, of the point and of the interval "low–high" (formatted with discloseAnswer's formatNumber). */
  texts: { low: string; point: string; high: string };
  text: string;
  intervalText: string;
  suppressed: 'primary' | 'secondary' | null;
}

export interface DisclosedAttritionStep {
  stepId: string;
  label: string;
  /** As the estimate's line (an age-share assumption line is 'assumption'). */
  type: AttritionStep['type'];
  enabled: boolean;
  /** A criterion that lowers (or keeps) every component: a reader may rely on it only removing patients. */
  removesOnly: boolean;
  figure: DisclosedFigure;
  /** % remaining (vs the base) and % lost (vs the previous enabled step) computed from the printed points only; null when either is not printed as a number. */
  remainingShare: number | null;
  lostShare: number | null;
}

export interface DisclosedAnswer {
  policy: { id: string; name: string; version: string };
  /** The estimate's input hash, so a letter can show what was disclosed. */
  inputHash: string;
  regions: (DisclosedFigure & { region: CountyCode })[];
  healthcareRegions: (DisclosedFigure & { healthcareRegion: HealthcareRegionId })[];
  national: DisclosedFigure;
  attrition: DisclosedAttritionStep[];
  /** Patients of unknown region and the published national total, when the estimate has them (primary suppression only: they are in no printed sum). */
  unknownRegion?: DisclosedFigure;
  nationalPublished?: DisclosedFigure;
  /**
   * The whole percentage of Halland counted in Södra, as every output prints it, and the same as a share: Södra's
   * part of each Halland value is exactly this percentage of it rounded to whole patients (the rest to Västra), so
   * every printed total adds up (see disclose-answer.ts).
   */
  hallandSodraPercent: number;
  hallandSodraShare: number;
  /** Counts of suppressed figures (points), for a summary line. */
  summary: { primary: number; secondary: number };
  /** What disclosure control costs the reader. */
  loss: InformationLoss;
}

/** How much of the table is not printed as itself. */
export interface InformationLoss {
  /** The regions' low, point and high values (21 × 3 = 63), and how many of them are not printed as numbers. */
  regionalFigures: number;
  regionalHidden: number;
  /** …of which hidden to protect others (".."), the rest being small values. */
  regionalHiddenSecondary: number;
  /** The same over every value of the table (regions, healthcare regions, the nation, the attrition steps). */
  figures: number;
  hidden: number;
  hiddenSecondary: number;
  /** Eligible patients (the regions' points), and those in regions whose point is not printed as a number. */
  patients: number;
  patientsInHiddenRegions: number;
}

