/**
 * The Early Feedback Form's "chances of recruiting the desired number of patients" (Very good / Good /
 * Small), from the probability of reaching the target in the planned window. The rule is returned with the
 * verdict so every screen and letter can show it: "very good if P ≥ veryGood, good if P ≥ good, else small".
 */
import type { VerdictThresholds } from '../criteria/study';

export type Verdict = 'very-good' | 'good' | 'small';

export interface VerdictResult {
  verdict: Verdict;
  probability: number;
  thresholds: VerdictThresholds;
}

export function verdictFromProbability(probability: number, thresholds: VerdictThresholds): VerdictResult {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must lie within 0..1 (got ${probability})`);
  const verdict: Verdict = probability >= thresholds.veryGood ? 'very-good' : probability >= thresholds.good ? 'good' : 'small';
  return { verdict, probability, thresholds: { veryGood: thresholds.veryGood, good: thresholds.good } };
}
