/**
 * Disclosure control (röjandekontroll: no count small enough to identify a patient leaves the unit): the public API.
 *
 * - `DisclosurePolicy`, its presets (`DISCLOSURE_PRESETS`: OHDSI k = 5 — the default —, Leaf/SHRINE ≤ 10,
 *   PCORnet/ACT k = 11), `validateDisclosurePolicy` for a custom one, `describeDisclosurePolicy` for the text
 *   printed with it (Swedish or English).
 * - `discloseAnswer(estimate, policy)`: every figure of an estimate as it may be printed — regions, healthcare
 *   regions, nation, attrition steps — with primary and secondary suppression across every printed sum.
 * - `checkDisclosure(printed, policy)`: the independent check. It reads only printed intervals and the sums
 *   between them, propagates bounds to a fixpoint and names every cell whose hidden value can be narrowed.
 *   `printedTableOf(disclosed, policy)` builds its input from a disclosed answer (the letter checks itself so).
 *
 * Typical use (a letter):
 *   const disclosed = discloseAnswer(answer.estimate, policy, { formatNumber });
 *   const check = checkDisclosure(printedTableOf(disclosed, policy), policy);
 *   if (!check.ok) refuse to export, naming check.violations[i].label;
 *   footer: `${policy.name}, version ${policy.version}` (disclosed.policy has the same).
 */
export {
  DEFAULT_DISCLOSURE_POLICY,
  DISCLOSURE_PRESETS,
  customPolicyFrom,
  protectedRanges,
  validateDisclosurePolicy,
  type CountBand,
  type DisclosurePolicy,
  type DisclosurePresetId,
  type PolicyProblem,
  type SecondaryRule,
  type SmallValueDisplay,
  type ZeroDisplay,
} from './policy';
export { describeDisclosurePolicy } from './describe';
export { discloseValue, formatDisclosedValue, type Component, type DisclosedValue, type ValueKind } from './values';
export { discloseAnswer, type DiscloseOptions } from './disclose-answer';
export { checkDisclosure } from './check';
export { printedTableOf } from './printed';
export type {
  AdditiveRelation,
  DisclosedAnswer,
  DisclosedAttritionStep,
  DisclosedFigure,
  DisclosureCheck,
  DisclosureViolation,
  PrintedCell,
  PrintedTable,
} from './types';
