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
   * Halland's share of Södra used to build the printed healthcare-region sums (the remainder goes to Västra).
   * Printed healthcare regions and the nation are sums of the printed regions' whole values, so every printed
   * total adds up (see disclose-answer.ts).
   */
  hallandSodraShare: number;
  /** Counts of suppressed figures (points), for a summary line. */
  summary: { primary: number; secondary: number };
}

/** A number as a reader sees it: the interval of whole values the print allows (high may be Infinity). */
export interface PrintedCell {
  id: string;
  /** Human label used in violations, e.g. "Gotland (punkt)". */
  label: string;
  low: number;
  high: number;
  /**
   * false for a quantity no-one needs to protect (e.g. the share of Halland attributed to Södra, which the
   * published split rule gives away anyway); it still carries information between relations.
   */
  protect?: boolean;
}

/** total = Σ parts, exactly (whole numbers). */
export interface AdditiveRelation {
  id: string;
  total: string;
  parts: string[];
}

/** The checker's input: printed cells (and unprinted ones a reader can reason about, such as the loss between two steps) and the relations between them. */
export interface PrintedTable {
  cells: PrintedCell[];
  relations: AdditiveRelation[];
  /** Pairs [a, b] a reader knows satisfy a ≤ b (an interval's low ≤ point ≤ high). */
  order?: [string, string][];
}

export interface DisclosureViolation {
  cellId: string;
  label: string;
  /** What the print says, and what a reader can narrow it to. */
  printed: { low: number; high: number };
  inferred: { low: number; high: number };
  /** The protected range the inferred interval cuts into. */
  protectedRange: { from: number; to: number };
  message: string;
}

export interface DisclosureCheck {
  ok: boolean;
  violations: DisclosureViolation[];
  /** Rounds of propagation until nothing changed. */
  rounds: number;
}
