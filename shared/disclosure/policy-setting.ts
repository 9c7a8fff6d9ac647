/**
 * Where the unit's disclosure policy is kept and how a stored one is read back — one strict reader for every
 * place that needs the policy (the answer page, Settings, the letter, answer files, the method page). A policy
 * that cannot be used (edited by hand, an older format) is an error that names what is wrong, never silently
 * replaced by the default: a letter must not go out under another policy than the one the unit chose.
 */
import { DEFAULT_DISCLOSURE_POLICY, validateDisclosurePolicy, type DisclosurePolicy, type PolicyProblem } from './policy';

/** The settings key the chosen policy is stored under (nothing stored: the default, OHDSI k = 5). */
export const DISCLOSURE_POLICY_SETTING_KEY = 'disclosurePolicy';

/** A stored policy that cannot be used; `problems` name each field (empty when the value is not a policy at all). */
export class StoredPolicyError extends Error {
  constructor(
    readonly problems: PolicyProblem[],
    message: string,
  ) {
    super(message);
    this.name = 'StoredPolicyError';
  }
}

const STRING_FIELDS = ['id', 'name', 'version', 'zero', 'secondary', 'secondaryText'] as const;

/** The policy in a stored setting: absent → the default; anything unusable → StoredPolicyError. */
export function policyFromSetting(stored: unknown): DisclosurePolicy {
  if (stored === undefined || stored === null) return DEFAULT_DISCLOSURE_POLICY;
  if (typeof stored !== 'object' || Array.isArray(stored)) throw new StoredPolicyError([], `The stored disclosure policy is not a policy (found ${Array.isArray(stored) ? 'a list' : typeof stored}).`);
  const record = stored as Record<string, unknown>;
  const wrongType = STRING_FIELDS.filter((f) => typeof record[f] !== 'string');
  if (typeof record.threshold !== 'number' || typeof record.rounding !== 'number' || typeof record.small !== 'object' || record.small === null || wrongType.length > 0) {
    const fields = [...wrongType, ...(typeof record.threshold !== 'number' ? ['threshold'] : []), ...(typeof record.rounding !== 'number' ? ['rounding'] : []), ...(typeof record.small !== 'object' || record.small === null ? ['small'] : [])];
    throw new StoredPolicyError([], `The stored disclosure policy is incomplete or of another format: ${fields.join(', ')} missing or of the wrong type.`);
  }
  const policy = stored as DisclosurePolicy;
  const problems = validateDisclosurePolicy(policy);
  if (problems.length > 0) throw new StoredPolicyError(problems, `The stored disclosure policy cannot be used: ${problems.map((p) => p.message).join(' ')}`);
  return policy;
}
