/**
 * The disclosure policy the unit chose and the sponsor-view switch on the answer page.
 *
 * The policy is stored whole as it was chosen (a preset or a custom one), so the letter, the answer file, the method
 * page and the screen apply the very same name, version and rules. Strict: nothing stored means the default (OHDSI
 * k = 5), but something unusable (edited by hand, an older format) throws StoredPolicyError naming the problem —
 * everywhere — so no output goes out under a policy the unit did not choose. An invalid policy is refused before it
 * is stored, so what is stored is always usable.
 */
import { DEFAULT_DISCLOSURE_POLICY, DISCLOSURE_POLICY_SETTING_KEY, policyFromSetting, validateDisclosurePolicy, type DisclosurePolicy } from '../../../shared/disclosure';
import type { AntalDatabase } from '../db/database';
import { defineSetting, loadSetting, saveSetting, type AuditSay } from './setting';

export const DISCLOSURE_POLICY_SETTING = defineSetting<DisclosurePolicy>({
  key: DISCLOSURE_POLICY_SETTING_KEY,
  rule: 'strict',
  fallback: DEFAULT_DISCLOSURE_POLICY,
  read: policyFromSetting,
  problems: (policy) => validateDisclosurePolicy(policy).map((p) => p.message),
  audit: (policy, _before, say) => ({
    kind: 'policy',
    summary: say('settings.audit.policy', { name: policy.name, version: policy.version, k: policy.threshold }),
    details: { key: DISCLOSURE_POLICY_SETTING_KEY, id: policy.id, name: policy.name, version: policy.version, threshold: policy.threshold, rounding: policy.rounding, secondary: policy.secondary },
  }),
});

/**
 * Lenient (only `true` is on): the switch changes what the coordinator's own screen shows, nothing that leaves the
 * unit, so it is not audited either.
 */
export const SPONSOR_VIEW_SETTING = defineSetting<boolean>({
  key: 'disclosureSponsorView',
  rule: 'lenient',
  fallback: false,
  read: (stored) => stored === true,
  audit: null,
});

export const SPONSOR_VIEW_KEY = SPONSOR_VIEW_SETTING.key;

/** The stored policy; throws StoredPolicyError when what is stored cannot be used. */
export function loadDisclosurePolicy(db: AntalDatabase): Promise<DisclosurePolicy> {
  return loadSetting(db, DISCLOSURE_POLICY_SETTING);
}

/** Stores a policy with its audit entry; refuses (throws) an invalid one. */
export function saveDisclosurePolicy(db: AntalDatabase, policy: DisclosurePolicy, say: AuditSay): Promise<void> {
  return saveSetting(db, DISCLOSURE_POLICY_SETTING, policy, say);
}

export function loadSponsorView(db: AntalDatabase): Promise<boolean> {
  return loadSetting(db, SPONSOR_VIEW_SETTING);
}

export function saveSponsorView(db: AntalDatabase, on: boolean): Promise<void> {
  return saveSetting(db, SPONSOR_VIEW_SETTING, on);
}
