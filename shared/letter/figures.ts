/**
 * The figures a letter prints, as text, after disclosure control. The letter model never formats a count
 * itself: every count it shows comes from here, so nothing smaller than the policy allows can reach the page.
 * `value` is the printed number when the figure is printed as a plain number (used for derived shares and for
 * shading the map), null when it is hidden, banded or shown as "<k".
 */
import type { CountyCode, HealthcareRegionId } from '../regions/regions';

export interface PrintedValue {
  text: string;
  value: number | null;
}

export interface PrintedInterval {
  low: PrintedValue;
  point: PrintedValue;
  high: PrintedValue;
}

export interface LetterFigures {
  region(code: CountyCode): PrintedInterval;
  healthcareRegion(id: HealthcareRegionId): PrintedInterval;
  national: PrintedInterval;
  attritionStep(stepId: string): PrintedInterval;
  /** Patients of unknown region (in no printed sum) and the published national total, when the estimate has them. */
  unknownRegion?: PrintedInterval;
  nationalPublished?: PrintedInterval;
  /** The whole percentage of Halland counted in Södra, as split in the printed healthcare regions. */
  hallandSodraPercent: number;
}

/** A share derived only from printed numbers (so it reveals nothing the page does not), or null. */
export function printedShare(part: PrintedValue, whole: PrintedValue): number | null {
  if (part.value === null || whole.value === null || whole.value <= 0) return null;
  return part.value / whole.value;
}
