/**
 * Disclosure control (röjandekontroll: no count small enough to identify a patient leaves the unit): the public API.
 *
 * - `DisclosurePolicy`, its presets (`DISCLOSURE_PRESETS`: OHDSI k = 5 — the default —, Leaf/SHRINE ≤ 10,
 *   PCORnet/ACT k = 11), `validateDisclosurePolicy` for a custom one, `describeDisclosurePolicy` for the text
 *   printed with it (Swedish or English).
 * - `discloseAnswer(estimate, policy, { hallandRule })`: the one disclosed table every output of an answer prints
 *   — regions, healthcare regions, nation, attrition steps — with primary suppression and secondary suppression
 *   chosen as an optimisation, and what it costs (`loss`).
 * - The independent check is the exact auditor in shared/disclosure-audit, which reads what the outputs print.
 *
 * Typical use (a letter):
 *   const disclosed = discloseAnswer(answer.estimate, policy, { formatNumber, hallandRule });
 *   print the letter from it, then audit the letter with every other output of the answer before export;
 *   footer: `${policy.name}, version ${policy.version}` (disclosed.policy has the same).
 */
export {
  DEFAULT_DISCLOSURE_POLICY,
  DISCLOSURE_PRESETS,
  customPolicyFrom,
  protectedRanges,
  smallValueRange,
  smallValueText,
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
export { DISCLOSURE_POLICY_SETTING_KEY, StoredPolicyError, policyFromSetting } from './policy-setting';
export { discloseValue, formatDisclosedValue, type Component, type DisclosedValue, type ValueKind } from './values';
export { discloseAnswer, hallandSodraPart, printedHallandPercent, type DiscloseOptions } from './disclose-answer';
export type { DisclosedAnswer, DisclosedAttritionStep, DisclosedFigure, InformationLoss } from './types';
